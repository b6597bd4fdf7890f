import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { streamConnectUrl } from '../core/testing/timeline';
import type { TabEvent } from '../core/tabState';
import { DEFAULT_SETTINGS } from '../core/settings/defaults';
import { createTabPersistence, type SessionArea } from './sessionPersistence';
import { createTabStore } from './tabStore';

/** A storage area in memory, as storage.session behaves (values cloned in and out). */
function memoryArea(): SessionArea & { data: Map<string, unknown> } {
  const data = new Map<string, unknown>();
  return {
    data,
    get: async () => Object.fromEntries([...data].map(([key, value]) => [key, structuredClone(value)])),
    set: async (items) => void Object.entries(items).forEach(([key, value]) => data.set(key, structuredClone(value))),
    remove: async (keys) => void [keys].flat().forEach((key) => data.delete(key)),
  };
}

const twoSocketsOfAlice: TabEvent[] = ['a', 'b'].flatMap((socketId): TabEvent[] => [
  { type: 'hook', event: { type: 'created', socketId, at: 10_000, url: streamConnectUrl('alice'), protocols: [], frameUrl: 'https://app.example/', stack: [] } },
  { type: 'hook', event: { type: 'open', socketId, at: 10_000, protocol: '', extensions: '' } },
]);

describe('createTabPersistence', () => {
  beforeEach(() => vi.useFakeTimers({ now: 10_000 }));
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  it('keeps the records in storage.session where the browser has it: a restarted worker finds them', async () => {
    const area = memoryArea();
    const first = createTabStore({ persistence: createTabPersistence(area), settings: () => DEFAULT_SETTINGS });
    await first.apply(7, twoSocketsOfAlice);
    await vi.advanceTimersByTimeAsync(1000);
    expect([...area.data.keys()].sort()).toEqual(['socket:7:a', 'socket:7:b', 'tab:7']);

    const restarted = createTabStore({ persistence: createTabPersistence(area), settings: () => DEFAULT_SETTINGS });
    await restarted.ready;
    expect(restarted.get(7)?.socketOrder).toEqual(['a', 'b']);
  });

  it('without storage.session (an older Firefox) records in memory, raises findings, and no write fails', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const store = createTabStore({ persistence: createTabPersistence(undefined), settings: () => DEFAULT_SETTINGS });
    await store.ready;
    await store.apply(7, twoSocketsOfAlice);
    await vi.advanceTimersByTimeAsync(1000);
    expect(store.get(7)?.findings.map((finding) => [finding.rule, finding.active])).toEqual([['duplicate-connection', true]]);
    expect(warn).toHaveBeenCalledOnce();
    expect(error).not.toHaveBeenCalled();
  });
});
