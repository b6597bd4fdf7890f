import { signal, type Signal } from '@preact/signals';
import type { PanelUpdate } from '../core/panelUpdate';
import { applyTabChanges } from '../core/tabChanges';
import { PORT_PANEL, PROTOCOL_VERSION } from '../core/wire/constants';
import type { PanelRequest } from '../core/wire/panelRequests';
import type { CrossTabTally } from '../core/tally';
import type { Settings, TabView } from '../core/types';
import { createReconnectingPort } from './reconnectingPort';

export interface TallyView {
  tally: CrossTabTally;
  settings: Settings;
}

export interface PanelConnection {
  /**
   * The subscribed tab as the worker last described it. Each change keeps the objects it did
   * not touch (sockets, findings, pages...), so what reads them is not run again.
   */
  view: Signal<TabView | null>;
  /** Every tab's counts and each user's sockets across tabs (for the cross-tab view). */
  tally: Signal<TallyView | null>;
  /** False while the worker is unreachable (it restarts; the port reconnects by itself). */
  connected: Signal<boolean>;
  clear(): void;
  setPreserveLog(value: boolean): void;
}

/**
 * The panel's one link to the worker. On every (re)connection it subscribes again and gets a
 * full snapshot, then the changes to it, so a worker restart or a late-opened panel misses
 * nothing. `tabId` null only subscribes to the tally (the popup).
 */
export function connectPanel(tabId: number | null): PanelConnection {
  const view = signal<TabView | null>(null);
  const tally = signal<TallyView | null>(null);
  const connected = signal(false);
  /** Changes apply only on top of this connection's own snapshot (a new port starts with one). */
  let synced = false;
  const port = createReconnectingPort<PanelUpdate, PanelRequest>(PORT_PANEL, {
    eager: true,
    onConnect: (post) => {
      connected.value = true;
      synced = false;
      if (tabId !== null) post({ kind: 'subscribe', version: PROTOCOL_VERSION, tabId });
      post({ kind: 'subscribe-tally', version: PROTOCOL_VERSION });
    },
    onDisconnect: () => (connected.value = false),
    onDead: () => (connected.value = false),
  });
  port.listen((update) => {
    if (update.version !== PROTOCOL_VERSION) return;
    if (update.kind === 'snapshot') {
      view.value = update.tab;
      synced = true;
    } else if (update.kind === 'changes') {
      const current = view.peek();
      if (synced && current !== null && current.state.tabId === update.tabId) view.value = applyTabChanges(current, update.changes, update.now);
    } else if (update.kind === 'tally') tally.value = { tally: update.tally, settings: update.settings };
  });
  return {
    view,
    tally,
    connected,
    clear: () => {
      if (tabId !== null) port.post({ kind: 'clear', version: PROTOCOL_VERSION, tabId });
    },
    setPreserveLog: (value) => {
      if (tabId !== null) port.post({ kind: 'set-preserve-log', version: PROTOCOL_VERSION, tabId, value });
    },
  };
}

/** The inspected tab: DevTools tells it; as a plain page (tests, own window) it is ?tabId=N. */
export function resolveTabId(search: string): number | null {
  const fromUrl = new URLSearchParams(search).get('tabId');
  if (fromUrl !== null && /^\d+$/.test(fromUrl)) return Number(fromUrl);
  if (typeof chrome !== 'undefined' && chrome.devtools?.inspectedWindow) return chrome.devtools.inspectedWindow.tabId;
  return null;
}
