import type { Runtime } from 'webextension-polyfill';
import { PROTOCOL_VERSION, type PanelRequest, type PanelUpdate } from '../core/protocol';
import { redactTabState } from '../core/redact';
import { createTabState } from '../core/tabState';
import type { Settings, TabState } from '../core/types';
import type { TabStore } from './tabStore';

/** At most one snapshot per tab per this interval: a busy socket must not flood the panel. */
const SNAPSHOT_INTERVAL_MS = 50;

function isPanelRequest(value: unknown): value is PanelRequest {
  if (typeof value !== 'object' || value === null) return false;
  const request = value as { kind?: unknown; version?: unknown; tabId?: unknown };
  return request.version === PROTOCOL_VERSION && typeof request.tabId === 'number' && ['subscribe', 'clear', 'set-preserve-log'].includes(String(request.kind));
}

/**
 * A panel (in DevTools or standalone) subscribes to one tab and receives snapshots of it,
 * redacted while redaction is on, so secrets never reach the panel in the first place.
 */
export function handlePanelPort(port: Runtime.Port, store: TabStore, settings: () => Settings): void {
  let tabId: number | null = null;
  let lastSent = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;

  const send = (): void => {
    timer = null;
    if (tabId === null) return;
    lastSent = Date.now();
    const current = settings();
    const state: TabState = store.get(tabId) ?? createTabState(tabId, '', Date.now());
    const update: PanelUpdate = {
      kind: 'snapshot',
      version: PROTOCOL_VERSION,
      tab: { state: current.redact ? redactTabState(state) : state, settings: current, now: Date.now() },
    };
    try {
      port.postMessage(update);
    } catch {
      unsubscribe();
    }
  };

  const sendSoon = (): void => {
    if (timer !== null) return;
    timer = setTimeout(send, Math.max(0, lastSent + SNAPSHOT_INTERVAL_MS - Date.now()));
  };

  const unsubscribe = store.subscribe((state) => {
    if (state.tabId === tabId) sendSoon();
  });
  port.onDisconnect.addListener(() => {
    unsubscribe();
    if (timer !== null) clearTimeout(timer);
  });

  port.onMessage.addListener(async (value: unknown) => {
    if (!isPanelRequest(value)) return;
    await store.ready;
    switch (value.kind) {
      case 'subscribe':
        tabId = value.tabId;
        send();
        break;
      case 'clear':
        await store.apply(value.tabId, [{ type: 'clear', at: Date.now() }]);
        break;
      case 'set-preserve-log':
        await store.apply(value.tabId, [{ type: 'set-preserve-log', value: value.value }]);
        break;
    }
  });
}
