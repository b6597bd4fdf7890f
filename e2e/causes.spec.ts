import type { BrowserContext, Page, Worker } from '@playwright/test';
import { watchAsyncInitiators, type AsyncInitiatorWatch } from '../src/cli/asyncInitiators';
import { readTabRecord } from '../src/cli/extensionRecords';
import type { TabState } from '../src/core/types';
import { expect, tabIdOf, test } from './support/extension';
import { activeFinding } from './support/rulesPanel';
import { causePageServer } from './support/causePages';

/**
 * Why a user holds more than one socket, through the real SDKs in the browser: pages built with
 * esbuild (inline source maps, React's development build) from e2e/pages/causes/, against the
 * fake backend. The app code comes from the browser's async initiator stacks, read over
 * CDP as the CLI does (src/cli/asyncInitiators.ts); the panel shows what the worker alone knows.
 */

/** The tab's record as the CLI reports it: with the browser's initiators and the causes they show. */
async function recordWithCauses(serviceWorker: Worker, page: Page, watch: AsyncInitiatorWatch): Promise<TabState> {
  const state = await readTabRecord(serviceWorker, await tabIdOf(serviceWorker, page));
  if (!state) throw new Error('no tab record');
  return watch.apply(state);
}

const servers: Array<{ close(): Promise<void> }> = [];
test.afterEach(async () => {
  for (const server of servers.splice(0)) await server.close();
});

/** A new tab for the cause page (not loaded yet, so a CDP watch can start first) and its URL. */
async function causePage(context: BrowserContext, backendURL: string, name: string, scripts: Record<string, string>): Promise<{ page: Page; url: string }> {
  const server = await causePageServer(name, scripts);
  servers.push(server);
  return { page: await context.newPage(), url: server.url(backendURL) };
}

function activeCause(state: TabState, rule: string) {
  return state.findings.find((finding) => finding.active && finding.rule === rule)?.cause;
}

test('two components each making a client: separate-clients, naming both files', async ({ context, serviceWorker, backend }) => {
  const { page, url } = await causePage(context, backend.baseURL, 'two-components', { 'app.js': 'twoComponents.tsx' });
  const watch = await watchAsyncInitiators(context, page);
  await page.goto(url);
  await expect.poll(() => backend.connections().length).toBe(2);
  await expect
    .poll(async () => activeCause(await recordWithCauses(serviceWorker, page, watch), 'duplicate-connection'), { timeout: 10_000 })
    .toMatchObject({ id: 'separate-clients', message: expect.stringMatching(/ChatWidget\.tsx:\d+.*Inbox\.tsx:\d+|Inbox\.tsx:\d+.*ChatWidget\.tsx:\d+/) });
  const state = await recordWithCauses(serviceWorker, page, watch);
  // The app frame is the component's code, resolved through the source map; never an SDK frame.
  const appFrames = state.socketOrder.map((id) => state.sockets[id]?.appFrame ?? '');
  expect(appFrames.sort()).toEqual([expect.stringMatching(/\/ChatWidget\.tsx:\d+:\d+\)?$/), expect.stringMatching(/\/Inbox\.tsx:\d+:\d+\)?$/)]);
});

test("stream-chat-react's useCreateChatClient with an inline token provider: effect-rerun", async ({ context, serviceWorker, backend }) => {
  const { page, url } = await causePage(context, backend.baseURL, 'effect-rerun', { 'app.js': 'effectRerun.tsx' });
  const watch = await watchAsyncInitiators(context, page);
  await page.goto(url);
  await expect.poll(() => backend.totalConnections(), { timeout: 10_000 }).toBeGreaterThanOrEqual(6);
  await expect
    .poll(async () => activeCause(await recordWithCauses(serviceWorker, page, watch), 'reconnect-churn')?.id, { timeout: 10_000 })
    .toBe('effect-rerun');
  await page.close();
});

test('a page bundling two copies of stream-chat: sdk-copies', async ({ context, serviceWorker, backend }) => {
  const { page, url } = await causePage(context, backend.baseURL, 'sdk-copies', { 'chat-a.js': 'sdkCopy.ts', 'chat-b.js': 'sdkCopy.ts' });
  const watch = await watchAsyncInitiators(context, page);
  await page.goto(url);
  await expect.poll(() => backend.connections().length).toBe(2);
  await expect
    .poll(async () => activeCause(await recordWithCauses(serviceWorker, page, watch), 'duplicate-connection')?.id, { timeout: 10_000 })
    .toBe('sdk-copies');
});

test("React 19 StrictMode with a correct cleanup: no error, the double mount named in the socket's detail", async ({ context, backend, openPanel }) => {
  const { page, url } = await causePage(context, backend.baseURL, 'strict-mode', { 'app.js': 'strictMode.tsx' });
  await page.goto(url);
  await expect(page.locator('#state')).toHaveText('connected');
  const panel = await openPanel(page);
  const rows = panel.getByRole('table', { name: 'Connections' }).locator('tbody tr[data-socket-id]');
  await expect(rows).toHaveCount(2);
  // Past the grace window: nothing raised at all.
  await panel.waitForTimeout(1500);
  await expect(panel.getByRole('region', { name: 'Findings' }).locator('li')).toHaveCount(0);
  await rows.first().click();
  await expect(panel.getByRole('region', { name: 'App code' })).toContainText("strictmode-double-mount React StrictMode's development double mount");
  await expect(panel.getByRole('region', { name: 'App code' })).toContainText('No bug');
});

test('the fake backend closing each socket with 4000, the SDK reconnecting: server-reconnect', async ({ context, backend, openPanel }) => {
  const page = await context.newPage();
  await page.goto(`${backend.baseURL}/?causes=server`);
  await page.evaluate(() => window.demo.run('correct'));
  for (let drop = 0; drop < 4; drop++) {
    const [before] = backend.connections();
    expect(backend.dropConnections({ userId: 'alice' }, 4000)).toBe(1);
    await expect.poll(() => backend.connections().find((c) => c.connectionId !== before?.connectionId)?.userId, { timeout: 8_000 }).toBe('alice');
  }
  const panel = await openPanel(page);
  const finding = activeFinding(panel, 'reconnect-churn');
  await expect(finding).toContainText('User "alice" opened 5 connections to Stream Chat in');
  await expect(finding.locator('.finding-cause')).toHaveAttribute('data-cause', 'server-reconnect');
  await expect(finding).toContainText('close code 4000');
  await expect(finding.locator('.socket-ref')).toHaveCount(5);
});
