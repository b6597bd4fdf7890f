import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from './settings/defaults';
import { applyTabChanges, tabChanges, type TabChanges } from './tabChanges';
import { streamConnectUrl, Timeline } from './testing/timeline';
import type { TabState, TabView } from './types';

/** What the panel holds after a snapshot: a copy, as everything that crosses a port is. */
const snapshotOf = (state: TabState): TabView => structuredClone({ state, settings: DEFAULT_SETTINGS, now: 0 });

/** The worker's side then the panel's, with the port's copy in between. */
function carry(view: TabView, before: TabState, after: TabState): { view: TabView; changes: TabChanges | null } {
  const changes = tabChanges(before, after);
  return { view: changes === null ? view : applyTabChanges(view, structuredClone(changes), 1), changes };
}

describe('tabChanges (worker side)', () => {
  it('sends only the socket a frame arrived on, whole, and nothing of the rest', () => {
    const t = new Timeline().connect('a', streamConnectUrl('alice'), 0).connect('b', streamConnectUrl('bob'), 0);
    const before = t.state;
    t.receive('b', 5, '{"type":"health.check"}');
    const changes = tabChanges(before, t.state);
    expect(changes?.sockets).toEqual({ upserted: [t.state.sockets['b']], removed: [] });
    expect(changes?.findings).toBeUndefined();
    // The relay's sequence bookkeeping is the only other thing a frame can touch; pages and the rest stay out.
    expect(Object.keys(changes?.meta ?? {})).not.toContain('pages');
  });

  it('is null when nothing changed', () => {
    const t = new Timeline().connect('a', streamConnectUrl('alice'), 0);
    expect(tabChanges(t.state, t.state)).toBeNull();
    expect(tabChanges(t.state, { ...t.state })).toBeNull();
  });

  it('carries a change to any field, including bytes alone and fields it has never heard of', () => {
    const t = new Timeline().connect('a', streamConnectUrl('alice'), 0);
    const before = t.state;
    // Folded traffic that only adds bytes: no count, state or frame moves.
    t.apply({ type: 'hook', event: { type: 'traffic', socketId: 'a', at: 1, sent: 0, received: 0, bytesSent: 0, bytesReceived: 4096 } });
    expect(tabChanges(before, t.state)?.sockets?.upserted.map((socket) => socket.bytesReceived)).toEqual([4096]);

    const socket = t.state.sockets['a'];
    if (!socket) throw new Error('no socket a');
    const withNewField = { ...t.state, sockets: { ...t.state.sockets, a: { ...socket, product: 'video' } as typeof socket } };
    expect(tabChanges(t.state, withNewField)?.sockets?.upserted).toEqual([{ ...socket, product: 'video' }]);
  });

  it('names the sockets a Clear removed, without resending their order', () => {
    // Clear forgets closed sockets (open ones are the truth and stay).
    const t = new Timeline().connect('a', streamConnectUrl('alice'), 0).connect('b', streamConnectUrl('bob'), 0).close('a', 5).close('b', 6);
    const before = t.state;
    t.apply({ type: 'clear', at: 10 });
    const changes = tabChanges(before, t.state);
    expect(changes?.sockets).toEqual({ upserted: [], removed: ['a', 'b'] });
  });

  it('sends only the top-level values of the rest of the record that changed', () => {
    const t = new Timeline().connect('a', streamConnectUrl('alice'), 0);
    const before = t.state;
    t.apply({ type: 'set-preserve-log', value: true });
    expect(tabChanges(before, t.state)).toEqual({ meta: { preserveLog: true } });
  });

  it('sends a finding when it is raised and when it resolves, not the ones that did not change', () => {
    const bobUrl = streamConnectUrl('bob', 'other.example', { apiKey: 'other-app' });
    const t = new Timeline().connect('a', streamConnectUrl('alice'), 0).connect('b', streamConnectUrl('alice'), 0).connect('c', bobUrl, 0);
    t.check(0);
    const beforeRaise = t.state;
    t.check(5_000);
    const raised = tabChanges(beforeRaise, t.state)?.findings;
    expect(raised?.upserted.map((finding) => [finding.rule, finding.active])).toEqual([['duplicate-connection', true]]);

    t.close('b', 6_000).connect('d', bobUrl, 6_000);
    const beforeResolve = t.state;
    t.check(20_000);
    const changed = tabChanges(beforeResolve, t.state)?.findings?.upserted ?? [];
    expect(changed.map((finding) => [finding.rule, finding.key, finding.active])).toEqual([
      ['duplicate-connection', 'chat:alice', false],
      ['duplicate-connection', 'chat:bob', true],
    ]);
  });
});

describe('applyTabChanges (panel side)', () => {
  it('replaces the changed socket and keeps every other object, so their rows do not re-render', () => {
    const t = new Timeline().connect('a', streamConnectUrl('alice'), 0).connect('b', streamConnectUrl('bob'), 0);
    const view = snapshotOf(t.state);
    const before = t.state;
    t.send('a', 5, '{"type":"health.check","client_id":"x"}');
    const next = carry(view, before, t.state).view;
    expect(next.state.sockets['a']?.messagesSent).toBe(1);
    expect(next.state.sockets['a']?.frames.map((frame) => frame.preview)).toEqual(['{"type":"health.check","client_id":"x"}']);
    expect(next.state.sockets['b']).toBe(view.state.sockets['b']);
    expect(next.state.socketOrder).toBe(view.state.socketOrder);
    expect(next.state.findings).toBe(view.state.findings);
    expect(next.state.pages).toBe(view.state.pages);
    expect(next.now).toBe(1);
  });

  it('ends where the worker is after any run of events: creations, frames, closes, findings, a navigation, a Clear, evictions', () => {
    const settings = { ...DEFAULT_SETTINGS, maxSocketsPerTab: 3, framesPerSocket: 2 };
    const t = new Timeline(settings);
    let sent = t.state;
    let view = snapshotOf(t.state);
    const step = (change: () => void): void => {
      change();
      view = carry(view, sent, t.state).view;
      sent = t.state;
      expect(view.state).toEqual(t.state);
    };
    step(() => t.connect('a', streamConnectUrl('alice'), 0).connect('b', streamConnectUrl('alice'), 1));
    step(() => t.receive('a', 2, '{"type":"health.check","connection_id":"c1","me":{"id":"alice"}}').send('a', 3, 'x').send('a', 4, 'y'));
    step(() => void t.check(10_000));
    step(() => t.apply({ type: 'set-preserve-log', value: true }));
    step(() => t.navigate(11_000));
    step(() => t.connect('c', streamConnectUrl('carol'), 11_000).connect('d', streamConnectUrl('dave'), 11_001));
    step(() => void t.check(12_000));
    step(() => t.close('c', 13_000).connect('e', streamConnectUrl('erin'), 13_000));
    step(() => t.apply({ type: 'clear', at: 14_000 }));
    step(() => t.connect('f', streamConnectUrl('frank'), 15_000));
  });

  it('takes an explicit order when the new one is not the old one plus the new sockets', () => {
    const t = new Timeline().connect('a', streamConnectUrl('alice'), 0).connect('b', streamConnectUrl('bob'), 0);
    const view = snapshotOf(t.state);
    const reordered: TabState = { ...t.state, socketOrder: ['b', 'a'] };
    const { view: next, changes } = carry(view, t.state, reordered);
    expect(changes?.sockets?.order).toEqual(['b', 'a']);
    expect(next.state.socketOrder).toEqual(['b', 'a']);
  });
});
