import { describe, expect, it } from 'vitest';
import { testToken, Timeline } from './testing/timeline';

/**
 * The shipped identity presets against what each SDK really puts on the wire (URLs and first
 * frames as the npm clients build them: @sendbird/chat 4, ably 2, socket.io-client 4,
 * pusher-js 8, phoenix 1.8, centrifuge 5, Twilio's twilsock). A preset names the user where the
 * wire carries it, and never invents one where it does not.
 */
type Step = ['in' | 'out', string];

function ownerOf(url: string, frames: Step[] = []) {
  const t = new Timeline().connect('s', url, 0);
  frames.forEach(([direction, text], index) => (direction === 'in' ? t.receive('s', index + 1, text) : t.send('s', index + 1, text)));
  const identity = t.state.sockets['s']?.identity;
  return { userId: identity?.userId ?? null, source: identity?.source ?? null, product: identity?.product ?? null };
}

describe('identity presets on the real wire of other SDKs', () => {
  it('Sendbird: user_id in the first connect URL, and in the server LOGI frame when a session reconnects without it', () => {
    expect(ownerOf('wss://ws-app1.sendbird.com/?p=JS&pv=Chrome&sv=4.22.12&ai=APP1&user_id=alice&pmce=1&active=1')).toEqual({ userId: 'alice', source: 'rule:Sendbird URL', product: null });
    expect(ownerOf('wss://ws-app1.sendbird.com/?p=JS&pv=Chrome&sv=4.22.12&ai=APP1&pmce=1&active=1', [['in', 'LOGI{"user_id":"alice","key":"k1","ekey":"e1"}']])).toMatchObject({ userId: 'alice', source: 'rule:Sendbird LOGI reply' });
  });

  it('Ably: clientId in the URL when the client sets one; nothing when the token alone carries it', () => {
    expect(ownerOf('wss://realtime.ably.io/?clientId=alice&format=json&heartbeats=true&v=3&agent=ably-js%2F2.28.0')).toMatchObject({ userId: 'alice', source: 'rule:Ably' });
    expect(ownerOf('wss://realtime.ably.io/?access_token=opaque.ably.token&format=json&heartbeats=true&v=3')).toMatchObject({ userId: null });
  });

  it('Socket.IO: no user in the engine handshake; the JWT the app passes in the CONNECT packet names it', () => {
    const handshake: Step[] = [
      ['in', '0{"sid":"abc","upgrades":[],"pingInterval":25000,"pingTimeout":20000,"maxPayload":1000000}'],
      ['out', '40'],
      ['in', '40{"sid":"xyz"}'],
    ];
    expect(ownerOf('wss://rt.example/socket.io/?EIO=4&transport=websocket', handshake)).toEqual({ userId: null, source: null, product: null });
    expect(ownerOf('wss://rt.example/socket.io/?EIO=4&transport=websocket', [['out', `40{"token":"${testToken({ sub: 'alice' })}"}`]])).toMatchObject({ userId: 'alice', source: 'rule:JWT sub' });
  });

  it('Pusher: the connection carries no user, and none is made up from the socket id', () => {
    const established = JSON.stringify({ event: 'pusher:connection_established', data: JSON.stringify({ socket_id: '123.456', activity_timeout: 120 }) });
    expect(ownerOf('wss://ws-mt1.pusher.com/app/key123?protocol=7&client=js&version=8.6.0&flash=false', [['in', established]])).toEqual({ userId: null, source: null, product: null });
  });

  it("Phoenix: no user unless the app's own params carry one", () => {
    const join: Step[] = [['out', '["3","3","room:lobby","phx_join",{}]'], ['in', '["3","3","room:lobby","phx_reply",{"status":"ok","response":{}}]']];
    expect(ownerOf('wss://app.example/socket/websocket?vsn=2.0.0', join)).toEqual({ userId: null, source: null, product: null });
    expect(ownerOf('wss://app.example/socket/websocket?userId=alice&vsn=2.0.0', join)).toMatchObject({ userId: 'alice', source: 'rule:userId' });
  });

  it("Centrifugo: the connect command's JWT names the user (its sub)", () => {
    const connect = JSON.stringify({ id: 1, connect: { token: testToken({ sub: 'alice', exp: 2_000_000_000 }), name: 'js' } });
    expect(ownerOf('wss://rt.example/connection/websocket', [['out', connect], ['in', '{"id":1,"connect":{"client":"c1","version":"6.1.0","ping":25,"pong":true}}']])).toMatchObject({
      userId: 'alice',
      source: 'rule:JWT sub',
    });
  });

  it("Twilio: the token's sub is the account, not the user; no preset names the account as the user", () => {
    const token = testToken({ sub: 'AC0123456789abcdef0123456789abcdef', iss: 'SKabc', grants: { identity: 'alice' } });
    const init = `TWILSOCK V3.0 400\n${JSON.stringify({ method: 'init', id: 'TM1', token })}`;
    expect(ownerOf('wss://tsock.us1.twilio.com/v3/wsconnect', [['out', init]])).toEqual({ userId: null, source: null, product: null });
  });
});
