// @ts-check
/**
 * The fake backend against the REAL stream-chat SDK (Node build: isomorphic-ws uses `ws`).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StreamChat } from 'stream-chat';
import { WebSocket } from 'ws';
import { startFakeStreamBackend } from './fakeStreamBackend.mjs';

/** @typedef {import('./fakeStreamBackend.mjs').FakeStreamBackend} FakeStreamBackend */
/** @typedef {import('./fakeStreamBackend.mjs').FakeStreamBackendOptions} FakeStreamBackendOptions */

/** @type {FakeStreamBackend | undefined} */
let backend;
/** @type {StreamChat[]} */
let clients = [];

/** @param {FakeStreamBackendOptions} [options] */
async function start(options) {
  backend = await startFakeStreamBackend(options);
  return backend;
}

function newClient() {
  if (!backend) throw new Error('backend not started');
  const client = new StreamChat('demo-key', { baseURL: backend.baseURL, allowServerSideConnect: true });
  clients.push(client);
  return client;
}

/** @param {string} userId */
async function tokenFor(userId) {
  if (!backend) throw new Error('backend not started');
  const res = await fetch(`${backend.baseURL}/token?user_id=${encodeURIComponent(userId)}`);
  expect(res.status).toBe(200);
  const body = /** @type {{ token: string }} */ (await res.json());
  return body.token;
}

/** @param {string} userId */
function liveFor(userId) {
  return backend?.connections().filter((c) => c.userId === userId).length ?? 0;
}

/**
 * @param {() => boolean} condition
 * @param {number} [timeoutMs]
 */
async function waitFor(condition, timeoutMs = 2000) {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('waitFor: timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
}

beforeEach(() => {
  clients = [];
});

afterEach(async () => {
  await Promise.all(clients.map((c) => c.disconnectUser(200)));
  clients = [];
  await backend?.close();
  backend = undefined;
});

describe('fake Stream backend with the real stream-chat SDK', () => {
  it('connectUser resolves with the user and the connection id the server assigned', async () => {
    const b = await start();
    expect(b.baseURL).toBe(`http://127.0.0.1:${b.port}`);
    const client = newClient();
    const res = await client.connectUser({ id: 'alice', name: 'Alice' }, await tokenFor('alice'));

    const live = b.connections();
    expect(live).toHaveLength(1);
    expect(live[0]?.userId).toBe('alice');
    expect(live[0]?.url).toMatch(/^\/connect\?json=/);
    expect(res?.connection_id).toBe(live[0]?.connectionId);
    expect(res?.me?.id).toBe('alice');
    expect(res?.me?.name).toBe('Alice');
    expect(client._getConnectionID()).toBe(live[0]?.connectionId);
    expect(client.user?.id).toBe('alice');
    expect(b.totalConnections()).toBe(1);
  });

  it('counts two live connections when two instances connect the same user', async () => {
    const b = await start();
    const [a1, a2] = [newClient(), newClient()];
    await Promise.all([
      a1.connectUser({ id: 'alice' }, await tokenFor('alice')),
      a2.connectUser({ id: 'alice' }, await tokenFor('alice')),
    ]);
    expect(liveFor('alice')).toBe(2);
    const ids = b.connections().map((c) => c.connectionId);
    expect(new Set(ids).size).toBe(2);
  });

  it('disconnectUser closes the socket on the server', async () => {
    const b = await start();
    const client = newClient();
    await client.connectUser({ id: 'alice' }, await tokenFor('alice'));
    expect(liveFor('alice')).toBe(1);
    await client.disconnectUser();
    await waitFor(() => liveFor('alice') === 0);
    expect(b.totalConnections()).toBe(1);
  });

  it('rejectWith makes connectUser reject with the Stream error, without reconnecting', async () => {
    /** @type {import('./fakeStreamBackend.mjs').RejectInfo[]} */
    const seen = [];
    const b = await start({
      rejectWith: (info) => {
        seen.push(info);
        return info.liveCountForUser >= 1 ? { code: 40, message: 'JWTAuth error: token has expired', StatusCode: 401 } : null;
      },
    });
    await newClient().connectUser({ id: 'alice' }, await tokenFor('alice'));
    const second = newClient();
    const error = await second.connectUser({ id: 'alice' }, await tokenFor('alice')).catch((e) => e);
    expect(error).toBeInstanceOf(Error);
    const parsed = JSON.parse(/** @type {Error} */ (error).message);
    expect(parsed).toMatchObject({ code: 40, StatusCode: 401, isWSFailure: false });
    expect(seen.map((s) => s.liveCountForUser)).toEqual([0, 1]);
    expect(seen[0]?.userId).toBe('alice');

    await new Promise((r) => setTimeout(r, 300));
    expect(liveFor('alice')).toBe(1);
    expect(b.totalConnections()).toBe(2);
    expect(second.userID).toBeUndefined();
  });

  it('rejects a token signed with another secret (code 43)', async () => {
    const b = await start({ apiSecret: 'right-secret' });
    const other = await startFakeStreamBackend({ apiSecret: 'wrong-secret' });
    try {
      const res = await fetch(`${other.baseURL}/token?user_id=alice`);
      const { token } = /** @type {{ token: string }} */ (await res.json());
      const error = await newClient().connectUser({ id: 'alice' }, token).catch((e) => e);
      expect(JSON.parse(/** @type {Error} */ (error).message)).toMatchObject({ code: 43 });
      expect(b.connections()).toHaveLength(0);
    } finally {
      await other.close();
    }
  });

  it('answers a client ping with a health.check', async () => {
    const b = await start({ verifyTokens: false });
    const json = encodeURIComponent(JSON.stringify({ user_id: 'carol', user_details: { id: 'carol' } }));
    const ws = new WebSocket(`${b.baseURL.replace('http', 'ws')}/connect?json=${json}&api_key=demo-key&authorization=x`);
    /** @type {Array<Record<string, unknown>>} */
    const frames = [];
    ws.on('message', (data) => frames.push(JSON.parse(data.toString())));
    await waitFor(() => frames.length === 1);
    expect(frames[0]).toMatchObject({ type: 'health.check', cid: '*', me: { id: 'carol' } });
    ws.send(JSON.stringify([{ type: 'health.check', client_id: 'carol--1' }]));
    await waitFor(() => frames.length === 2);
    expect(frames[1]).toMatchObject({ type: 'health.check', connection_id: frames[0]?.connection_id });
    ws.close();
  });

  it('the SDK reconnects when the server drops the socket abnormally', async () => {
    const b = await start();
    const client = newClient();
    await client.connectUser({ id: 'alice' }, await tokenFor('alice'));
    const firstId = client._getConnectionID();
    expect(b.dropConnections({ userId: 'alice' })).toBe(1);
    // First retry comes after 0.25-2.5 s (the SDK's retryInterval).
    await waitFor(() => liveFor('alice') === 1 && b.totalConnections() === 2, 4000);
    await waitFor(() => client._getConnectionID() === b.connections()[0]?.connectionId);
    expect(client._getConnectionID()).not.toBe(firstId);
  }, 6000);

  it('serves the token endpoint, the demo page and plausible REST replies with CORS', async () => {
    const b = await start();
    const token = await tokenFor('alice');
    const [, payload] = token.split('.');
    expect(JSON.parse(Buffer.from(payload ?? '', 'base64url').toString())).toEqual({ user_id: 'alice' });

    const page = await fetch(`${b.baseURL}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');

    const preflight = await fetch(`${b.baseURL}/channels`, {
      method: 'OPTIONS',
      headers: { Origin: 'http://example.test', 'Access-Control-Request-Headers': 'authorization,stream-auth-type' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-headers')).toContain('authorization');

    const rest = await fetch(`${b.baseURL}/channels`, { method: 'POST', body: '{}' });
    expect(rest.status).toBe(200);
    expect(await rest.json()).toMatchObject({ channels: [] });
  });

  it('refuses port 3030 and can skip the static files', async () => {
    await expect(startFakeStreamBackend({ port: 3030 })).rejects.toThrow(/3030/);
    const b = await start({ staticDir: false });
    expect((await fetch(`${b.baseURL}/`)).status).toBe(404);
    expect((await fetch(`${b.baseURL}/app.js`)).status).toBe(404);
  });
});
