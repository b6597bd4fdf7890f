import { describe, expect, it } from 'vitest';
import { identityFromUrl, refineIdentityFromFrame } from './identity';
import { DEFAULT_IDENTITY_RULES } from './identityRules';
import { streamConnectUrl, testToken } from './testing/timeline';
import type { FrameRecord, Identity, IdentityRule } from './types';

const frame = (direction: 'in' | 'out', message: unknown): FrameRecord => {
  const preview = typeof message === 'string' ? message : JSON.stringify(message);
  return { at: 1, direction, size: preview.length, binary: false, preview };
};

/** The identity after the connect URL and then each frame, as the reducer builds it. */
function identityOf(url: string, frames: FrameRecord[] = [], rules: IdentityRule[] = DEFAULT_IDENTITY_RULES): Identity {
  return frames.reduce((identity, next) => refineIdentityFromFrame(identity, next, rules), identityFromUrl(url, rules));
}

describe('identity, Stream first (the spec order)', () => {
  it('reads user, user object and API key from the v9 connect URL', () => {
    const url = streamConnectUrl('alice', 'chat.example', { userDetails: { id: 'alice', name: 'Alice' } });
    expect(identityOf(url)).toMatchObject({ userId: 'alice', apiKey: 'demo-key', source: 'stream-url', userDetails: { id: 'alice', name: 'Alice' } });
  });

  it('keeps what the token says, never its signature', () => {
    const token = testToken({ user_id: 'alice', exp: 1_700_000_000 }, 'SECRET-SIGNATURE');
    const identity = identityOf(streamConnectUrl('alice', 'chat.example', { token }));
    expect(identity.token).toEqual({ userId: 'alice', subject: null, expiresAt: 1_700_000_000_000, devToken: false });
    expect(JSON.stringify(identity)).not.toContain('SECRET-SIGNATURE');
  });

  it("names the user from the token's claims when the URL has no json: user_id, else sub", () => {
    expect(identityOf(`wss://rt.example/ws?token=${testToken({ user_id: 'bob', sub: 'x' })}`)).toMatchObject({ userId: 'bob', source: 'token' });
    expect(identityOf(`wss://rt.example/ws?access_token=${testToken({ sub: 'carol' })}`)).toMatchObject({ userId: 'carol', source: 'token' });
  });

  it('shows the connection id from the server hello, and names the user from it when nothing else did', () => {
    const hello = frame('in', { type: 'connection.ok', connection_id: 'c-42', me: { id: 'dave' } });
    expect(identityOf('wss://chat.example/api/v2/connect', [hello])).toMatchObject({ userId: 'dave', source: 'stream-frame', connectionId: 'c-42' });
    const healthCheck = frame('in', { type: 'health.check', connection_id: 'c-43', me: { id: 'someone-else' } });
    expect(identityOf(streamConnectUrl('alice'), [healthCheck])).toMatchObject({ userId: 'alice', source: 'stream-url', connectionId: 'c-43' });
  });

  it('reads a v10-style auth frame sent by the client: user, user object and token', () => {
    const auth = frame('out', { token: testToken({ user_id: 'erin' }, 'devtoken'), user_details: { id: 'erin', name: 'Erin' } });
    expect(identityOf('wss://chat.example/api/v2/connect', [auth])).toMatchObject({
      userId: 'erin',
      source: 'stream-frame',
      userDetails: { id: 'erin', name: 'Erin' },
      token: { userId: 'erin', devToken: true },
    });
  });
});

describe('identity rules for other SDKs (presets)', () => {
  it('Sendbird: user_id in the query, or in the LOGI reply', () => {
    expect(identityOf('wss://ws-app.sendbird.com/?p=JS&user_id=frank&access_token=opaque')).toMatchObject({ userId: 'frank', source: 'rule:Sendbird URL' });
    expect(identityOf('wss://ws-app.sendbird.com/?p=JS', [frame('in', 'LOGI{"user_id":"gina","key":"k"}')])).toMatchObject({ userId: 'gina', source: 'rule:Sendbird LOGI reply' });
  });

  it('Ably: clientId; and the common names userId, uid and user (also as JSON)', () => {
    expect(identityOf('wss://realtime.ably.io/?key=k&clientId=hank').userId).toBe('hank');
    expect(identityOf('wss://rt.example/ws?userId=ivy').userId).toBe('ivy');
    expect(identityOf('wss://rt.example/ws?uid=1234').userId).toBe('1234');
    expect(identityOf(`wss://rt.example/ws?user=${encodeURIComponent('{"id":"jack"}')}`).userId).toBe('jack');
  });

  it('falls back to the sub of any JWT in the query or in the first client frame', () => {
    expect(identityOf(`wss://rt.example/ws?jwt=${testToken({ sub: 'kate' })}`)).toMatchObject({ userId: 'kate', source: 'rule:JWT sub' });
    const centrifugoConnect = frame('out', { id: 1, connect: { token: testToken({ sub: 'liam' }) } });
    expect(identityOf('wss://rt.example/connection/websocket', [centrifugoConnect])).toMatchObject({ userId: 'liam', source: 'rule:JWT sub' });
  });

  it('never takes a user from a JWT the server sends', () => {
    expect(identityOf('wss://rt.example/ws', [frame('in', { token: testToken({ sub: 'mallory' }) })]).userId).toBeNull();
  });

  it('lets a Stream hello replace a guess from a later rule, never the other way round', () => {
    const hello = frame('in', { type: 'health.check', connection_id: 'c1', me: { id: 'nina' } });
    expect(identityOf('wss://chat.example/connect?uid=123', [hello])).toMatchObject({ userId: 'nina', source: 'stream-frame' });
    expect(identityOf(streamConnectUrl('alice'), [frame('in', 'LOGI{"user_id":"gina"}')]).userId).toBe('alice');
  });

  it('follows custom rules in their order, skips disabled and malformed ones', () => {
    const rules = [
      { kind: 'query', name: 'off', enabled: false, param: 'uid' },
      { kind: 'query', name: 'broken', enabled: true },
      { kind: 'frame', name: 'phoenix', enabled: true, path: '4.user.id', direction: 'in' },
    ] as unknown as IdentityRule[];
    expect(identityOf('wss://rt.example/socket/websocket?uid=9', [frame('in', '["1","1","room:lobby","phx_reply",{"user":{"id":"olga"}}]')], rules)).toMatchObject({
      userId: 'olga',
      source: 'rule:phoenix',
    });
  });

  it('without the Stream preset, the Stream URL names nobody', () => {
    const rules: IdentityRule[] = [{ kind: 'query', name: 'uid', enabled: true, param: 'uid' }];
    expect(identityOf(streamConnectUrl('alice'), [], rules).userId).toBeNull();
  });
});
