import { describe, expect, it } from 'vitest';
import { streamConnectUrl, testToken, Timeline } from '../testing/timeline';

const NOW = 1_750_000_000_000;
const inSeconds = (ms: number): number => Math.floor(ms / 1000);

describe('token-user-mismatch', () => {
  it("fires when the token's user_id is another user", () => {
    const t = new Timeline().connect('a', streamConnectUrl('alice', 'chat.example', { token: testToken({ user_id: 'bob' }) }), 0);
    t.check(1);
    expect(t.activeRules()).toEqual(['token-user-mismatch:alice']);
    expect(t.state.findings[0]?.message).toBe('User "alice" connects with a token issued for "bob"; the token must be made for the user who connects.');
  });

  it('fires when the token has no user_id at all: a server-side token in the browser', () => {
    const t = new Timeline().connect('a', streamConnectUrl('alice', 'chat.example', { token: testToken({ server: true }) }), 0);
    t.check(1);
    expect(t.state.findings[0]).toMatchObject({ rule: 'token-user-mismatch', severity: 'error', userId: 'alice' });
    expect(t.state.findings[0]?.message).toContain('a server-side token is in the browser');
  });

  it('does not fire for a matching token, an anonymous connect, or a token that names the user itself', () => {
    const t = new Timeline()
      .connect('a', streamConnectUrl('alice'), 0)
      .connect('b', streamConnectUrl('alice', 'chat.example', { token: null }), 0)
      .connect('c', `wss://rt.example/ws?token=${testToken({ sub: 'carol' })}`, 0);
    t.check(1);
    expect(t.findingsOf('token-user-mismatch')).toEqual([]);
  });
});

describe('token-expired', () => {
  it('fires when exp was already past at connect time', () => {
    const token = testToken({ user_id: 'alice', exp: inSeconds(NOW - 5 * 60_000) });
    const t = new Timeline().connect('a', streamConnectUrl('alice', 'chat.example', { token }), NOW);
    t.check(NOW + 1);
    expect(t.activeRules()).toEqual(['token-expired:alice']);
    expect(t.state.findings[0]?.message).toBe('User "alice" connects with a token that expired 5 min earlier; refresh it (a tokenProvider) before connecting.');
  });

  it('resolves when the SDK reconnects with a fresh token', () => {
    const stale = testToken({ user_id: 'alice', exp: inSeconds(NOW - 1000) });
    const fresh = testToken({ user_id: 'alice', exp: inSeconds(NOW + 3_600_000) });
    const expiredFrame = JSON.stringify({ error: { code: 40, message: 'JWTAuth error: token has expired' } });
    const t = new Timeline().connect('a', streamConnectUrl('alice', 'chat.example', { token: stale }), NOW).receive('a', NOW + 5, expiredFrame).dropped('a', NOW + 6, 1000);
    t.check(NOW + 10);
    expect(t.activeRules()).toEqual(['connection-rejected:alice', 'token-expired:alice']);
    t.connect('b', streamConnectUrl('alice', 'chat.example', { token: fresh }), NOW + 500).check(NOW + 500);
    expect(t.activeRules()).toEqual([]);
  });

  it('does not fire for a token that expires later, or never', () => {
    const t = new Timeline()
      .connect('a', streamConnectUrl('alice', 'chat.example', { token: testToken({ user_id: 'alice', exp: inSeconds(NOW + 60_000) }) }), NOW)
      .connect('b', streamConnectUrl('bob'), NOW);
    t.check(NOW + 120_000);
    expect(t.findingsOf('token-expired')).toEqual([]);
  });
});

describe('dev-token', () => {
  it('warns about a development token (signature devtoken)', () => {
    const t = new Timeline().connect('a', streamConnectUrl('alice', 'chat.example', { token: testToken({ user_id: 'alice' }, 'devtoken') }), 0);
    t.check(1);
    expect(t.activeRules()).toEqual(['dev-token:alice']);
    expect(t.state.findings[0]).toMatchObject({ severity: 'warning', userId: 'alice', socketIds: ['a'] });
  });

  it('does not fire for a signed token', () => {
    const t = new Timeline().connect('a', streamConnectUrl('alice'), 0);
    t.check(1);
    expect(t.state.findings).toEqual([]);
  });
});
