import { signal, type Signal } from '@preact/signals';
import { PORT_PANEL, PROTOCOL_VERSION, type PanelRequest, type PanelUpdate } from '../core/protocol';
import type { TabView } from '../core/types';
import { createReconnectingPort } from '../shared/reconnectingPort';

export interface PanelConnection {
  view: Signal<TabView | null>;
  /** False while the worker is unreachable (it restarts; the port reconnects by itself). */
  connected: Signal<boolean>;
  clear(): void;
  setPreserveLog(value: boolean): void;
}

/**
 * The panel's one link to the worker. On every (re)connection it subscribes again and gets a
 * full snapshot, so a worker restart or a late-opened panel misses nothing.
 */
export function connectPanel(tabId: number): PanelConnection {
  const view = signal<TabView | null>(null);
  const connected = signal(false);
  const port = createReconnectingPort<PanelUpdate, PanelRequest>(PORT_PANEL, {
    eager: true,
    onConnect: (post) => {
      connected.value = true;
      post({ kind: 'subscribe', version: PROTOCOL_VERSION, tabId });
    },
    onDisconnect: () => (connected.value = false),
    onDead: () => (connected.value = false),
  });
  port.listen((update) => {
    if (update.kind === 'snapshot' && update.version === PROTOCOL_VERSION) view.value = update.tab;
  });
  return {
    view,
    connected,
    clear: () => port.post({ kind: 'clear', version: PROTOCOL_VERSION, tabId }),
    setPreserveLog: (value) => port.post({ kind: 'set-preserve-log', version: PROTOCOL_VERSION, tabId, value }),
  };
}

/** The inspected tab: DevTools tells it; as a plain page (tests, own window) it is ?tabId=N. */
export function resolveTabId(search: string): number | null {
  const fromUrl = new URLSearchParams(search).get('tabId');
  if (fromUrl !== null && /^\d+$/.test(fromUrl)) return Number(fromUrl);
  if (typeof chrome !== 'undefined' && chrome.devtools?.inspectedWindow) return chrome.devtools.inspectedWindow.tabId;
  return null;
}
