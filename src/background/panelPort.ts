import type { Runtime } from 'webextension-polyfill';
import type { PanelUpdate } from '../core/panelUpdate';
import { redactTabChanges, redactTabState } from '../core/redact';
import { tabChanges } from '../core/tabChanges';
import { crossTabTally } from '../core/tally';
import { createTabState } from '../core/tabState';
import type { TabState } from '../core/types';
import { PROTOCOL_VERSION } from '../core/wire/constants';
import { panelRequestSchema } from '../core/wire/panelRequests';
import { parseWire } from '../core/wire/parse';
import type { SettingsSource } from '../common/settingsStore';
import type { TabStore } from './tabStore';

/** At most one update per tab per this interval: a busy socket must not flood the panel. */
const CHANGES_INTERVAL_MS = 50;
/** The cross-tab tally changes with any tab; it is a summary, so a slower pace is enough. */
const TALLY_INTERVAL_MS = 250;

/**
 * A send that took d ms is followed by at least d × this of quiet. Posting an update (redact,
 * serialise) costs in proportion to what changed, and the panel pays as much again to take it
 * in: at a fixed 50 ms a tab of a thousand busy sockets kept the worker posting and the panel
 * parsing without pause (bench: scale run). Changes wait meanwhile and travel as one update.
 */
const PAUSE_PER_SEND_MS = 4;

/** Calls `send` at most once per `intervalMs` (longer after a costly send), trailing: the last change is always sent. */
function throttled(send: () => void, intervalMs: number): { soon(): void; now(): void; cancel(): void } {
  let nextAllowed = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const run = (): void => {
    timer = null;
    const started = Date.now();
    send();
    const finished = Date.now();
    nextAllowed = started + Math.max(intervalMs, (finished - started) * (1 + PAUSE_PER_SEND_MS));
  };
  return {
    soon() {
      if (timer === null) timer = setTimeout(run, Math.max(0, nextAllowed - Date.now()));
    },
    now() {
      if (timer !== null) clearTimeout(timer);
      run();
    },
    cancel() {
      if (timer !== null) clearTimeout(timer);
      timer = null;
    },
  };
}

/**
 * A panel (in DevTools or standalone) subscribes to one tab: it gets one snapshot of it, then
 * only what changed (core/tabChanges), both redacted while redaction is on, so secrets never
 * reach the panel in the first place. A panel or the popup may also subscribe to the cross-tab
 * tally.
 */
export function handlePanelPort(port: Runtime.Port, store: TabStore, settings: SettingsSource): void {
  let tabId: number | null = null;
  let wantsTally = false;
  /** The tab's state as the panel was last brought to (before redaction); null: it needs a snapshot. */
  let sent: TabState | null = null;

  const post = (update: PanelUpdate): void => {
    try {
      port.postMessage(update);
    } catch {
      stop();
    }
  };

  const sendSnapshot = (id: number): void => {
    const current = settings.current();
    const state: TabState = store.get(id) ?? createTabState(id, '', Date.now());
    post({ kind: 'snapshot', version: PROTOCOL_VERSION, tab: { state: current.redact ? redactTabState(state) : state, settings: current, now: Date.now() } });
    sent = state;
  };

  /** Everything that changed since the last update, as one message: changes coalesce between sends. */
  const update = throttled(() => {
    if (tabId === null) return;
    if (sent === null) return sendSnapshot(tabId);
    const state = store.get(tabId);
    if (state === undefined) return;
    const changes = tabChanges(sent, state);
    sent = state;
    if (changes === null) return;
    post({ kind: 'changes', version: PROTOCOL_VERSION, tabId, changes: settings.current().redact ? redactTabChanges(changes) : changes, now: Date.now() });
  }, CHANGES_INTERVAL_MS);

  const tally = throttled(() => {
    const current = settings.current();
    post({ kind: 'tally', version: PROTOCOL_VERSION, tally: crossTabTally(store.all(), { redact: current.redact }), settings: current });
  }, TALLY_INTERVAL_MS);

  const unsubscribeStore = store.subscribe((state) => {
    if (state.tabId === tabId) update.soon();
    if (wantsTally) tally.soon();
  });
  // Redaction on/off or a new limit changes how everything is shown: a new snapshot, at once.
  const unsubscribeSettings = settings.subscribe(() => {
    if (tabId !== null) {
      sent = null;
      update.now();
    }
    if (wantsTally) tally.now();
  });
  function stop(): void {
    unsubscribeStore();
    unsubscribeSettings();
    update.cancel();
    tally.cancel();
  }
  port.onDisconnect.addListener(stop);

  port.onMessage.addListener(async (value: unknown) => {
    const parsed = parseWire(panelRequestSchema, value);
    if (!parsed.ok) return;
    const request = parsed.value;
    await store.ready;
    await settings.ready;
    switch (request.kind) {
      case 'subscribe':
        tabId = request.tabId;
        sent = null;
        update.now();
        break;
      case 'subscribe-tally':
        wantsTally = true;
        tally.now();
        break;
      case 'clear':
        await store.apply(request.tabId, [{ type: 'clear', at: Date.now() }]);
        break;
      case 'set-preserve-log':
        await store.apply(request.tabId, [{ type: 'set-preserve-log', value: request.value }]);
        break;
    }
  });
}
