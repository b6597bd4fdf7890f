// @ts-check
/**
 * Selecting an extension's panel in the real DevTools, from outside: the browser runs with
 * `--remote-debugging-port=0`, its DevTools frontend is a target like any page, and the
 * frontend's own InspectorView shows a panel by id (`chrome-extension://<id>` + panel title).
 * Used by `npm start` and checked by the browser tests.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { WebSocket } from 'ws';

/**
 * The port Chromium chose for --remote-debugging-port=0 (first line of DevToolsActivePort).
 * @param {string} profileDir
 * @param {number} [timeoutMs]
 */
export async function debuggingPort(profileDir, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const text = await readFile(path.join(profileDir, 'DevToolsActivePort'), 'utf8').catch(() => '');
    const port = Number(text.split('\n')[0]);
    if (port > 0) return port;
    if (Date.now() > deadline) throw new Error('the browser wrote no DevToolsActivePort');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * The DevTools frontend's debugging WebSocket URL, once it is open.
 * @param {number} port
 * @param {number} [timeoutMs]
 */
async function frontendSocketUrl(port, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const targets = /** @type {Array<{ url: string, webSocketDebuggerUrl: string }>} */ (await (await fetch(`http://127.0.0.1:${port}/json/list`)).json());
    const frontend = targets.find((target) => target.url.startsWith('devtools://devtools/bundled/devtools_app.html'));
    if (frontend) return frontend.webSocketDebuggerUrl;
    if (Date.now() > deadline) throw new Error('no DevTools frontend is open');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/**
 * Evaluates an expression (awaiting its promise) in the DevTools frontend.
 * @param {number} port
 * @param {string} expression
 * @returns {Promise<unknown>}
 */
export async function evaluateInDevtools(port, expression) {
  const socket = new WebSocket(await frontendSocketUrl(port), { perMessageDeflate: false });
  await new Promise((resolve, reject) => {
    socket.once('open', resolve);
    socket.once('error', reject);
  });
  try {
    return await new Promise((resolve, reject) => {
      socket.on('message', (data) => {
        const message = JSON.parse(String(data));
        if (message.id !== 1) return;
        const details = message.result?.exceptionDetails;
        if (message.error || details) reject(new Error(message.error?.message ?? details?.exception?.description ?? details?.text));
        else resolve(message.result.result.value);
      });
      socket.send(JSON.stringify({ id: 1, method: 'Runtime.evaluate', params: { expression, awaitPromise: true, returnByValue: true } }));
    });
  } finally {
    socket.close();
  }
}

/**
 * The frontend's panel id of an extension panel.
 * @param {string} extensionId
 * @param {string} title
 */
export const extensionPanelId = (extensionId, title) => `chrome-extension://${extensionId}${title}`;

/**
 * The expression that shows a panel in the DevTools frontend once the extension registered it
 * (DevTools' own UI module; `instance()` throws if called too early, so it polls).
 * @param {string} panelId
 */
export function showPanelExpression(panelId) {
  return `(async () => {
      const UI = await import('./ui/legacy/legacy.js');
      const deadline = Date.now() + 10000;
      while (Date.now() < deadline) {
        const view = UI.InspectorView.InspectorView.maybeGetInspectorViewInstance();
        if (view && view.hasPanel(${JSON.stringify(panelId)})) { await view.showPanel(${JSON.stringify(panelId)}); return true; }
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      throw new Error('the panel never registered');
    })()`;
}

/**
 * Shows the panel in the DevTools frontend (waits for the extension to register it).
 * @param {number} port
 * @param {string} panelId
 */
export async function showDevtoolsPanel(port, panelId) {
  await evaluateInDevtools(port, showPanelExpression(panelId));
}

/**
 * The id of the panel DevTools shows now (null before DevTools is ready).
 * @param {number} port
 * @returns {Promise<string | null>}
 */
export async function shownDevtoolsPanel(port) {
  const id = await evaluateInDevtools(
    port,
    `(async () => {
      const UI = await import('./ui/legacy/legacy.js');
      const view = UI.InspectorView.InspectorView.maybeGetInspectorViewInstance();
      return view ? (view.tabbedPane?.selectedTabId ?? null) : null;
    })()`,
  );
  return typeof id === 'string' ? id : null;
}
