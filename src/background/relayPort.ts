import type { Runtime } from 'webextension-polyfill';
import { PROTOCOL_VERSION, type RelayConfigMessage, type RelayMessage } from '../core/protocol';
import type { TabEvent } from '../core/tabState';
import type { SettingsSource } from './settings';
import type { TabStore } from './tabStore';

function isRelayMessage(value: unknown): value is RelayMessage {
  if (typeof value !== 'object' || value === null) return false;
  const message = value as { kind?: unknown; version?: unknown; events?: unknown };
  if (message.version !== PROTOCOL_VERSION) return false;
  if (message.kind === 'hook-events') return Array.isArray(message.events);
  return message.kind === 'document-started' || message.kind === 'document-restored';
}

/**
 * One relay port per frame. The tab and frame come from the port's sender (set by the
 * browser), never from the message, so a page cannot write into another tab's record.
 */
export function handleRelayPort(port: Runtime.Port, store: TabStore, settings?: SettingsSource): void {
  const tabId = port.sender?.tab?.id;
  if (tabId === undefined || tabId < 0) return;
  if (settings) sendHookConfig(port, settings);
  const isTopFrame = port.sender?.frameId === 0;
  port.onMessage.addListener((value: unknown) => {
    const events: TabEvent[] = [];
    if (!isRelayMessage(value)) {
      void store.apply(tabId, [{ type: 'dropped', count: 1 }]);
      return;
    }
    switch (value.kind) {
      case 'document-started':
      case 'document-restored':
        // A sub-frame navigating is part of the same page; only the top frame starts a page.
        if (isTopFrame) events.push({ type: 'document-started', at: value.at, url: value.url });
        break;
      case 'hook-events':
        for (const event of value.events) events.push({ type: 'hook', event });
        if (value.dropped > 0) events.push({ type: 'dropped', count: value.dropped });
        break;
    }
    if (events.length > 0) void store.apply(tabId, events, port.sender?.tab?.url);
  });
}

/** The page hook's preview cap: sent once settings are read, and again on every change. */
function sendHookConfig(port: Runtime.Port, settings: SettingsSource): void {
  const post = (): void => {
    const message: RelayConfigMessage = { kind: 'hook-config', version: PROTOCOL_VERSION, previewChars: settings.current().previewChars };
    try {
      port.postMessage(message);
    } catch {
      // The frame is gone; its disconnect removes the subscription.
    }
  };
  void settings.ready.then(post);
  const unsubscribe = settings.subscribe(post);
  port.onDisconnect.addListener(() => unsubscribe());
}
