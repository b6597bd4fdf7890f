import { describe, expect, it } from 'vitest';
import { streamConnectUrl, testToken, Timeline } from '../testing/timeline';

/** A user object of exactly `bytes` bytes as JSON. */
function userObject(bytes: number): { id: string; bio: string } {
  const empty = JSON.stringify({ id: 'alice', bio: '' }).length;
  return { id: 'alice', bio: 'x'.repeat(bytes - empty) };
}

describe('user-object-too-large', () => {
  it('fires at 5 KB, in the connect URL', () => {
    const t = new Timeline().connect('a', streamConnectUrl('alice', 'chat.example', { userDetails: userObject(5 * 1024) }), 0);
    t.check(1);
    expect(t.activeRules()).toEqual(['user-object-too-large:alice']);
    expect(t.state.findings[0]).toMatchObject({ severity: 'error', userId: 'alice', socketIds: ['a'] });
    expect(t.state.findings[0]?.message).toBe('User "alice" connects with a 5.0 KB user object; it must stay under 5.0 KB, so keep large fields out of connectUser.');
  });

  it('fires for the user object of a v10 auth frame', () => {
    const auth = JSON.stringify({ token: testToken({ user_id: 'alice' }), user_details: userObject(6000) });
    const t = new Timeline().connect('a', 'wss://chat.example/api/v2/connect', 0).send('a', 1, auth);
    t.check(2);
    expect(t.activeRules()).toEqual(['user-object-too-large:alice']);
  });

  it('does not fire one byte under the limit', () => {
    const t = new Timeline().connect('a', streamConnectUrl('alice', 'chat.example', { userDetails: userObject(5 * 1024 - 1) }), 0);
    t.check(1);
    expect(t.state.findings).toEqual([]);
  });
});
