import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { unzipSync } from 'fflate';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { findOnPath } from '../../scripts/chromium.mjs';

/**
 * Stock Firefox with OneSocket's Firefox package (or build folder), headless, driven over WebDriver BiDi (built
 * into Firefox; no geckodriver) through puppeteer-core. Playwright cannot drive stock Firefox.
 *
 * - The xpi (or folder) is installed as a temporary add-on (BiDi `webExtension.install`).
 * - The pref `extensions.webextensions.uuids` fixes the add-on's `moz-extension://<uuid>` origin,
 *   so the test knows where its pages are.
 * - BiDi opens `moz-extension://` pages only when Firefox starts with
 *   `--remote-allow-system-access`, and puppeteer's `page.goto()` never sees such a page finish
 *   loading: `openExtensionPage` navigates with the raw BiDi command and waits for the document.
 */

const ROOT = path.resolve(import.meta.dirname, '../..');
const { version } = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };

/** What `npm run package` ships for Firefox. */
export const FIREFOX_PACKAGE = path.join(ROOT, 'release', `onesocket-firefox-${version}.xpi`);

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

/** The gecko id in the manifest of an xpi or a build folder. */
function geckoIdOf(extension: string): string {
  const manifestText = statSync(extension).isDirectory()
    ? readFileSync(path.join(extension, 'manifest.json'), 'utf8')
    : Buffer.from(unzipSync(readFileSync(extension), { filter: (entry) => entry.name === 'manifest.json' })['manifest.json'] ?? []).toString('utf8');
  const manifest = JSON.parse(manifestText) as { browser_specific_settings: { gecko: { id: string } } };
  return manifest.browser_specific_settings.gecko.id;
}

/** `extension`: an .xpi, or a folder holding a built extension. */
export async function launchFirefoxWithExtension(extension = FIREFOX_PACKAGE): Promise<FirefoxWithExtension> {
  let geckoId: string;
  try {
    geckoId = geckoIdOf(extension);
  } catch (error) {
    throw new Error(`no Firefox extension at ${path.relative(ROOT, extension)} (run \`npm run package\` first): ${String(error)}`);
  }
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: findFirefoxExecutable(),
    headless: true,
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: { 'extensions.webextensions.uuids': JSON.stringify({ [geckoId]: EXTENSION_UUID }) },
  });
  try {
    const installed = await browser.installExtension(extension);
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
