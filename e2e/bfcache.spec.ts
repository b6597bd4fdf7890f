import { chromium } from '@playwright/test';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { extensionLaunchOptions } from '../scripts/chromium.mjs';
import { DIST_DIR, expect, extensionWorker, tabIdOf, test } from './support/extension';
import { recordedSockets, tabRecord } from './support/tabRecord';

test('a page restored from the back/forward cache is recorded, with the sockets it opens then', async ({ fixtures }) => {
  // Playwright turns the back/forward cache off by default; this test needs it on.
  const profile = await mkdtemp(path.join(os.tmpdir(), 'onesocket-bfcache-'));
  const options = extensionLaunchOptions({ distDir: DIST_DIR });
  const context = await chromium.launchPersistentContext(profile, {
    ...options,
    ignoreDefaultArgs: [...(Array.isArray(options.ignoreDefaultArgs) ? options.ignoreDefaultArgs : []), '--disable-back-forward-cache'],
  });
  try {
    const serviceWorker = await extensionWorker(context);
    const page = await context.newPage();
    await page.goto(`${fixtures.origin}/bfcache.html`);
    const tabId = await tabIdOf(serviceWorker, page);
    await expect.poll(async () => (await recordedSockets(serviceWorker, tabId)).map((s) => s.url)).toEqual([`${fixtures.wsOrigin}/bfcache?socket=at-load`]);

    // Away to another site, then back: the same document comes back from the cache.
    await page.goto(`http://localhost:${new URL(fixtures.origin).port}/blank.html`);
    await page.evaluate(() => setTimeout(() => history.back(), 0));
    // Evaluating may race the history navigation: a destroyed context is just "not yet".
    const shows = () => page.evaluate(() => (window as unknown as { shows?: string[] }).shows ?? null).catch(() => null);
    await expect.poll(shows).toEqual(['loaded', 'restored']);

    // The restored document is the tab's page again; Chrome closed its first socket on the way
    // into the cache, and the socket it opened on return is recorded, live, in its frame.
    await expect
      .poll(async () => (await recordedSockets(serviceWorker, tabId)).map((s) => `${new URL(s.url).search} ${s.state} ${s.frameUrl}`))
      .toEqual([`?socket=after-restore open ${fixtures.origin}/bfcache.html`]);
    expect(fixtures.liveSockets()).toEqual(['/bfcache?socket=after-restore']);
    expect((await tabRecord(serviceWorker, tabId))?.pages.at(-1)?.url).toBe(`${fixtures.origin}/bfcache.html`);
  } finally {
    await context.close();
    await rm(profile, { recursive: true, force: true });
  }
});
