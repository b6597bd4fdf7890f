import { readFileSync } from 'node:fs';
import path from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { findOnPath } from '../../scripts/chromium.mjs';

/**
 * Stock Firefox with the Firefox build of OneSocket, headless, driven over WebDriver BiDi (built
 * into Firefox; no geckodriver) through puppeteer-core. Playwright cannot drive stock Firefox.
 *
 * - The build is installed as a temporary add-on (BiDi `webExtension.install`).
 * - The pref `extensions.webextensions.uuids` fixes the add-on's `moz-extension://<uuid>` origin,
 *   so the test knows where its pages are.
 * - BiDi opens `moz-extension://` pages only when Firefox starts with
 *   `--remote-allow-system-access`, and puppeteer's `page.goto()` never sees such a page finish
 *   loading: `openExtensionPage` navigates with the raw BiDi command and waits for the document.
 */

export const FIREFOX_DIST_DIR = path.resolve(import.meta.dirname, '../../dist-firefox');

/** Any fixed UUID will do; it only has to be the same in the pref and in the test's URLs. */
const EXTENSION_UUID = '0e5e0c0e-5e01-4d3e-8f00-6f2a1e349b1c';

/** firefox-esr (Debian) or firefox on PATH, or ONESOCKET_FIREFOX. */
export function findFirefoxExecutable(): string {
  const found = process.env.ONESOCKET_FIREFOX || findOnPath('firefox-esr') || findOnPath('firefox');
  if (!found) throw new Error('Firefox not found: install it (on Debian: apt-get install firefox-esr) or set ONESOCKET_FIREFOX');
  return found;
}

export interface FirefoxWithExtension {
  browser: Browser;
  /** `moz-extension://<uuid>` */
  extensionOrigin: string;
  /** A new tab showing the extension page at `pagePath` (e.g. `/src/popup/popup.html`), loaded. */
  openExtensionPage(pagePath: string): Promise<Page>;
  close(): Promise<void>;
}

/** The slice of puppeteer's BiDi connection this needs (it is not in puppeteer's public types). */
interface BidiConnection {
  send(method: 'browsingContext.navigate', params: { context: string; url: string; wait: 'complete' }): Promise<unknown>;
}

export async function launchFirefoxWithExtension(distDir = FIREFOX_DIST_DIR): Promise<FirefoxWithExtension> {
  const manifest = JSON.parse(readFileSync(path.join(distDir, 'manifest.json'), 'utf8')) as { browser_specific_settings: { gecko: { id: string } } };
  const geckoId = manifest.browser_specific_settings.gecko.id;
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: findFirefoxExecutable(),
    headless: true,
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: { 'extensions.webextensions.uuids': JSON.stringify({ [geckoId]: EXTENSION_UUID }) },
  });
  try {
    const installed = await browser.installExtension(distDir);
    if (installed !== geckoId) throw new Error(`Firefox installed ${installed}, expected ${geckoId}`);
  } catch (error) {
    await browser.close();
    throw error;
  }
  const extensionOrigin = `moz-extension://${EXTENSION_UUID}`;
  const connection = (browser as unknown as { connection: BidiConnection }).connection;
  return {
    browser,
    extensionOrigin,
    async openExtensionPage(pagePath) {
      const page = await browser.newPage();
      const context = (page.mainFrame() as unknown as { _id: string })._id;
      await connection.send('browsingContext.navigate', { context, url: `${extensionOrigin}${pagePath}`, wait: 'complete' });
      await page.waitForFunction(() => document.readyState === 'complete' && location.protocol === 'moz-extension:');
      return page;
    },
    close: () => browser.close(),
  };
}
