// @ts-check
/**
 * The fake backend's video coordinator and feeds connect against the REAL SDKs from npm.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { StreamVideoClient } from '@stream-io/video-client';
import { FeedsClient } from '@stream-io/feeds-client';
import { WebSocket } from 'ws';
import { startFakeStreamBackend } from './fakeStreamBackend.mjs';
import { LOCATION_HINT_PATH } from './frameAuthSockets.mjs';

// Node 20 has no global WebSocket; both SDKs use the global one (a browser's, in the demo).
globalThis.WebSocket ??= /** @type {typeof globalThis.WebSocket} */ (/** @type {unknown} */ (WebSocket));

/** @type {import('./fakeStreamBackend.mjs').FakeStreamBackend | undefined} */
let backend;
/** @type {Array<() => Promise<unknown>>} */
let cleanups = [];

afterEach(async () => {
  for (const cleanup of cleanups) await cleanup().catch(() => {});
  cleanups = [];
  await backend?.close();
  backend = undefined;
});

/** @param {string} userId */
async function tokenFor(userId) {
  if (!backend) throw new Error('backend not started');
  const res = await fetch(`${backend.baseURL}/token?user_id=${encodeURIComponent(userId)}`);
  return /** @type {{ token: string }} */ (await res.json()).token;
}

/** @param {string} userId */
async function videoClient(userId) {
  if (!backend) throw new Error('backend not started');
  const client = new StreamVideoClient({
    apiKey: 'demo-key',
    user: { id: userId },
    token: await tokenFor(userId),
    options: { baseURL: `${backend.baseURL}/video`, locationHintUrl: `${backend.baseURL}${LOCATION_HINT_PATH}` },
  });
  cleanups.push(() => client.disconnectUser());
  return client;
}

/** @param {() => boolean} condition */
async function waitFor(condition, timeoutMs = 5000) {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('waitFor: timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('fake backend: Stream Video coordinator and Feeds connect', () => {
  it('lets the real StreamVideoClient connect alice by her auth frame, and disconnect', async () => {
    backend = await startFakeStreamBackend({ staticDir: false });
    const client = await videoClient('alice');
    await waitFor(() => backend?.connections().length === 1);
    expect(backend.connections()).toEqual([expect.objectContaining({ userId: 'alice', product: 'video', url: expect.stringMatching(/^\/video\/connect\?api_key=demo-key&.*X-Stream-Client=stream-video-/) })]);
    await client.disconnectUser();
    await waitFor(() => backend?.connections().length === 0);
  });

  it('opens a second socket for a second StreamVideoClient of the same user (the documented mistake)', async () => {
    backend = await startFakeStreamBackend({ staticDir: false });
    await videoClient('alice');
    await videoClient('alice');
    await waitFor(() => backend?.connections().length === 2);
    expect(backend.connections().map((c) => c.userId)).toEqual(['alice', 'alice']);
  });

  it('refuses an auth frame whose token is for another user', async () => {
    backend = await startFakeStreamBackend({ staticDir: false });
    const feeds = new FeedsClient('demo-key', { base_url: backend.baseURL });
    cleanups.push(() => feeds.disconnectUser());
    await expect(feeds.connectUser({ id: 'alice' }, await tokenFor('bob'))).rejects.toThrow(/token user_id does not match/);
    expect(backend.connections()).toEqual([]);
  });

  it('lets the real FeedsClient connect over /api/v2/connect', async () => {
    backend = await startFakeStreamBackend({ staticDir: false });
    const feeds = new FeedsClient('demo-key', { base_url: backend.baseURL });
    cleanups.push(() => feeds.disconnectUser());
    await feeds.connectUser({ id: 'alice' }, await tokenFor('alice'));
    expect(backend.connections()).toEqual([expect.objectContaining({ userId: 'alice', product: 'feeds', url: expect.stringMatching(/^\/api\/v2\/connect\?/) })]);
  });
});
