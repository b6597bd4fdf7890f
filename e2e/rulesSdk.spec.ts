import { build } from 'esbuild';
import path from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { startFakeStreamBackend } from '../demo/backend/fakeStreamBackend.mjs';
import { expect, test } from './support/extension';
import { activeFinding, closedPort, expectRulePageLink } from './support/rulesPanel';
import { userToken } from './support/streamUrls';

/**
 * Each mistake the real stream-chat SDK can make, reproduced with the demo page (or a page of
 * our own for the WebSocket fallback) against a fake backend, as a user sees it in the panel;
 * and the correct patterns, which must raise nothing.
 */

function activeFindings(panel: Page) {
  return panel.getByRole('region', { name: 'Findings' }).locator('li[data-active="true"]');
}

let tabs = 0;
/** A tab with the demo page; each at its own URL, since the fixtures find a tab by its URL. */
async function demoTab(context: BrowserContext, baseURL: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${baseURL}/?tab=${++tabs}`);
  return page;
}

test('two StreamChat instances for one user: duplicate-connection, linked to its page', async ({ context, backend, openPanel }) => {
  const page = await demoTab(context, backend.baseURL);
  await page.evaluate(() => window.demo.run('two-clients'));
  const panel = await openPanel(page);
  await expect(activeFinding(panel, 'duplicate-connection')).toContainText('User "alice" holds 2 connections');
  await expectRulePageLink(context, panel, 'duplicate-connection');
});

test('a new client for bob while alice is still connected: user-switch-leak', async ({ context, backend, openPanel }) => {
  const page = await demoTab(context, backend.baseURL);
  await page.evaluate(() => window.demo.run('switch-leak'));
  expect(backend.connections().map((c) => c.userId)).toEqual(['alice', 'bob']);
  const panel = await openPanel(page);
  await expect(activeFinding(panel, 'user-switch-leak')).toContainText('User "alice" is still connected after "bob" connected in this tab');
  await expect(activeFinding(panel, 'user-switch-leak')).toHaveClass(/severity-error/);
  await expect(activeFindings(panel)).toHaveCount(1);
  await expectRulePageLink(context, panel, 'user-switch-leak');
});

test('the server keeps dropping the socket and the SDK keeps reconnecting: reconnect-churn', async ({ context, backend, openPanel }) => {
  const page = await demoTab(context, backend.baseURL);
  await page.evaluate(() => window.demo.run('correct'));
  // Four drops, each answered by the SDK's own reconnect (backoff 0.25 to 2.5 s): five sockets.
  for (let drop = 0; drop < 4; drop++) {
    const [before] = backend.connections();
    expect(backend.dropConnections({ userId: 'alice' })).toBe(1);
    await expect.poll(() => backend.connections().find((c) => c.connectionId !== before?.connectionId)?.userId, { timeout: 5_000 }).toBe('alice');
  }
  const panel = await openPanel(page);
  await expect(activeFinding(panel, 'reconnect-churn')).toContainText('User "alice" opened 5 connections to Stream Chat in');
  await expect(activeFinding(panel, 'reconnect-churn')).toHaveClass(/severity-warning/);
  // One socket at a time all along: not a duplicate.
  await expect(activeFindings(panel)).toHaveCount(1);
  await expectRulePageLink(context, panel, 'reconnect-churn');
});

test("one user's sockets over several tabs reach the limit: connection-limit in each tab, code 71 for the next", async ({ context, openPanel }) => {
  // Like Stream in development mode: the 4th concurrent connection of a user is refused.
  const backend = await startFakeStreamBackend({
    rejectWith: ({ liveCountForUser }) => (liveCountForUser >= 3 ? { code: 71, message: 'Too many connections', StatusCode: 429 } : null),
  });
  try {
    const first = await demoTab(context, backend.baseURL);
    await first.evaluate(() => window.demo.run('two-clients'));
    const second = await demoTab(context, backend.baseURL);
    await second.evaluate(() => window.demo.run('correct'));
    const third = await demoTab(context, backend.baseURL);
    const outcome = await third.evaluate(() => window.demo.run('correct').then(() => 'connected', (error: unknown) => String(error)));
    expect(outcome).toContain('Too many connections');

    const firstPanel = await openPanel(first);
    await expect(activeFinding(firstPanel, 'connection-limit')).toContainText(
      'User "alice" holds 3 connections to Stream Chat across 2 tabs (2 in this tab), at the development limit of 3; one more will be refused.',
    );
    await expect(activeFinding(firstPanel, 'connection-limit')).toHaveClass(/severity-warning/);
    await expect(firstPanel.getByRole('table', { name: 'Users across tabs' }).locator('tr[data-user="alice"]')).toContainText('3 / 3');
    const secondPanel = await openPanel(second);
    await expect(activeFinding(secondPanel, 'connection-limit')).toContainText('(1 in this tab)');

    const thirdPanel = await openPanel(third);
    await expect(activeFinding(thirdPanel, 'connection-rejected')).toContainText('User "alice" was refused by the server with error 71 (too many connections)');
    await expectRulePageLink(context, firstPanel, 'connection-limit');
  } finally {
    await context.close();
    await backend.close();
  }
});

test('the correct patterns raise nothing: one client per user, a clean switch, two users in two tabs', async ({ context, backend, openPanel }) => {
  const aliceTab = await demoTab(context, backend.baseURL);
  await aliceTab.evaluate(() => window.demo.run('correct'));
  const switchTab = await demoTab(context, backend.baseURL);
  // alice, disconnectUser(), then bob, on one client.
  await switchTab.evaluate(() => window.demo.run('correct-switch'));
  expect(backend.connections().map((c) => c.userId).sort()).toEqual(['alice', 'bob']);
  const alicePanel = await openPanel(aliceTab);
  const switchPanel = await openPanel(switchTab);
  await expect(switchPanel.getByRole('table', { name: 'Connections' }).locator('tbody tr[data-socket-id]')).toHaveCount(2);
  // Past the grace window: still nothing, not even resolved.
  await alicePanel.waitForTimeout(1500);
  await expect(alicePanel.getByRole('region', { name: 'Findings' }).locator('li')).toHaveCount(0);
  await expect(switchPanel.getByRole('region', { name: 'Findings' }).locator('li')).toHaveCount(0);
});

test("the SDK's own fallback to long-polling when WebSockets are blocked: ws-fallback", async ({ context, openPanel }) => {
  // The app is served from a port where nothing listens, through Playwright's router: HTTP
  // (the page, REST, /longpoll) is answered, the WebSocket to the same port is refused.
  const origin = `http://127.0.0.1:${await closedPort()}`;
  const bundle = await build({
    entryPoints: [path.resolve(import.meta.dirname, 'pages/ws-fallback-app.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'silent',
  });
  const page = await context.newPage();
  await page.route(`${origin}/**`, async (route) => {
    const url = new URL(route.request().url());
    if (url.pathname === '/') return route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>Fallback</title><script src="/app.js"></script>' });
    if (url.pathname === '/app.js') return route.fulfill({ contentType: 'text/javascript', body: bundle.outputFiles[0]?.text ?? '' });
    if (url.pathname !== '/longpoll') return route.fulfill({ json: { duration: '0.01ms' } });
    if (url.searchParams.has('json')) {
      return route.fulfill({ json: { event: { type: 'health.check', connection_id: 'lp-1', cid: '*', me: { id: 'alice' }, created_at: new Date().toISOString() } } });
    }
    // A poll: the server holds it until it has events (none here).
    if (url.searchParams.get('close') !== 'true') await new Promise((resolve) => setTimeout(resolve, 1000));
    return route.fulfill({ json: { events: [] } }).catch(() => {});
  });
  await page.goto(origin);
  const connectionId = await page.evaluate((token) => window.connectWithFallback(token), userToken('alice'));
  expect(connectionId).toBe('lp-1');

  const panel = await openPanel(page);
  await expect(activeFinding(panel, 'ws-fallback')).toContainText('User "alice" is connected over XHR long-polling instead of a WebSocket');
  await expect(activeFinding(panel, 'ws-fallback')).toHaveClass(/severity-info/);
  // The refused WebSocket attempts before it were reported, and resolved by the fallback session.
  await expect(panel.getByRole('region', { name: 'Findings' }).locator('li[data-rule="connection-rejected"][data-active="false"]')).toHaveCount(1);
  await expectRulePageLink(context, panel, 'ws-fallback');
});
