// @ts-check
/**
 * `npm start` (after building the extension into dist/ and the demo page into demo/dist/):
 * starts the fake Stream backend, launches Chromium with the OneSocket extension in a window
 * the size of the screen, the demo chat page open and DevTools already showing the OneSocket
 * panel, and runs until the browser is closed or Ctrl-C. Without a display it serves the demo
 * and says how to see it: under `xvfb-run`, or in one's own Chrome with the extension loaded.
 *
 * Env: DEMO_PORT (default 8765), ONESOCKET_CHROMIUM (browser binary), DEMO_HEADLESS=1 (a headless
 * browser, for scripts), ONESOCKET_DIST (the unpacked extension folder; default dist/).
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
import { debuggingPort, extensionPanelId, showDevtoolsPanel } from './devtoolsPanel.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const distDir = path.resolve(process.env.ONESOCKET_DIST ?? path.join(root, 'dist'));
const demoBundle = path.join(root, 'demo', 'dist', 'app.js');
const PANEL_PATH = 'src/devtools/panel.html';
const PANEL_TITLE = 'OneSocket';

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
const headless = process.env.DEMO_HEADLESS === '1';

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

if (noDisplay && !headless) {
  // A headless browser is of no use to a person (its tab ids are its own, its panel URLs open
  // nowhere else): serve the demo and say how to see it.
  console.log(
    [
      '',
      'No display here (DISPLAY and WAYLAND_DISPLAY are unset), so no browser window can open.',
      `The demo chat page is served at ${demoURL} (fake Stream backend on port ${backend.port}).`,
      '',
      'To watch it with OneSocket, either:',
      '  • run it under a virtual display, and view that display (e.g. with x11vnc):',
      '      xvfb-run -a -s "-screen 0 1920x1080x24" npm start',
      '  • or use your own Chrome or Chromium on this machine:',
      '      1. open chrome://extensions, switch on Developer mode, Load unpacked:',
      `         ${distDir}`,
      `      2. open ${demoURL}`,
      '      3. open DevTools (F12) and pick the OneSocket panel, then click the scenario buttons.',
      '',
      'Press Ctrl-C to stop the demo backend.',
    ].join('\n'),
  );
  await new Promise(() => {});
}

try {
  context = await chromium.launchPersistentContext(profileDir, {
    // The debugging port lets this script select the OneSocket panel in DevTools' own frontend.
    ...extensionLaunchOptions({ distDir, headless, devtools: !headless, extraArgs: headless ? [] : ['--start-maximized', '--remote-debugging-port=0'] }),
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

/**
 * The window takes the whole screen: --start-maximized needs a window manager, which a bare X
 * server (xvfb) has none of, so the bounds are set to the screen's too.
 */
async function fillScreen() {
  const screen = await page.evaluate(() => ({ width: window.screen.availWidth, height: window.screen.availHeight }));
  const cdp = await context?.newCDPSession(page);
  if (!cdp) return;
  const { windowId } = /** @type {{ windowId: number }} */ (await cdp.send('Browser.getWindowForTarget'));
  await cdp.send('Browser.setWindowBounds', { windowId, bounds: { windowState: 'normal' } });
  await cdp.send('Browser.setWindowBounds', { windowId, bounds: { left: 0, top: 0, width: screen.width, height: screen.height } });
  await cdp.detach();
}

/** DevTools opened with the tab; select the OneSocket panel in it. True once it shows. */
async function showOneSocketPanel() {
  if (!extensionId) return false;
  try {
    await showDevtoolsPanel(await debuggingPort(profileDir), extensionPanelId(extensionId, PANEL_TITLE));
    return true;
  } catch (error) {
    console.warn(`Could not select the OneSocket panel in DevTools: ${error instanceof Error ? error.message : String(error)}`);
    return false;
  }
}

let panelShown = false;
if (!headless) {
  await fillScreen().catch((error) => console.warn(`Could not size the window: ${error instanceof Error ? error.message : String(error)}`));
  panelShown = await showOneSocketPanel();
}

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
  console.log(
    panelShown
      ? 'DevTools is open on the demo tab, on the OneSocket panel: click the scenario buttons on the page and watch the sockets per user.'
      : 'DevTools is open on the demo tab: pick the "OneSocket" panel in its tab bar (or its » overflow menu), then click the scenario buttons.',
  );
  // Scripts and tests read this line to find DevTools (the port is one the browser chose).
  console.log(`DevTools debugging port: ${await debuggingPort(profileDir).catch(() => 'unknown')}`);
}
console.log('Close the browser or press Ctrl-C to stop.');
