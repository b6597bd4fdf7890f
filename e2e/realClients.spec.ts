import type { Browser, Page } from '@playwright/test';
import type { SocketRecord } from '../src/core/types';
import { expect, test } from './support/extension';
import { launchPlainChromium } from './support/plainBrowser';
import { startRealClientServer, type RealClientServer } from './support/realClientServer';
import { recordedSockets } from './support/tabRecord';

/**
 * Real clients that no one here wrote, from their npm packages, against their real servers:
 * each must exchange the same messages with the extension as without it, and be recorded
 * with the right count, user, frame and initiator (issue 3, "Real clients").
 */
let server: RealClientServer;
let plain: Browser;

test.beforeAll(async () => {
  [server, plain] = await Promise.all([startRealClientServer(), launchPlainChromium()]);
});
test.afterAll(async () => {
  await plain?.close();
  await server?.close();
});

async function runClient(page: Page, url: string): Promise<string[]> {
  await page.goto(url);
  return page.evaluate(() => (window as unknown as { clientRun: Promise<string[]> }).clientRun);
}

/** Lines of the run without the extension (the reference). */
async function referenceRun(url: string): Promise<string[]> {
  const context = await plain.newContext();
  try {
    return await runClient(await context.newPage(), url);
  } finally {
    await context.close();
  }
}

interface Expected {
  client: string;
  query?: Record<string, string>;
  /** WebSockets the client opens during its run, as its server counts them. */
  sockets: number;
  server?: keyof RealClientServer['accepted'];
  userId: string | null;
  /** The reference run's lines, checked so a broken server cannot make both runs agree on a failure. */
  firstLine: string;
}

const CLIENTS: Expected[] = [
  { client: 'socketio', server: 'socketio', sockets: 1, userId: 'sio-user', firstLine: 'connected' },
  // Lazy: the socket closes once the query completes, and a second one opens for the subscription.
  { client: 'graphqlws', server: 'graphql', sockets: 2, userId: null, firstLine: 'query: {"hello":"world"}' },
  { client: 'reconnecting', server: 'echo', sockets: 2, userId: null, firstLine: 'echo: ping 1' },
  { client: 'sockjs', server: 'sockjs', sockets: 1, userId: null, firstLine: 'transport: websocket' },
];

/** Waits until the tab's record holds `count` sockets, all closed (the runs end by closing). */
async function settledSockets(read: () => Promise<SocketRecord[]>, count: number): Promise<SocketRecord[]> {
  await expect.poll(async () => (await read()).filter((socket) => socket.state === 'closed').length).toBe(count);
  return read();
}

function checkRecorded(sockets: SocketRecord[], expected: Expected, pageUrl: string): void {
  expect(sockets).toHaveLength(expected.sockets);
  for (const socket of sockets) {
    expect(socket.transport).toBe('websocket');
    expect(socket.identity.userId).toBe(expected.userId);
    expect(socket.frameUrl).toBe(pageUrl);
    // The initiator is the client library's own code in the page's bundle, not the hook.
    expect(socket.initiator).toMatch(new RegExp(`/clients/${expected.client}\\.js:\\d+:\\d+\\)?$`));
    expect(socket.stack.join('\n')).not.toMatch(/chrome-extension:/);
    expect(socket.messagesSent + socket.messagesReceived).toBeGreaterThan(0);
    expect(socket.bytesSent + socket.bytesReceived).toBeGreaterThan(0);
  }
}

for (const expected of CLIENTS) {
  test(`${expected.client}: same exchange with and without the extension, recorded correctly`, async ({ context, serviceWorker, tabIdOf }) => {
    const url = server.pageUrl(expected.client, { run: 'reference', ...expected.query });
    const reference = await referenceRun(url);
    expect(reference[0]).toBe(expected.firstLine);

    const page = await context.newPage();
    const urlWithExtension = server.pageUrl(expected.client, { run: 'extension', ...expected.query });
    const acceptedBefore = expected.server ? server.accepted[expected.server] : 0;
    expect(await runClient(page, urlWithExtension)).toEqual(reference);
    if (expected.server) expect(server.accepted[expected.server] - acceptedBefore).toBe(expected.sockets);
    const tabId = await tabIdOf(page);
    checkRecorded(await settledSockets(() => recordedSockets(serviceWorker, tabId), expected.sockets), expected, urlWithExtension);
  });
}

test('stream-chat: same exchange with and without the extension, recorded with its user', async ({ context, backend, serviceWorker, tabIdOf }) => {
  const expected: Expected = { client: 'streamchat', query: { backend: backend.baseURL }, sockets: 1, userId: 'alice', firstLine: 'connected as: alice' };
  const url = server.pageUrl('streamchat', expected.query);
  const reference = await referenceRun(url);
  expect(reference).toEqual(['connected as: alice', 'has connection id: true', 'user after disconnect: none']);

  const page = await context.newPage();
  expect(await runClient(page, url)).toEqual(reference);
  expect(backend.totalConnections()).toBe(2);
  const tabId = await tabIdOf(page);
  const sockets = await settledSockets(() => recordedSockets(serviceWorker, tabId), expected.sockets);
  checkRecorded(sockets, expected, url);
  expect(sockets[0]?.closeCode).toBe(1000);
});
