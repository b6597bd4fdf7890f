import { rm } from 'node:fs/promises';
import { test as base, expect } from '@playwright/test';
import { CdpSession, debuggingPort, waitForTarget } from './support/cdp';
import { extensionWorker, launchWithExtension } from './support/extension';
import { startFixtureServer } from './support/fixtureServer';
import { streamConnectUrl } from './support/streamUrls';

/**
 * The smoke layer against the REAL DevTools: open DevTools on a page, select the OneSocket
 * panel through the DevTools frontend, and read the panel's DOM (recipe: e2e/support/cdp.ts).
 */
base('the OneSocket panel in real DevTools shows the page’s sockets and the duplicate', async () => {
  const fixtures = await startFixtureServer();
  const { context, profile } = await launchWithExtension(['--auto-open-devtools-for-tabs', '--remote-debugging-port=0']);
  const sessions: CdpSession[] = [];
  try {
    const worker = await extensionWorker(context);
    const extensionId = new URL(worker.url()).host;
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(`${fixtures.origin}/blank.html`);
    await page.evaluate((urls) => {
      (window as unknown as { held: WebSocket[] }).held = urls.map((url) => new WebSocket(url));
    }, [streamConnectUrl(fixtures.wsOrigin, 'alice'), streamConnectUrl(fixtures.wsOrigin, 'alice')]);

    const port = await debuggingPort(profile);
    const frontend = await waitForTarget(port, (target) => target.url.startsWith('devtools://devtools/bundled/devtools_app.html'));
    const devtools = await CdpSession.connect(frontend.webSocketDebuggerUrl);
    sessions.push(devtools);
    const panelId = `chrome-extension://${extensionId}OneSocket`;
    await devtools.evaluate(`(async () => {
      const UI = await import('./ui/legacy/legacy.js');
      const deadline = Date.now() + 10000;
      while (Date.now() < deadline) {
        const view = UI.InspectorView.InspectorView.maybeGetInspectorViewInstance();
        if (view && view.hasPanel(${JSON.stringify(panelId)})) { await view.showPanel(${JSON.stringify(panelId)}); return true; }
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      throw new Error('OneSocket panel never registered');
    })()`);

    const panelTarget = await waitForTarget(port, (target) => target.url.startsWith(`chrome-extension://${extensionId}/src/devtools/panel.html`));
    const panel = await CdpSession.connect(panelTarget.webSocketDebuggerUrl);
    sessions.push(panel);
    const read = () =>
      panel.evaluate<{ rows: number; users: string[]; findings: string }>(`(() => ({
        rows: document.querySelectorAll('table[aria-label="Connections"] tbody tr').length,
        users: [...document.querySelectorAll('table[aria-label="Connections"] tbody td.user')].map((cell) => cell.textContent),
        findings: document.querySelector('[aria-label="Findings"]')?.textContent ?? '',
      }))()`);
    await expect.poll(read, { timeout: 8_000 }).toMatchObject({ rows: 2, users: ['alice', 'alice'] });
    await expect.poll(async () => (await read()).findings, { timeout: 8_000 }).toContain('duplicate-connection');
    expect((await read()).findings).toContain('alice');
  } finally {
    for (const session of sessions) session.close();
    await context.close();
    await fixtures.close();
    await rm(profile, { recursive: true, force: true });
  }
});
