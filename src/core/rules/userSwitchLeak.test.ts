import { describe, expect, it } from 'vitest';
import { streamConnectUrl, Timeline } from '../testing/timeline';

const alice = streamConnectUrl('alice');
const bob = streamConnectUrl('bob');
const carol = streamConnectUrl('carol');

describe('user-switch-leak', () => {
  it("fires when bob connects while alice's socket is still open in the same tab", () => {
    const t = new Timeline().connect('a', alice, 0).connect('b', bob, 5000);
    expect(t.check(5500)).toBe(6000);
    t.check(6000);
    expect(t.activeRules()).toEqual(['user-switch-leak:chat:alice']);
    expect(t.state.findings[0]).toMatchObject({ severity: 'error', userId: 'alice', socketIds: ['a', 'b'] });
    expect(t.state.findings[0]?.message).toBe('User "alice" is still connected after "bob" connected in this tab: the app switched users without disconnectUser().');
  });

  it('resolves when the leaked socket finally closes', () => {
    const t = new Timeline().connect('a', alice, 0).connect('b', bob, 5000);
    t.check(7000);
    t.close('a', 8000).check(8000);
    expect(t.findingsOf('user-switch-leak')).toMatchObject([{ active: false, resolvedAt: 8000 }]);
  });

  it('names every user that connected after the leaked one', () => {
    const t = new Timeline().connect('a', alice, 0).connect('b', bob, 100).close('b', 200).connect('c', carol, 300);
    t.check(5000);
    expect(t.activeRules()).toEqual(['user-switch-leak:chat:alice']);
    expect(t.state.findings[0]?.message).toContain('after "carol" connected');
  });

  it('does not fire on a clean switch: disconnect alice, then connect bob', () => {
    const t = new Timeline().connect('a', alice, 0).close('a', 5000).connect('b', bob, 5010);
    t.check(20_000);
    expect(t.state.findings).toEqual([]);
  });

  it("does not fire when alice's close is already on its way as bob connects", () => {
    // disconnectUser() not awaited: the close event lands a few ms after bob's socket opens.
    const t = new Timeline().connect('a', alice, 0).closing('a', 5000).connect('b', bob, 5001).dropped('a', 5003, 1000);
    t.check(20_000);
    expect(t.state.findings).toEqual([]);
  });

  it('does not fire for two users of two different apps in one tab', () => {
    const t = new Timeline().connect('a', alice, 0).connect('b', streamConnectUrl('bob', 'other.example', { apiKey: 'other-key' }), 10);
    t.check(5000);
    expect(t.findingsOf('user-switch-leak')).toEqual([]);
  });
});
