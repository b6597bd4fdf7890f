import type { BrowserContext } from '@playwright/test';
import { expect, test } from './support/extension';
import { launchPlainChromium } from './support/plainBrowser';
import { recordedSockets } from './support/tabRecord';
import { runTransparencyChecks, type TransparencyResults } from './support/transparencyChecks';

/**
 * The hook must be invisible: every check a page can make about WebSocket gives the same
 * answer with the extension as without it (issue 3, "Transparency").
 */
async function checksIn(context: BrowserContext, pageUrl: string, wsOrigin: string): Promise<TransparencyResults> {
  const page = await context.newPage();
  await page.goto(pageUrl);
  const results = await page.evaluate(runTransparencyChecks, wsOrigin);
  await page.close();
  return results;
}

test('a page sees the same WebSocket with and without the extension', async ({ context, fixtures, serviceWorker, tabIdOf }) => {
  const browser = await launchPlainChromium();
  const pageUrl = `${fixtures.origin}/blank.html`;
  let without: TransparencyResults;
  try {
    without = await checksIn(await browser.newContext(), pageUrl, fixtures.wsOrigin);
  } finally {
    await browser.close();
  }

  const page = await context.newPage();
  await page.goto(pageUrl);
  const tabId = await tabIdOf(page);
  const withExtension = await page.evaluate(runTransparencyChecks, fixtures.wsOrigin);

  // Compared check by check, so a difference names the check that broke.
  for (const [name, value] of Object.entries(without.checks)) {
    expect.soft(withExtension.checks[name], `check "${name}"`).toEqual(value);
  }
  expect(Object.keys(withExtension.checks)).toEqual(Object.keys(without.checks));
  // No exception the page sees carries a frame of ours (an error tracker would report it).
  expect(JSON.stringify(withExtension.checks)).not.toContain('chrome-extension://');
  expect((without.checks.exceptions as Record<string, { frames: string[] }>).fragment?.frames.length).toBeGreaterThan(0);
  // Sanity: the reference run is what a real Chromium says.
  expect(without.checks.sourceText).toMatchObject({ constructor: 'function WebSocket() { [native code] }', send: 'function send() { [native code] }' });

  // And the hook was there all along: every socket the page made is recorded.
  const webSockets = async () => (await recordedSockets(serviceWorker, tabId)).filter((socket) => socket.transport === 'websocket');
  await expect.poll(async () => (await webSockets()).length).toBe(withExtension.socketsConstructed);
  // The /longpoll requests of the HTTP checks were seen too (connect, polls, a refused one).
  expect((await recordedSockets(serviceWorker, tabId)).some((socket) => socket.transport === 'longpoll')).toBe(true);
});
