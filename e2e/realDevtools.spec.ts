import { rm } from 'node:fs/promises';
import { test as base, expect } from '@playwright/test';
import { extensionPanelId, showPanelExpression } from '../scripts/devtoolsPanel.mjs';
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
    await devtools.evaluate(showPanelExpression(extensionPanelId(extensionId, 'OneSocket')));

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

    // DevTools docked beside the page, about 500 px wide: one toolbar row, and the columns a
    // user needs on screen, none behind a horizontal scroll.
    const dock = (width: number) => devtools.send('Emulation.setDeviceMetricsOverride', { width, height: 720, deviceScaleFactor: 1, mobile: false });
    const layout = () =>
      panel.evaluate<{ width: number; toolbarHeight: number; columns: string[]; tableFits: boolean }>(`(() => {
        const scroll = document.querySelector('.table-scroll');
        return {
          width: document.documentElement.clientWidth,
          toolbarHeight: document.querySelector('[role="toolbar"]')?.getBoundingClientRect().height ?? 0,
          columns: [...document.querySelectorAll('table[aria-label="Connections"] thead th')].map((cell) => cell.textContent.trim()),
          tableFits: scroll ? scroll.scrollWidth <= scroll.clientWidth : false,
        };
      })()`);
    // The frontend's own chrome around the panel takes some width (not a fixed amount): size
    // the frontend until the panel itself gets about 500 px.
    let frontendWidth = 500;
    for (let attempt = 0; attempt < 5; attempt++) {
      await dock(frontendWidth);
      await panel.evaluate('new Promise((resolve) => setTimeout(resolve, 300))');
      const width = (await layout()).width;
      if (Math.abs(width - 500) <= 4) break;
      frontendWidth += 500 - width;
    }
    expect(Math.abs((await layout()).width - 500)).toBeLessThanOrEqual(4);
    const narrow = await layout();
    expect(narrow.toolbarHeight).toBeLessThanOrEqual(30);
    for (const needed of ['#', 'State', 'User', 'Endpoint', 'Duration', 'Msgs ↑/↓', 'Bytes ↑/↓']) expect(narrow.columns).toContain(needed);
    expect(narrow.tableFits).toBe(true);
  } finally {
    for (const session of sessions) session.close();
    await context.close();
    await fixtures.close();
    await rm(profile, { recursive: true, force: true });
  }
});
