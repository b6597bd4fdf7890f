import { describe, expect, it } from 'vitest';
import { streamConnectUrl, Timeline } from '../core/testing/timeline';
import type { TabView } from '../core/types';
import { DEFAULT_SETTINGS } from '../core/settings/defaults';
import { reuseUnchanged } from './viewReconcile';

const viewOf = (t: Timeline): TabView => structuredClone({ state: t.state, settings: DEFAULT_SETTINGS, now: 0 });

describe('reuseUnchanged', () => {
  it('keeps the previous object of every socket that did not change, so its row is not re-rendered', () => {
    const t = new Timeline().connect('a', streamConnectUrl('alice'), 0).connect('b', streamConnectUrl('bob'), 0);
    const first = viewOf(t);
    t.receive('b', 5, '{"type":"health.check"}');
    const second = reuseUnchanged(first, viewOf(t));
    expect(second.state.sockets['a']).toBe(first.state.sockets['a']);
    expect(second.state.sockets['b']).not.toBe(first.state.sockets['b']);
    expect(second.state.sockets['b']?.messagesReceived).toBe(1);
    expect(second.state.socketOrder).toBe(first.state.socketOrder);
  });

  it('takes everything fresh when the settings changed (redaction shows URLs differently)', () => {
    const t = new Timeline().connect('a', streamConnectUrl('alice'), 0);
    const first = viewOf(t);
    const next = { ...viewOf(t), settings: { ...DEFAULT_SETTINGS, redact: false } };
    expect(reuseUnchanged(first, next).state.sockets['a']).not.toBe(first.state.sockets['a']);
  });
});
