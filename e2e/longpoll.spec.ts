import type { Page } from '@playwright/test';
import { startFakeStreamBackend } from '../demo/backend/fakeStreamBackend.mjs';
import { expect, test } from './support/extension';
import { launchPlainChromium } from './support/plainBrowser';
import { startRealClientServer, type RealClientServer } from './support/realClientServer';
import { recordedSockets } from './support/tabRecord';

/**
 * The long-poll fallback (issue 3): when a Stream client polls `/longpoll` instead of holding
 * a WebSocket, the session is recorded as a connection with transport `longpoll`, tallied like
 * a socket, and the page's requests behave exactly as without the extension.
 */
let server: RealClientServer;
test.beforeAll(async () => {
  server = await startRealClientServer();
});
test.afterAll(async () => {
  await server?.close();
});

const runOf = (page: Page): Promise<string[]> => page.evaluate(() => (window as unknown as { clientRun: Promise<string[]> }).clientRun);
const finish = (page: Page): Promise<string[]> => page.evaluate(() => (window as unknown as { finishRun: () => Promise<string[]> }).finishRun());

test('the real stream-chat SDK falling back to long-polling shows as a longpoll row, owned by its user', async ({ context, serviceWorker, tabIdOf, openPanel }) => {
  const backend = await startFakeStreamBackend({ refuseWebSockets: true, longPollHoldMs: 150 });
  const plain = await launchPlainChromium();
  try {
    const url = server.pageUrl('streamfallback', { backend: backend.baseURL });
    const referencePage = await plain.newPage();
    await referencePage.goto(url);
    await runOf(referencePage);
    const reference = await finish(referencePage);
    expect(reference).toEqual(['transport: longpoll', 'connected as: alice', 'has connection id: true', 'user after disconnect: none']);

    const page = await context.newPage();
    await page.goto(url);
    await runOf(page);
    const tabId = await tabIdOf(page);
    const longPolls = async () => (await recordedSockets(serviceWorker, tabId)).filter((socket) => socket.transport === 'longpoll');
    await expect.poll(async () => (await longPolls()).map((session) => [session.state, session.identity.userId])).toEqual([['open', 'alice']]);
    // Polls keep coming back (the backend answers an idle poll after 150 ms): each is a message.
    await expect.poll(async () => (await longPolls())[0]?.messagesReceived ?? 0).toBeGreaterThan(2);

    const panel = await openPanel(page);
    const session = (await longPolls())[0];
    const row = panel.locator(`tr[data-socket-id="${session?.id}"]`);
    await expect(row).toContainText('alice');
    await expect(row).toContainText('poll');
    await expect(panel.getByRole('region', { name: 'Findings' })).toContainText('ws-fallback');

    expect(await finish(page)).toEqual(reference);
    await expect.poll(async () => (await longPolls()).map((s) => [s.state, s.closeCode])).toEqual([['closed', 1000]]);
    const [closed] = await longPolls();
    expect(closed?.url).toMatch(new RegExp(`^${backend.baseURL}/longpoll\\?`));
    expect(closed?.frameUrl).toBe(url);
    expect(closed?.initiator).toMatch(/\/clients\/streamfallback\.js:\d+:\d+\)?$/);
    // The WebSocket attempts before the fallback are recorded too, as failed sockets.
    const attempts = (await recordedSockets(serviceWorker, tabId)).filter((socket) => socket.transport === 'websocket');
    expect(attempts.length).toBeGreaterThan(0);
    expect(attempts.every((socket) => socket.state === 'closed' && socket.connectedAt === null)).toBe(true);
  } finally {
    await plain.close();
    await backend.close();
  }
});

test('long-polling over fetch is recorded, and the page gets the same responses and rejections', async ({ context, serviceWorker, tabIdOf }) => {
  const backend = await startFakeStreamBackend({ longPollHoldMs: 100 });
  test.info().attach('backend', { body: backend.baseURL });
  const url = server.pageUrl('fetchpoll', { backend: backend.baseURL });
  const plain = await launchPlainChromium();
  let reference: string[];
  try {
    const referencePage = await plain.newPage();
    await referencePage.goto(url);
    reference = await runOf(referencePage);
  } finally {
    await plain.close();
  }
  expect(reference[1]).toBe('connect: 200 application/json; charset=utf-8 me=bob bodyUsed=true');

  const page = await context.newPage();
  await page.goto(url);
  expect(await runOf(page)).toEqual(reference);
  const tabId = await tabIdOf(page);
  await expect
    .poll(async () => (await recordedSockets(serviceWorker, tabId)).map((s) => [s.transport, s.identity.userId, s.state, s.closeCode, s.messagesReceived]))
    .toEqual([
      // connect reply + one poll reply, then the client's close.
      ['longpoll', 'bob', 'closed', 1000, 2],
      // The poll after close names a connection the server no longer knows: a session of its own, refused at once.
      ['longpoll', null, 'closed', 1006, 1],
      // A request that never got an answer.
      ['longpoll', null, 'closed', 1006, 0],
    ]);
  await backend.close();
});
