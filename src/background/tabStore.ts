import { evaluateFindings } from '../core/findings';
import { connectionLimit } from '../core/rules';
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
  /** Resolves once the tab's latest state is persisted (at once if nothing is pending). */
  flushed(tabId: number): Promise<void>;
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
 * After a write that took d ms the next waits at least d × this (and never overlaps it), so
 * writing keeps to about a fifth of the worker's time. A tab whose sockets all chat at once
 * changes every socket between writes; writing those every 50 ms kept the worker and the
 * browser process (which holds storage.session) busy and the page's sockets waiting (bench:
 * scale run).
 */
const PAUSE_PER_WRITE_MS = 4;

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
  /** Per tab, the promise of the write that is scheduled or running. */
  const persisting = new Map<number, Promise<void>>();

  const ready = options.persistence.loadAll().then(
    (loaded) => {
      for (const state of loaded) if (!states.has(state.tabId)) states.set(state.tabId, state);
      // Timers died with the previous worker: look at every tab once now.
      commit(new Map(states));
    },
    (error: unknown) => console.error('OneSocket: could not restore tab records', error),
  );

  /** Per tab, how long its last write took (ms). */
  const writeCosts = new Map<number, number>();

  function persistSoon(tabId: number): void {
    if (persistTimers.has(tabId)) return;
    const previous = persisting.get(tabId) ?? Promise.resolve();
    const delay = Math.max(persistDelayMs, (writeCosts.get(tabId) ?? 0) * PAUSE_PER_WRITE_MS);
    const written = new Promise<void>((resolve) => {
      persistTimers.set(
        tabId,
        setTimeout(() => {
          persistTimers.delete(tabId);
          // Writes of one tab never overlap; this one takes the state as it is when it starts.
          void previous.then(() => {
            const state = states.get(tabId);
            const started = now();
            const write = state ? options.persistence.save(state) : Promise.resolve();
            return write
              .catch((error: unknown) => console.error('OneSocket: could not persist tab', tabId, error))
              .finally(() => {
                writeCosts.set(tabId, now() - started);
                if (persisting.get(tabId) === written) persisting.delete(tabId);
                resolve();
              });
          });
        }, delay),
      );
    });
    persisting.set(tabId, written);
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

  /** One timer for the rule over all tabs (connection-limit), whose grace windows span tabs. */
  let browserCheckTimer: ReturnType<typeof setTimeout> | null = null;
  function scheduleBrowserCheck(at: number | null): void {
    if (browserCheckTimer !== null) clearTimeout(browserCheckTimer);
    browserCheckTimer = null;
    if (at === null) return;
    browserCheckTimer = setTimeout(() => {
      browserCheckTimer = null;
      commit(new Map());
    }, Math.max(0, at - now()));
  }

  /**
   * Stores the changed tabs with their findings re-evaluated, persists and notifies. The
   * connection limit counts a user's sockets over every tab, so a change in one tab also
   * re-evaluates each other tab it concerns: one holding sockets of a user at or over the
   * limit, or still showing a limit finding that may now resolve.
   */
  function commit(changed: ReadonlyMap<number, TabState>): void {
    const at = now();
    const settings = options.settings();
    const inputs = new Map(states);
    for (const [tabId, state] of changed) inputs.set(tabId, state);
    const limit = connectionLimit([...inputs.values()], at, settings);
    scheduleBrowserCheck(limit.nextCheckAt);
    for (const [tabId, input] of inputs) {
      const fromOtherTabs = limit.candidatesByTab.get(tabId) ?? [];
      const showsLimit = input.findings.some((finding) => finding.active && finding.rule === 'connection-limit');
      if (!changed.has(tabId) && fromOtherTabs.length === 0 && !showsLimit) continue;
      const { state, nextCheckAt } = evaluateFindings(input, at, settings, fromOtherTabs);
      const previous = states.get(tabId);
      states.set(tabId, state);
      scheduleCheck(tabId, nextCheckAt);
      if (state !== previous) {
        persistSoon(tabId);
        for (const listener of listeners) listener(state);
      }
    }
  }

  async function reevaluate(tabId: number): Promise<TabState | undefined> {
    await ready;
    const state = states.get(tabId);
    if (state) commit(new Map([[tabId, state]]));
    return states.get(tabId);
  }

  return {
    ready,
    get: (tabId) => states.get(tabId),
    all: () => [...states.values()],
    async apply(tabId, events, url) {
      await ready;
      const current = states.get(tabId) ?? createTabState(tabId, url ?? '', now());
      commit(new Map([[tabId, applyTabEvents(current, events, options.settings())]]));
      return states.get(tabId) as TabState;
    },
    reevaluate,
    flushed: (tabId) => persisting.get(tabId) ?? Promise.resolve(),
    async remove(tabId) {
      await ready;
      states.delete(tabId);
      scheduleCheck(tabId, null);
      // Its sockets no longer count towards any user's limit in the other tabs.
      commit(new Map());
      const pending = persistTimers.get(tabId);
      if (pending !== undefined) clearTimeout(pending);
      persistTimers.delete(tabId);
      persisting.delete(tabId);
      writeCosts.delete(tabId);
      await options.persistence.remove(tabId);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
