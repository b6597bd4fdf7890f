import { evaluateFindings } from '../core/findings';
import { applyTabEvents, createTabState, type TabEvent } from '../core/tabState';
import type { Settings, TabState } from '../core/types';

/** Where tab records survive the worker's death; chrome.storage.session in the extension. */
export interface TabPersistence {
  loadAll(): Promise<TabState[]>;
  save(state: TabState): Promise<void>;
  remove(tabId: number): Promise<void>;
}

export interface TabStore {
  /** Resolves once the records persisted before a worker restart are back in memory. */
  ready: Promise<void>;
  get(tabId: number): TabState | undefined;
  all(): TabState[];
  /** Applies events to a tab (creating its record if new) and re-evaluates its findings. */
  apply(tabId: number, events: TabEvent[], url?: string): Promise<TabState>;
  /** Re-evaluates findings without a new event (the grace window ran out). */
  reevaluate(tabId: number): Promise<TabState | undefined>;
  remove(tabId: number): Promise<void>;
  subscribe(listener: (state: TabState) => void): () => void;
}

export interface TabStoreOptions {
  persistence: TabPersistence;
  settings: () => Settings;
  now?: () => number;
  /** Debounce for writes: enough to coalesce a burst, short enough to lose nothing on a kill. */
  persistDelayMs?: number;
}

/**
 * The worker's per-tab records: one reducer (core/tabState) behind them, rules evaluated after
 * every change, a timer for the next moment a rule's answer changes on its own (grace windows),
 * and every change persisted, since the worker may be killed at any moment.
 */
export function createTabStore(options: TabStoreOptions): TabStore {
  const now = options.now ?? Date.now;
  const persistDelayMs = options.persistDelayMs ?? 50;
  const states = new Map<number, TabState>();
  const listeners = new Set<(state: TabState) => void>();
  const checkTimers = new Map<number, ReturnType<typeof setTimeout>>();
  const persistTimers = new Map<number, ReturnType<typeof setTimeout>>();

  const ready = options.persistence.loadAll().then(
    (loaded) => {
      for (const state of loaded) if (!states.has(state.tabId)) states.set(state.tabId, state);
      // Timers died with the previous worker: look at every tab once now.
      for (const tabId of [...states.keys()]) commit(tabId, states.get(tabId) as TabState);
    },
    (error: unknown) => console.error('OneSocket: could not restore tab records', error),
  );

  function persistSoon(tabId: number): void {
    if (persistTimers.has(tabId)) return;
    persistTimers.set(
      tabId,
      setTimeout(() => {
        persistTimers.delete(tabId);
        const state = states.get(tabId);
        if (state) options.persistence.save(state).catch((error: unknown) => console.error('OneSocket: could not persist tab', tabId, error));
      }, persistDelayMs),
    );
  }

  function scheduleCheck(tabId: number, at: number | null): void {
    const existing = checkTimers.get(tabId);
    if (existing !== undefined) clearTimeout(existing);
    checkTimers.delete(tabId);
    if (at === null) return;
    checkTimers.set(
      tabId,
      setTimeout(() => {
        checkTimers.delete(tabId);
        void reevaluate(tabId);
      }, Math.max(0, at - now())),
    );
  }

  /** Evaluates rules, stores, persists and notifies. */
  function commit(tabId: number, candidate: TabState): TabState {
    const { state, nextCheckAt } = evaluateFindings(candidate, now(), options.settings());
    const previous = states.get(tabId);
    states.set(tabId, state);
    scheduleCheck(tabId, nextCheckAt);
    if (state !== previous) {
      persistSoon(tabId);
      for (const listener of listeners) listener(state);
    }
    return state;
  }

  async function reevaluate(tabId: number): Promise<TabState | undefined> {
    await ready;
    const state = states.get(tabId);
    return state ? commit(tabId, state) : undefined;
  }

  return {
    ready,
    get: (tabId) => states.get(tabId),
    all: () => [...states.values()],
    async apply(tabId, events, url) {
      await ready;
      const current = states.get(tabId) ?? createTabState(tabId, url ?? '', now());
      return commit(tabId, applyTabEvents(current, events, options.settings()));
    },
    reevaluate,
    async remove(tabId) {
      await ready;
      states.delete(tabId);
      scheduleCheck(tabId, null);
      const pending = persistTimers.get(tabId);
      if (pending !== undefined) clearTimeout(pending);
      persistTimers.delete(tabId);
      await options.persistence.remove(tabId);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
