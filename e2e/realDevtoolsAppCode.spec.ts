import { rm } from 'node:fs/promises';
import { test as base, expect } from '@playwright/test';
import { startFakeStreamBackend } from '../demo/backend/fakeStreamBackend.mjs';
import { causePageServer } from './support/causePages';
import { extensionPanelId, showPanelExpression } from '../scripts/devtoolsPanel.mjs';
import { CdpSession, debuggingPort, waitForTarget } from './support/cdp';
import { extensionWorker, launchWithExtension } from './support/extension';

/**
 * In the REAL DevTools, opened before the page loads: the network log's async initiators give
 * each socket its app code and the finding its cause (recipe for driving the DevTools frontend:
 * e2e/support/cdp.ts). The app frame is a button there (it opens Sources), not a plain code.
 */
base('real DevTools: the app code of each socket and separate-clients, from the network log', async () => {
  // Two Chromium targets of DevTools plus the page, built and loaded through React's development build.
  base.setTimeout(120_000);
  const backend = await startFakeStreamBackend();
  const pages = await causePageServer('two-components', { 'app.js': 'twoComponents.tsx' });
  const { context, profile } = await launchWithExtension(['--auto-open-devtools-for-tabs', '--remote-debugging-port=0']);
  const sessions: CdpSession[] = [];
  try {
    const worker = await extensionWorker(context);
    const extensionId = new URL(worker.url()).host;
    const port = await debuggingPort(profile);
    const frontend = await waitForTarget(port, (target) => target.url.startsWith('devtools://devtools/bundled/devtools_app.html'));
    const devtools = await CdpSession.connect(frontend.webSocketDebuggerUrl);
    sessions.push(devtools);
    const page = context.pages()[0] ?? (await context.newPage());

    await devtools.evaluate(showPanelExpression(extensionPanelId(extensionId, 'OneSocket')));
    const panelTarget = await waitForTarget(port, (target) => target.url.startsWith(`chrome-extension://${extensionId}/src/devtools/panel.html`));
    const panel = await CdpSession.connect(panelTarget.webSocketDebuggerUrl);
    sessions.push(panel);
    // DevTools is open and loaded first: its network log records the sockets with their async initiators.
    await page.goto(pages.url(backend.baseURL));
    await expect.poll(() => backend.connections().length, { timeout: 10_000 }).toBe(2);

    const findings = () => panel.evaluate<string>(`document.querySelector('[aria-label="Findings"]')?.textContent ?? ''`);
    // Source-mapped when DevTools hands over the scripts in time (getResources), else the bundle's
    // lines of the two components' code: never the SDK's frames, which all sockets share.
    await expect.poll(findings, { timeout: 15_000 }).toMatch(/separate-clients Separate clients: (\S+\.tsx:\d+|app\.js:\d+) and (\S+\.tsx:\d+|app\.js:\d+) each create/);
    const named = /Separate clients: (.+?) and (.+?) each create/.exec(await findings());
    expect(named?.[1]).not.toBe(named?.[2]);
    // Beside the finding, which code opened each of its sockets.
    expect(await findings()).toMatch(/opened by #1 \S+:\d+, #2 \S+:\d+/);

    const appCode = () =>
      panel.evaluate<string>(`(() => {
        document.querySelector('table[aria-label="Connections"] tbody tr[data-socket-id]')?.click();
        return document.querySelector('[aria-label="App code"] button.app-frame')?.textContent ?? '';
      })()`);
    await expect.poll(appCode, { timeout: 5_000 }).toMatch(/^(?!(connect|_connect|connectUser|openConnection|construct) )\S*.*\/((ChatWidget|Inbox)\.tsx|app\.js):\d+:\d+\)?$/);

  } finally {
    for (const session of sessions) session.close();
    await context.close();
    await pages.close();
    await backend.close();
    await rm(profile, { recursive: true, force: true });
  }
});
