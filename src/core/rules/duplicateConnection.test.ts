import { describe, expect, it } from 'vitest';
import { streamConnectUrl, testToken, Timeline } from '../testing/timeline';
import { DEFAULT_SETTINGS } from '../settings/defaults';

const alice = streamConnectUrl('alice');
const bob = streamConnectUrl('bob');

describe('duplicate-connection', () => {
  it('fires once the second socket of one user outlasts the grace window', () => {
    const t = new Timeline().connect('a', alice, 0).connect('b', alice, 100);
    expect(t.check(1099)).toBe(1100);
    expect(t.activeRules()).toEqual([]);
    t.check(1100);
    expect(t.activeRules()).toEqual(['duplicate-connection:chat:alice']);
    const [finding] = t.state.findings;
    expect(finding).toMatchObject({ severity: 'error', userId: 'alice', socketIds: ['a', 'b'], active: true, at: 1100 });
    expect(finding?.message).toContain('alice');
  });

  it('is one incident that grows with a third socket and resolves when the user is back to one', () => {
    const t = new Timeline().connect('a', alice, 0).connect('b', alice, 10);
    t.check(2000);
    t.connect('c', alice, 2100).check(2200);
    expect(t.state.findings).toHaveLength(1);
    expect(t.state.findings[0]?.socketIds).toEqual(['a', 'b', 'c']);
    t.close('b', 3000).close('c', 3001).check(3002);
    expect(t.state.findings).toHaveLength(1);
    expect(t.state.findings[0]).toMatchObject({ active: false, resolvedAt: 3002 });
  });

  it('opens a new incident when the mistake happens again after it was resolved', () => {
    const t = new Timeline().connect('a', alice, 0).connect('b', alice, 0);
    t.check(1000);
    t.close('b', 1500).check(1500);
    t.connect('c', alice, 2000).check(3000);
    expect(t.state.findings.map((f) => [f.active, f.socketIds])).toEqual([
      [false, ['a', 'b']],
      [true, ['a', 'c']],
    ]);
  });

  it('does not fire on a reconnect hand-over (old socket closed before the new one opens)', () => {
    const t = new Timeline().connect('a', alice, 0).close('a', 5000, 4000).connect('b', alice, 5200);
    t.check(10_000);
    expect(t.activeRules()).toEqual([]);
  });

  it("does not fire on React StrictMode's mount, unmount, mount", () => {
    // The first client's disconnectUser puts its socket in closing before the second connects.
    const t = new Timeline().connect('a', alice, 0).closing('a', 3).connect('b', alice, 5);
    t.check(5000);
    expect(t.activeRules()).toEqual([]);
  });

  it('does not fire when the overlap ends inside the grace window', () => {
    const t = new Timeline().connect('a', alice, 0).connect('b', alice, 100).close('a', 600);
    t.check(5000);
    expect(t.state.findings).toEqual([]);
  });

  it('does not fire for two different users in one tab (that is user-switch-leak)', () => {
    const t = new Timeline().connect('a', alice, 0).connect('b', bob, 0);
    t.check(5000);
    expect(t.findingsOf('duplicate-connection')).toEqual([]);
  });

  it('respects a custom grace window', () => {
    const t = new Timeline({ ...DEFAULT_SETTINGS, graceWindowMs: 0, framesPerSocket: 10 }).connect('a', alice, 0).connect('b', alice, 50);
    t.check(50);
    expect(t.activeRules()).toEqual(['duplicate-connection:chat:alice']);
  });

  it('knows the user from the server hello when the URL does not name it', () => {
    const t = new Timeline()
      .connect('a', 'wss://chat.example/api/v2/connect', 0)
      .receive('a', 1, JSON.stringify({ type: 'connection.ok', connection_id: 'c1', me: { id: 'carol' } }))
      .connect('b', 'wss://chat.example/api/v2/connect', 2)
      .receive('b', 3, JSON.stringify({ type: 'connection.ok', connection_id: 'c2', me: { id: 'carol' } }));
    t.check(2000);
    expect(t.activeRules()).toEqual(['duplicate-connection:none:carol']);
  });

  describe('counts per user and product', () => {
    const video = 'ws://127.0.0.1:8765/video/connect?api_key=demo-key&stream-auth-type=jwt';
    const videoAuth = (userId: string) => JSON.stringify({ token: testToken({ user_id: userId }), user_details: { id: userId }, products: ['video'] });
    const connectVideo = (t: Timeline, id: string, userId: string, at: number) => t.connect(id, video, at).send(id, at, videoAuth(userId));

    it('one chat and one video socket of alice: two products, no finding', () => {
      const t = connectVideo(new Timeline().connect('chat', alice, 0), 'video', 'alice', 10);
      t.check(10_000);
      expect(t.state.findings).toEqual([]);
    });

    it('two video sockets of alice: a duplicate naming the product', () => {
      const t = connectVideo(connectVideo(new Timeline(), 'v1', 'alice', 0), 'v2', 'alice', 10);
      t.check(10_000);
      expect(t.state.findings).toMatchObject([{ rule: 'duplicate-connection', userId: 'alice', product: 'video', socketIds: ['v1', 'v2'], active: true }]);
      expect(t.state.findings[0]?.message).toBe('User "alice" holds 2 connections to Stream Video at once in this tab; a user should hold exactly one per product.');
    });

    it('chat, video and a second chat client of alice: exactly one duplicate, for chat', () => {
      const t = connectVideo(new Timeline().connect('c1', alice, 0), 'v1', 'alice', 10).connect('c2', alice, 20);
      t.check(10_000);
      expect(t.state.findings).toMatchObject([{ rule: 'duplicate-connection', product: 'chat', socketIds: ['c1', 'c2'] }]);
    });

    it('the same user in two frames of one tab is still a duplicate', () => {
      const t = new Timeline().inDocument('top').connect('a', alice, 0).inDocument('iframe').connect('b', alice, 10);
      t.check(10_000);
      expect(t.activeRules()).toEqual(['duplicate-connection:chat:alice']);
    });
  });
});
