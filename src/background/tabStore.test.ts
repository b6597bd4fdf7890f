import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { streamConnectUrl } from '../core/testing/timeline';
import type { TabEvent } from '../core/tabState';
import type { TabState } from '../core/types';
import { DEFAULT_SETTINGS } from '../core/settings/defaults';
import { createTabStore, type TabPersistence } from './tabStore';

/** In-memory stand-in for chrome.storage.session: survives a "worker restart" (a new store). */
function memoryPersistence(): TabPersistence & { saved: Map<number, TabState> } {
  const saved = new Map<number, TabState>();
  return {
    saved,
    loadAll: async () => [...saved.values()].map((state) => structuredClone(state)),
    save: async (state) => void saved.set(state.tabId, structuredClone(state)),
    remove: async (tabId) => void saved.delete(tabId),
  };
}

const connect = (socketId: string, userId: string, at: number): TabEvent[] => [
  { type: 'hook', event: { type: 'created', socketId, at, url: streamConnectUrl(userId), protocols: [], frameUrl: 'https://app.example/', stack: [] } },
  { type: 'hook', event: { type: 'open', socketId, at, protocol: '', extensions: '' } },
];

describe('createTabStore', () => {
  beforeEach(() => vi.useFakeTimers({ now: 10_000 }));
  afterEach(() => vi.useRealTimers());

  it('raises a duplicate once the grace window passes, without a new event', async () => {
    const store = createTabStore({ persistence: memoryPersistence(), settings: () => DEFAULT_SETTINGS });
    const seen: TabState[] = [];
    store.subscribe((state) => seen.push(state));
    await store.apply(7, [...connect('a', 'alice', 10_000), ...connect('b', 'alice', 10_000)]);
    expect(store.get(7)?.findings).toEqual([]);
    await vi.advanceTimersByTimeAsync(1000);
    expect(store.get(7)?.findings.map((f) => [f.rule, f.active])).toEqual([['duplicate-connection', true]]);
    expect(seen.at(-1)?.findings).toHaveLength(1);
  });

  it('loses nothing across a worker restart, and re-arms the grace timer', async () => {
    const persistence = memoryPersistence();
    const first = createTabStore({ persistence, settings: () => DEFAULT_SETTINGS });
    await first.apply(7, [...connect('a', 'alice', 10_000), ...connect('b', 'alice', 10_200)]);
    await vi.advanceTimersByTimeAsync(60); // the debounced write
    expect(persistence.saved.get(7)?.socketOrder).toEqual(['a', 'b']);

    // The worker dies; a new one starts from storage 2 s later, past the grace window.
    vi.setSystemTime(12_000);
    const second = createTabStore({ persistence, settings: () => DEFAULT_SETTINGS });
    await second.ready;
    expect(second.get(7)?.socketOrder).toEqual(['a', 'b']);
    expect(second.get(7)?.findings.map((f) => f.rule)).toEqual(['duplicate-connection']);
  });

  it("raises connection-limit in every tab holding the user's sockets when another tab adds one", async () => {
    const store = createTabStore({ persistence: memoryPersistence(), settings: () => DEFAULT_SETTINGS });
    const notified: number[] = [];
    store.subscribe((state) => notified.push(state.tabId));
    await store.apply(7, [...connect('a', 'alice', 10_000), ...connect('b', 'alice', 10_000)]);
    await store.apply(8, connect('c', 'alice', 10_000));
    await vi.advanceTimersByTimeAsync(1000);
    const limitIn = (tabId: number) => store.get(tabId)?.findings.filter((f) => f.rule === 'connection-limit' && f.active).map((f) => f.message);
    expect(limitIn(7)).toEqual(['User "alice" holds 3 connections to Stream Chat across 2 tabs (2 in this tab), at the development limit of 3; one more will be refused.']);
    expect(limitIn(8)).toEqual(['User "alice" holds 3 connections to Stream Chat across 2 tabs (1 in this tab), at the development limit of 3; one more will be refused.']);
    // Tab 7 received no event of its own after the first; it was re-evaluated and its listeners told.
    expect(notified.filter((tabId) => tabId === 7).length).toBeGreaterThan(1);

    // Closing tab 8 takes its socket out of the count: tab 7's finding resolves.
    await store.remove(8);
    expect(store.get(7)?.findings.find((f) => f.rule === 'connection-limit')).toMatchObject({ active: false });
  });

  it('never overlaps writes of a tab, and spaces them by what they cost', async () => {
    const persistence = memoryPersistence();
    let writing = 0;
    let overlapped = false;
    let writes = 0;
    const save = persistence.save;
    // A write of a large tab takes 100 ms (storage.session serialises every changed socket).
    persistence.save = async (state) => {
      if (writing++ > 0) overlapped = true;
      writes++;
      await new Promise((resolve) => setTimeout(resolve, 100));
      await save(state);
      writing--;
    };
    const store = createTabStore({ persistence, settings: () => DEFAULT_SETTINGS });
    await store.apply(7, connect('a', 'alice', 10_000));
    // One second of a busy socket: a change every 10 ms.
    for (let i = 0; i < 100; i++) {
      await store.apply(7, [{ type: 'hook', event: { type: 'message', socketId: 'a', at: Date.now(), direction: 'in', size: 1, binary: false, preview: 'x' } }]);
      await vi.advanceTimersByTimeAsync(10);
    }
    await vi.advanceTimersByTimeAsync(2_000);
    expect(overlapped).toBe(false);
    // Every 50 ms would be 20 writes; after a 100 ms write the next waits 400 ms.
    expect(writes).toBeLessThanOrEqual(6);
    // The last change is written all the same.
    expect(persistence.saved.get(7)?.sockets.a?.messagesReceived).toBe(100);
  });

  it('drops a closed tab from memory and storage', async () => {
    const persistence = memoryPersistence();
    const store = createTabStore({ persistence, settings: () => DEFAULT_SETTINGS });
    await store.apply(3, connect('a', 'alice', 10_000));
    await vi.advanceTimersByTimeAsync(60);
    await store.remove(3);
    expect(store.get(3)).toBeUndefined();
    expect(persistence.saved.has(3)).toBe(false);
  });
});
