import { describe, expect, it } from 'vitest';
import { streamConnectUrl, testToken, Timeline } from './testing/timeline';

/** A connect URL as the SDKs build it: the query through URLSearchParams (so `|` is encoded). */
function sdkUrl(base: string, query: Record<string, string>): string {
  return `${base}?${new URLSearchParams(query).toString()}`;
}

const chatUrl = `${streamConnectUrl('alice', '127.0.0.1:8765')}&${new URLSearchParams({ 'X-Stream-Client': 'stream-chat-js-v9.53.0-browser|client_bundle=browser-esm' }).toString()}`;
const videoUrl = sdkUrl('ws://127.0.0.1:8765/video/connect', { api_key: 'demo-key', 'stream-auth-type': 'jwt', 'X-Stream-Client': 'stream-video-plain_javascript-v1.60.0|client_bundle=browser-esm' });
const feedsUrl = sdkUrl('ws://127.0.0.1:8765/api/v2/connect', { api_key: 'demo-key', 'stream-auth-type': 'jwt', 'X-Stream-Client': 'stream-feeds-js-v2.2.0' });
const authFrame = (product: string, userId = 'alice') => JSON.stringify({ token: testToken({ user_id: userId }), user_details: { id: userId }, products: [product] });
const connectionOk = (userId = 'alice') => JSON.stringify({ type: 'connection.ok', connection_id: 'c-1', me: { id: userId } });

function identityAfter(build: (t: Timeline) => Timeline) {
  const t = build(new Timeline());
  return t.state.sockets['s']?.identity;
}

describe('which Stream product a socket serves', () => {
  it('chat v9: the connect URL (path and json), and the SDK from X-Stream-Client', () => {
    expect(identityAfter((t) => t.connect('s', chatUrl, 0))).toMatchObject({ userId: 'alice', product: 'chat', client: 'stream-chat-js-v9.53.0-browser' });
    // Without X-Stream-Client (an older SDK, a proxy that strips it) the path still says chat.
    expect(identityAfter((t) => t.connect('s', streamConnectUrl('alice'), 0))).toMatchObject({ product: 'chat', client: null });
  });

  it('video: the URL names the product but no user; the auth frame names the user', () => {
    const before = identityAfter((t) => t.connect('s', videoUrl, 0));
    expect(before).toMatchObject({ userId: null, product: 'video', client: 'stream-video-plain_javascript-v1.60.0' });
    const after = identityAfter((t) => t.connect('s', videoUrl, 0).send('s', 1, authFrame('video')).receive('s', 2, connectionOk()));
    expect(after).toMatchObject({ userId: 'alice', source: 'stream-frame', product: 'video', connectionId: 'c-1', token: { userId: 'alice' } });
  });

  it('feeds: /api/v2/connect with the feeds SDK, and the auth frame says feeds', () => {
    expect(identityAfter((t) => t.connect('s', feedsUrl, 0).send('s', 1, authFrame('feeds')))).toMatchObject({ userId: 'alice', product: 'feeds', client: 'stream-feeds-js-v2.2.0' });
    // /api/v2/connect alone is feeds or chat v10+: only the auth frame decides.
    const bare = 'ws://127.0.0.1:8765/api/v2/connect?api_key=demo-key';
    expect(identityAfter((t) => t.connect('s', bare, 0))).toMatchObject({ product: null });
    expect(identityAfter((t) => t.connect('s', bare, 0).send('s', 1, authFrame('feeds')))).toMatchObject({ product: 'feeds' });
    expect(identityAfter((t) => t.connect('s', bare, 0).send('s', 1, authFrame('chat')))).toMatchObject({ product: 'chat' });
  });

  it('reads a video auth frame that arrives after other frames', () => {
    const bare = 'ws://127.0.0.1:8765/api/v2/connect?api_key=demo-key';
    const identity = identityAfter((t) => t.connect('s', bare, 0).receive('s', 1, '{"type":"hello"}').send('s', 2, '{"type":"ping"}').send('s', 3, authFrame('video', 'bob')));
    expect(identity).toMatchObject({ userId: 'bob', product: 'video' });
  });

  it('survives a first frame that is garbage, and still reads the auth frame after it', () => {
    const garbage = identityAfter((t) => t.connect('s', videoUrl, 0).send('s', 1, '{"token": not json'));
    expect(garbage).toMatchObject({ userId: null, product: 'video' });
    expect(identityAfter((t) => t.connect('s', videoUrl, 0).send('s', 1, '\u0000\u0001garbage').send('s', 2, authFrame('video')))).toMatchObject({ userId: 'alice', product: 'video' });
  });

  it('is null for a socket that is not Stream', () => {
    expect(identityAfter((t) => t.connect('s', 'wss://rt.example/socket.io/?EIO=4&transport=websocket', 0).send('s', 1, '40{"token":"x"}'))).toMatchObject({ product: null, client: null });
    // A bare /connect without Stream's payload is someone else's endpoint.
    expect(identityAfter((t) => t.connect('s', 'wss://rt.example/connect?user=alice', 0))).toMatchObject({ product: null });
  });

  it('takes the auth frame over the URL: the frame is what the server is told', () => {
    expect(identityAfter((t) => t.connect('s', videoUrl, 0).send('s', 1, authFrame('feeds')))).toMatchObject({ product: 'feeds' });
  });
});
