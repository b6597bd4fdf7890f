// @ts-check
/**
 * The fake backend's long-poll endpoint against the REAL stream-chat SDK's WS fallback.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { StreamChat } from 'stream-chat';
import { startFakeStreamBackend } from './fakeStreamBackend.mjs';

/** @type {import('./fakeStreamBackend.mjs').FakeStreamBackend | undefined} */
let backend;

afterEach(async () => {
  await backend?.close();
  backend = undefined;
});

/** @param {() => boolean} condition */
async function waitFor(condition, timeoutMs = 3000) {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('waitFor: timed out');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('long-poll fallback', () => {
  it('serves a client whose WebSocket is refused: connect, poll, close', async () => {
    backend = await startFakeStreamBackend({ refuseWebSockets: true, longPollHoldMs: 100 });
    const client = new StreamChat('demo-key', { baseURL: backend.baseURL, enableWSFallback: true, allowServerSideConnect: true });
    // The SDK waits this long for a WebSocket before falling back (6 s by default).
    client.defaultWSTimeoutWithFallback = 300;
    const connected = await client.connectUser({ id: 'alice' }, client.devToken('alice'));
    expect(connected?.me?.id).toBe('alice');
    expect(backend.connections()).toEqual([]);
    const [session] = backend.longPollSessions();
    expect(session).toMatchObject({ userId: 'alice', connectionId: client._getConnectionID() });
    expect(session?.url).toMatch(/^\/longpoll\?/);

    await client.disconnectUser();
    await waitFor(() => backend?.longPollSessions().length === 0);
  });

  it('refuses a long-poll connect with a bad token like a WebSocket connect', async () => {
    backend = await startFakeStreamBackend();
    const json = encodeURIComponent(JSON.stringify({ user_id: 'alice', user_details: { id: 'alice' } }));
    const res = await fetch(`${backend.baseURL}/longpoll?json=${json}&api_key=k`, { headers: { Authorization: 'not-a-jwt', 'stream-auth-type': 'jwt' } });
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ code: 43 });
  });

  it('answers a poll of an unknown connection with error 46', async () => {
    backend = await startFakeStreamBackend();
    const res = await fetch(`${backend.baseURL}/longpoll?connection_id=nope&api_key=k`);
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ code: 46 });
  });
});
