// @ts-check
/**
 * `npm start` (after building the extension into dist/ and the demo page into demo/dist/):
 * starts the fake Stream backend, launches Chromium with the OneSocket extension and DevTools
 * opened on the demo chat page, and runs until the browser is closed or Ctrl-C.
 *
 * Env: DEMO_PORT (default 8765), ONESOCKET_CHROMIUM (browser binary), DEMO_HEADLESS=1 (force headless),
 * ONESOCKET_DIST (the unpacked extension folder; default dist/).
 */
import { chromium } from '@playwright/test';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startFakeStreamBackend } from '../demo/backend/fakeStreamBackend.mjs';
import { buildDemo } from './buildDemo.mjs';
import { contentScriptsRegistered, extensionLaunchOptions, findChromiumExecutable } from './chromium.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const distDir = path.resolve(process.env.ONESOCKET_DIST ?? path.join(root, 'dist'));
const demoBundle = path.join(root, 'demo', 'dist', 'app.js');
const PANEL_PATH = 'src/devtools/panel.html';

/** @param {string} message */
function fail(message) {
  console.error(`\n${message}\n`);
  process.exit(1);
}

if (!existsSync(path.join(distDir, 'manifest.json'))) {
  fail(`The extension is not built (${path.relative(root, path.join(distDir, 'manifest.json')) || 'manifest.json'} is missing). Run \`npm run build\` first, or just \`npm start\`.`);
}
if (!existsSync(demoBundle)) {
  await buildDemo();
}

const port = Number(process.env.DEMO_PORT ?? 8765);
if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`DEMO_PORT must be a port number, got "${process.env.DEMO_PORT}".`);

const noDisplay = process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;
const headless = process.env.DEMO_HEADLESS === '1' || noDisplay;

/** @type {Awaited<ReturnType<typeof startFakeStreamBackend>>} */
let backend;
try {
  backend = await startFakeStreamBackend({ port, log: (line) => console.log(`[fake-stream] ${line}`) });
} catch (error) {
  const code = /** @type {{ code?: string }} */ (error).code;
  fail(
    code === 'EADDRINUSE'
      ? `Port ${port} is already in use. Stop the other process or pick another port: DEMO_PORT=8766 npm start`
      : `Could not start the fake Stream backend: ${error instanceof Error ? error.message : String(error)}`,
  );
  throw error; // unreachable, for the type checker
}
const demoURL = `${backend.baseURL}/`;

const profileDir = await mkdtemp(path.join(os.tmpdir(), 'onesocket-demo-'));
const executablePath = findChromiumExecutable();

let shuttingDown = false;
/** @type {import('@playwright/test').BrowserContext | undefined} */
let context;

/** @param {number} [exitCode] */
async function shutdown(exitCode = 0) {
  if (shuttingDown) return;
  shuttingDown = true;
  console.log('\nShutting down…');
  try {
    await context?.close();
  } catch {
    // the browser may already be gone
  }
  await backend.close();
  await rm(profileDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 }).catch(() => {});
  process.exit(exitCode);
}
process.once('SIGINT', () => void shutdown(0));
process.once('SIGTERM', () => void shutdown(0));

if (noDisplay && process.env.DEMO_HEADLESS !== '1') {
  console.log(
    'No DISPLAY (or WAYLAND_DISPLAY) is set, so Chromium cannot open a window here.\n' +
      'Running HEADLESS instead: open the demo and the panel URLs printed below from a browser that has the\n' +
      'extension, or run `npm start` on a machine with a display (or under `xvfb-run`).',
  );
}

try {
  context = await chromium.launchPersistentContext(profileDir, {
    ...extensionLaunchOptions({ distDir, headless, devtools: !headless }),
    ...(headless ? {} : { viewport: null }),
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
  });
} catch (error) {
  console.error(`Could not launch Chromium${executablePath ? ` (${executablePath})` : " (Playwright's own)"}:`);
  console.error(error instanceof Error ? error.message : error);
  console.error('Set ONESOCKET_CHROMIUM to a Chromium binary, or install one (e.g. `apt-get install chromium`).');
  await shutdown(1);
  throw error;
}
context.on('close', () => void shutdown(0));

const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 10_000 }).catch(() => undefined));
const extensionId = worker ? new URL(worker.url()).host : undefined;
if (worker) await contentScriptsRegistered(worker).catch((error) => console.error(error instanceof Error ? error.message : error));

const page = context.pages()[0] ?? (await context.newPage());
await page.goto(demoURL);

/** The demo tab's id, asked from the extension's service worker (undefined if it cannot tell). */
async function findDemoTabId() {
  if (!worker) return undefined;
  try {
    return await worker.evaluate(async (url) => {
      const tabs = await chrome.tabs.query({});
      const byUrl = tabs.find((t) => (t.url ?? t.pendingUrl ?? '').startsWith(url));
      if (byUrl?.id !== undefined) return byUrl.id;
      const active = tabs.filter((t) => t.active);
      return active.length === 1 ? active[0]?.id : undefined;
    }, demoURL);
  } catch {
    return undefined;
  }
}

console.log('');
console.log('OneSocket demo is running.');
console.log(`  Demo chat page:  ${demoURL}`);
console.log(`  Browser:         ${executablePath ?? "Playwright's Chromium"}${headless ? ' (headless)' : ''}`);
if (extensionId) {
  console.log(`  Extension id:    ${extensionId}`);
  const tabId = await findDemoTabId();
  const panelURL = `chrome-extension://${extensionId}/${PANEL_PATH}`;
  console.log(
    tabId !== undefined
      ? `  Standalone panel: ${panelURL}?tabId=${tabId}`
      : `  Standalone panel: ${panelURL}?tabId=<id of the demo tab>`,
  );
} else {
  console.log('  Extension:       no service worker showed up within 10 s — is dist/ a valid build?');
}
console.log('');
if (!headless) {
  console.log('DevTools is open on the demo tab: pick the "OneSocket" panel in its tab bar (it may sit under the');
  console.log('» overflow menu), then click the scenario buttons on the page and watch the sockets per user.');
}
console.log('Close the browser or press Ctrl-C to stop.');
