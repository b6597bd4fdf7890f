import type { Runtime } from 'webextension-polyfill';
import { PROTOCOL_VERSION, type RelayAck, type RelayConfigMessage, type RelayMessage } from '../core/protocol';
import { alreadyApplied, type TabEvent } from '../core/tabState';
import type { SettingsSource } from './settings';
import type { TabStore } from './tabStore';

function isRelayMessage(value: unknown): value is RelayMessage {
  if (typeof value !== 'object' || value === null) return false;
  const message = value as { kind?: unknown; version?: unknown; events?: unknown; relayId?: unknown; seq?: unknown };
  if (message.version !== PROTOCOL_VERSION || typeof message.relayId !== 'string' || !Number.isSafeInteger(message.seq)) return false;
  if (message.kind === 'hook-events') return Array.isArray(message.events);
  return message.kind === 'document-started' || message.kind === 'document-restored';
}

/**
 * One relay port per frame document. The tab and frame come from the port's sender (set by the
 * browser), never from the message, so a page cannot write into another tab's record.
 * Each message is applied once (sequence numbers), acknowledged once persisted, and when the
 * port drops for good the document is gone: its sockets are closed in the record, since the
 * page's own close events never fire for a document that is torn down.
 */
export function handleRelayPort(port: Runtime.Port, store: TabStore, settings?: SettingsSource): void {
  const tabId = port.sender?.tab?.id;
  if (tabId === undefined || tabId < 0) return;
  if (settings) sendHookConfig(port, settings);
  const isTopFrame = port.sender?.frameId === 0;
  let documentId: string | null = null;
  let disconnected = false;

  const acknowledge = (seq: number): void => {
    if (disconnected) return;
    const ack: RelayAck = { kind: 'ack', version: PROTOCOL_VERSION, seq };
    try {
      port.postMessage(ack);
    } catch {
      // The document went away meanwhile; nothing to acknowledge to.
    }
  };

  port.onMessage.addListener(async (value: unknown) => {
    if (!isRelayMessage(value)) {
      void store.apply(tabId, [{ type: 'dropped', count: 1 }]);
      return;
    }
    documentId = value.relayId;
    await store.ready;
    if (alreadyApplied(store.get(tabId), value.relayId, value.seq)) {
      acknowledge(value.seq);
      return;
    }
    const events: TabEvent[] = [];
    switch (value.kind) {
      case 'document-started':
      case 'document-restored':
        // A sub-frame navigating is part of the same page; only the top frame starts a page.
        if (isTopFrame) events.push({ type: 'document-started', at: value.at, url: value.url });
        break;
      case 'hook-events':
        for (const event of value.events) events.push({ type: 'hook', event, documentId: value.relayId });
        if (value.dropped > 0) events.push({ type: 'dropped', count: value.dropped });
        break;
    }
    events.push({ type: 'relay-seq', relayId: value.relayId, seq: value.seq });
    await store.apply(tabId, events, port.sender?.tab?.url);
    await store.flushed(tabId);
    acknowledge(value.seq);
  });

  port.onDisconnect.addListener(() => {
    disconnected = true;
    if (documentId !== null && store.get(tabId)) void store.apply(tabId, [{ type: 'document-gone', documentId, at: Date.now() }]);
  });
}

/** The page hook's preview cap: sent once settings are read, and again on every change. */
function sendHookConfig(port: Runtime.Port, settings: SettingsSource): void {
  const post = (): void => {
    const current = settings.current();
    const framesKept = current.captureFrames ? current.framesPerSocket : 0;
    const message: RelayConfigMessage = { kind: 'hook-config', version: PROTOCOL_VERSION, previewChars: current.previewChars, framesKept };
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
