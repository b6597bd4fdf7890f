import { expect, test } from '@playwright/test';
import type { Page } from 'puppeteer-core';
import { startFakeStreamBackend } from '../demo/backend/fakeStreamBackend.mjs';
import { STORAGE_LAYOUT } from '../src/common/storageLayout';
import { launchFirefoxWithExtension, type FirefoxWithExtension } from './support/firefox';

/**
 * The Firefox package (release/onesocket-firefox-<version>.xpi, from `npm run package`),
 * installed in stock Firefox (Debian's firefox-esr), records what the Chromium build records:
 * the demo page opens two sockets for alice through the real stream-chat SDK against the fake
 * backend; the background's record and the standalone panel show both, and the
 * duplicate-connection finding. Not Playwright's browser: see support/firefox.ts.
 */

type Backend = Awaited<ReturnType<typeof startFakeStreamBackend>>;

let firefox: FirefoxWithExtension;
let backend: Backend;

test.beforeAll(async () => {
  test.setTimeout(60_000); // starting Firefox on a busy machine
  backend = await startFakeStreamBackend();
  firefox = await launchFirefoxWithExtension();
});

test.afterAll(async () => {
  test.setTimeout(60_000);
  await firefox?.close();
  await backend?.close();
});

/** What the background holds for the tab showing `pageUrl` (its persisted record), or null. */
async function recordOf(extensionPage: Page, pageUrl: string) {
  return extensionPage.evaluate(
    async ({ url, layout }) => {
      // The extension page's own `browser` (Firefox's WebExtension API).
      const api = (globalThis as unknown as { browser: { storage: { session: { get(keys: null): Promise<Record<string, unknown>> } } } }).browser;
      const everything = await api.storage.session.get(null);
      const tab = Object.entries(everything)
        .filter(([key]) => key.startsWith(layout.tabPrefix))
        .map(([, value]) => value as { tabId: number; pages: Array<{ url: string }> })
        .find((record) => record.pages.at(-1)?.url === url);
      if (!tab) return null;
      const sockets = Object.entries(everything)
        .filter(([key]) => key.startsWith(`${layout.socketPrefix}${tab.tabId}:`))
        .map(([, value]) => value as { identity: { userId: string | null }; bytesReceived: number });
      return { tabId: tab.tabId, userIds: sockets.map((socket) => socket.identity.userId), bytesReceived: sockets.map((socket) => socket.bytesReceived) };
    },
    { url: pageUrl, layout: STORAGE_LAYOUT },
  );
}

/** The standalone panel as a user reads it: each row's user, and the active findings' text. */
async function panelReading(panel: Page) {
  return panel.evaluate(() => ({
    users: [...document.querySelectorAll('table[aria-label="Connections"] tbody tr td.user')].map((cell) => cell.textContent?.trim()),
    activeFindings: [...document.querySelectorAll('[aria-label="Findings"] li[data-active="true"]')].map((item) => ({
      rule: item.getAttribute('data-rule'),
      severity: item.className.match(/severity-(\w+)/)?.[1],
      text: item.textContent ?? '',
    })),
  }));
}

test('Firefox records two sockets of one Stream user and raises duplicate-connection', async () => {
  test.setTimeout(90_000);
  const page = await firefox.browser.newPage();
  const pageUrl = `${backend.baseURL}/?firefox-smoke`;
  await page.goto(pageUrl);
  await page.evaluate(() => (window as unknown as { demo: { run(name: string): Promise<void> } }).demo.run('two-clients'));
  expect(backend.connections().map((connection) => connection.userId)).toEqual(['alice', 'alice']);

  const extensionPage = await firefox.openExtensionPage('/src/popup/popup.html');
  await expect.poll(async () => (await recordOf(extensionPage, pageUrl))?.userIds, { timeout: 10_000 }).toEqual(['alice', 'alice']);
  // Incoming frames are sized: the hook's late read of MessageEvent's data getter knows
  // Firefox's natives too (src/content/page/lateNatives.ts).
  await expect.poll(async () => (await recordOf(extensionPage, pageUrl))?.bytesReceived.every((bytes) => bytes > 0), { timeout: 10_000 }).toBe(true);
  const record = await recordOf(extensionPage, pageUrl);

  const panel = await firefox.openExtensionPage(`/src/devtools/panel.html?tabId=${record?.tabId}`);
  await expect.poll(async () => (await panelReading(panel)).users, { timeout: 10_000 }).toEqual(['alice', 'alice']);
  await expect
    .poll(async () => (await panelReading(panel)).activeFindings, { timeout: 10_000 })
    .toEqual([{ rule: 'duplicate-connection', severity: 'error', text: expect.stringContaining('User "alice" holds 2 connections') }]);
});
