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

  describe('only within one document, API key and product', () => {
    it('two users in two documents of one tab (a widget per frame): no finding', () => {
      const t = new Timeline().inDocument('top').connect('a', alice, 0).inDocument('iframe').connect('b', bob, 100);
      t.check(20_000);
      expect(t.state.findings).toEqual([]);
    });

    it('a switch inside one document: the finding names both users', () => {
      const t = new Timeline().inDocument('top').connect('a', alice, 0).inDocument('iframe').connect('x', carol, 50).inDocument('top').connect('b', bob, 100);
      t.check(20_000);
      expect(t.activeRules()).toEqual(['user-switch-leak:chat:alice']);
      expect(t.state.findings[0]).toMatchObject({ userId: 'alice', product: 'chat', socketIds: ['a', 'b'] });
      expect(t.state.findings[0]?.message).toBe('User "alice" is still connected after "bob" connected in this tab: the app switched users without disconnectUser().');
    });

    it("alice's chat socket and bob's video socket in one document: two products, no switch", () => {
      const video = 'ws://127.0.0.1:8765/video/connect?api_key=demo-key';
      const auth = JSON.stringify({ token: 't', user_details: { id: 'bob' }, products: ['video'] });
      const t = new Timeline().connect('a', alice, 0).connect('v', video, 100).send('v', 100, auth);
      t.check(20_000);
      expect(t.state.sockets['v']?.identity.userId).toBe('bob');
      expect(t.findingsOf('user-switch-leak')).toEqual([]);
    });
  });
});
