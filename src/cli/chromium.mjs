// @ts-check
/**
 * Where Chromium is, and how to launch it with the unpacked OneSocket extension from Playwright:
 *
 *   import { chromium } from '@playwright/test';
 *   const context = await chromium.launchPersistentContext(profileDir,
 *     extensionLaunchOptions({ distDir: 'dist', headless: true }));
 */
import { accessSync, constants, statSync } from 'node:fs';
import path from 'node:path';

/**
 * @typedef {NonNullable<Parameters<import('@playwright/test').BrowserType['launchPersistentContext']>[1]>} PersistentContextOptions
 */

/**
 * The executable `name` on PATH, or undefined (also used to find Firefox for its smoke test).
 * @param {string} name
 * @returns {string | undefined}
 */
export function findOnPath(name) {
  const dirs = (process.env.PATH ?? '').split(path.delimiter).filter(Boolean);
  const extensions = process.platform === 'win32' ? (process.env.PATHEXT ?? '.EXE').split(';') : [''];
  for (const dir of dirs) {
    for (const ext of extensions) {
      const candidate = path.join(dir, name + ext);
      try {
        if (!statSync(candidate).isFile()) continue;
        accessSync(candidate, constants.X_OK);
        return candidate;
      } catch {
        // not here
      }
    }
  }
  return undefined;
}

/**
 * The Chromium to run: env ONESOCKET_CHROMIUM if set; else `chromium` or `chromium-browser` on
 * PATH; else undefined, meaning Playwright's own browser (e.g. after `npx playwright install chromium`).
 * @returns {string | undefined}
 */
export function findChromiumExecutable() {
  const fromEnv = process.env.ONESOCKET_CHROMIUM;
  if (fromEnv) return fromEnv;
  return findOnPath('chromium') ?? findOnPath('chromium-browser');
}

/**
 * Options for `chromium.launchPersistentContext(profileDir, options)` that load the unpacked
 * extension in `distDir` (works in new headless mode too).
 * @param {object} params
 * @param {string} params.distDir the built extension (folder with manifest.json); made absolute
 * @param {boolean} [params.headless] default true
 * @param {boolean} [params.devtools] open DevTools for every tab (`--auto-open-devtools-for-tabs`); default false
 * @param {string[]} [params.extraArgs] appended to the Chromium arguments
 * @param {string} [params.executablePath] default findChromiumExecutable()
 * @returns {PersistentContextOptions}
 */
export function extensionLaunchOptions({ distDir, headless = true, devtools = false, extraArgs = [], executablePath }) {
  const dist = path.resolve(distDir);
  const executable = executablePath ?? findChromiumExecutable();
  /** @type {PersistentContextOptions} */
  const options = {
    headless,
    // Playwright passes --disable-extensions by default; --disable-extensions-except is enough for
    // Chromium, but dropping the default keeps Chrome for Testing and future versions happy.
    ignoreDefaultArgs: ['--disable-extensions'],
    args: [
      `--disable-extensions-except=${dist}`,
      `--load-extension=${dist}`,
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      // Without these, Chromium floods a closed network with refused connections.
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      ...(devtools ? ['--auto-open-devtools-for-tabs'] : []),
      ...extraArgs,
    ],
  };
  if (executable) options.executablePath = executable;
  return options;
}

/**
 * Resolves once OneSocket's worker has registered its content scripts. It does so when it
 * starts, after reading the settings (src/background/contentScriptRegistration.ts); a page
 * loaded before that, right after the browser started with a fresh profile, gets no hook.
 * @param {import('@playwright/test').Worker} worker the extension's service worker
 * @param {number} [timeoutMs]
 */
export async function contentScriptsRegistered(worker, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    // -1: an extension without the scripting API (e.g. a bench floor) registers nothing to wait for.
    const count = await worker.evaluate(async () => (chrome.scripting ? (await chrome.scripting.getRegisteredContentScripts()).length : -1));
    if (count !== 0) return;
    if (Date.now() > deadline) throw new Error('OneSocket registered no content scripts');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
