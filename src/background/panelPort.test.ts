import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Runtime } from 'webextension-polyfill';
import type { PanelUpdate } from '../core/panelUpdate';
import { DEFAULT_SETTINGS } from '../core/settings/defaults';
import { applyTabChanges } from '../core/tabChanges';
import type { TabEvent } from '../core/tabState';
import { streamConnectUrl, testToken } from '../core/testing/timeline';
import type { Settings, TabView } from '../core/types';
import { PROTOCOL_VERSION } from '../core/wire/constants';
import type { SettingsSource } from '../common/settingsStore';
import { handlePanelPort } from './panelPort';
import { createTabStore } from './tabStore';

const TAB = 7;

function fakePort() {
  const messageListeners: Array<(value: unknown) => void> = [];
  const received: PanelUpdate[] = [];
  const port = {
    name: 'panel',
    postMessage: (message: PanelUpdate) => received.push(structuredClone(message)),
    onMessage: { addListener: (listener: (value: unknown) => void) => messageListeners.push(listener) },
    onDisconnect: { addListener: () => undefined },
  };
  return { port: port as unknown as Runtime.Port, received, send: (value: unknown) => messageListeners.forEach((listener) => listener(value)) };
}

function fakeSettings(initial: Settings): SettingsSource & { set(next: Settings): void } {
  let current = initial;
  const listeners = new Set<(settings: Settings) => void>();
  return {
    current: () => current,
    ready: Promise.resolve(),
    subscribe: (listener) => (listeners.add(listener), () => listeners.delete(listener)),
    set(next) {
      current = next;
      for (const listener of listeners) listener(next);
    },
  };
}

const secretToken = testToken({ user_id: 'alice' }, 'the-signature');
const created = (socketId: string, userId: string, at: number): TabEvent => ({
  type: 'hook',
  event: { type: 'created', socketId, at, url: streamConnectUrl(userId, 'chat.example', { token: secretToken }), protocols: [], frameUrl: 'https://app.example/', stack: [] },
});
const frame = (socketId: string, at: number, preview: string): TabEvent => ({
  type: 'hook',
  event: { type: 'message', socketId, at, direction: 'in', size: preview.length, binary: false, preview },
});

async function subscribed(settings = fakeSettings(DEFAULT_SETTINGS)) {
  const store = createTabStore({ persistence: { loadAll: async () => [], save: async () => undefined, remove: async () => undefined }, settings: settings.current });
  const { port, received, send } = fakePort();
  handlePanelPort(port, store, settings);
  await store.apply(TAB, [created('a', 'alice', 1), created('b', 'bob', 1)], 'https://app.example/');
  send({ kind: 'subscribe', version: PROTOCOL_VERSION, tabId: TAB });
  await vi.advanceTimersByTimeAsync(0);
  return { store, received, settings };
}

describe('handlePanelPort', () => {
  beforeEach(() => vi.useFakeTimers({ now: 10_000 }));
  afterEach(() => vi.useRealTimers());

  it('sends one snapshot on subscribe, then only what changed, coalesced per interval', async () => {
    const { store, received } = await subscribed();
    expect(received.map((update) => update.kind)).toEqual(['snapshot']);

    await store.apply(TAB, [frame('a', 2, 'one')]);
    await store.apply(TAB, [frame('a', 3, 'two')]);
    await vi.advanceTimersByTimeAsync(100);
    const changes = received.filter((update) => update.kind === 'changes');
    expect(changes).toHaveLength(1);
    const upserted = changes[0]?.kind === 'changes' ? changes[0].changes.sockets?.upserted : [];
    expect(upserted?.map((socket) => [socket.id, socket.frames.map((f) => f.preview)])).toEqual([['a', ['one', 'two']]]);
  });

  it('brings a panel that applies the changes to the worker’s record, redacted as the snapshot is', async () => {
    const { store, received } = await subscribed();
    await store.apply(TAB, [frame('b', 2, `{"token":"${secretToken}"}`), created('c', 'carol', 3)]);
    await vi.advanceTimersByTimeAsync(100);
    await store.apply(TAB, [{ type: 'clear', at: 4 }, created('d', 'dave', 5)]);
    await vi.advanceTimersByTimeAsync(100);

    let view: TabView | null = null;
    for (const update of received) {
      if (update.kind === 'snapshot') view = update.tab;
      else if (update.kind === 'changes' && view) view = applyTabChanges(view, update.changes, update.now);
    }
    // Clear kept the open sockets (the truth) and forgot their frames (the log), as the worker did.
    expect(view?.state.socketOrder).toEqual(store.get(TAB)?.socketOrder);
    expect(view?.state.socketOrder).toEqual(['a', 'b', 'c', 'd']);
    expect(view?.state.sockets['b']?.frames).toEqual([]);
    expect(JSON.stringify(received)).not.toContain('the-signature');
    expect(received.filter((update) => update.kind === 'snapshot')).toHaveLength(1);
  });

  it('resends a snapshot when the settings change: redaction off shows what it hid', async () => {
    const { received, settings } = await subscribed();
    expect(JSON.stringify(received)).not.toContain('the-signature');
    settings.set({ ...DEFAULT_SETTINGS, redact: false });
    const last = received.at(-1);
    expect(last?.kind).toBe('snapshot');
    expect(last?.kind === 'snapshot' && last.tab.state.sockets['a']?.url).toContain('the-signature');
  });
});
