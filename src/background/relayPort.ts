import type { Runtime } from 'webextension-polyfill';
import { alreadyApplied, type TabEvent } from '../core/tabState';
import { PROTOCOL_VERSION } from '../core/wire/constants';
import { parseHookMessage } from '../core/wire/hookMessages';
import { parseWire } from '../core/wire/parse';
import { relayMessageSchema } from '../core/wire/relayMessages';
import type { RelayAck, RelayConfigMessage, RelayStop } from '../core/wire/workerToRelay';
import { isWatchedSite } from '../core/settings/watchedSites';
import type { Settings } from '../core/types';
import type { SettingsSource } from '../common/settingsStore';
import type { TabStore } from './tabStore';

/**
 * One relay port per frame document. The tab and frame come from the port's sender (set by the
 * browser), never from the message, so a page cannot write into another tab's record.
 * Each message is checked against the wire schema, applied once (sequence numbers),
 * acknowledged once persisted, and when the port drops for good the document is gone: its
 * sockets are closed in the record, since the page's own close events never fire for a
 * document that is torn down.
 */
export function handleRelayPort(port: Runtime.Port, store: TabStore, settings: SettingsSource): void {
  const tabId = port.sender?.tab?.id;
  if (tabId === undefined || tabId < 0) return;
  // Sites not on the watch list are not recorded. The list is read before anything is decided
  // (a worker that just woke has only the defaults until storage answers), and a change of the
  // list quiets the documents it no longer covers.
  const pageUrl = port.sender?.tab?.url ?? port.sender?.url ?? '';
  const watched = settings.ready.then(() => isWatchedSite(pageUrl, settings.current().watchedSites));
  let stopped = false;
  const stopIfUnwatched = (current: Settings): void => {
    if (stopped || isWatchedSite(pageUrl, current.watchedSites)) return;
    stopped = true;
    stopRelay(port);
  };
  void watched.then(() => stopIfUnwatched(settings.current()));
  const unsubscribeWatch = settings.subscribe(stopIfUnwatched);
  port.onDisconnect.addListener(() => unsubscribeWatch());
  sendHookConfig(port, settings);
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
    if (!(await watched) || stopped) return;
    const parsed = parseWire(relayMessageSchema, value);
    if (!parsed.ok) {
      void store.apply(tabId, [{ type: 'dropped', count: 1 }]);
      return;
    }
    const message = parsed.value;
    documentId = message.documentId;
    await store.ready;
    if (alreadyApplied(store.get(tabId), message.documentId, message.seq)) {
      acknowledge(message.seq);
      return;
    }
    const events: TabEvent[] = [];
    switch (message.kind) {
      case 'document-started':
      case 'document-restored':
        // A sub-frame navigating is part of the same page; only the top frame starts a page.
        if (isTopFrame) events.push({ type: 'document-started', at: message.at, url: message.url });
        break;
      case 'hook-events': {
        // The relay forwards the page's text unchecked: a message that fails here is one more dropped.
        const hook = message.hook === undefined ? undefined : parseHookMessage(message.hook);
        if (hook?.ok) for (const event of hook.value.events) events.push({ type: 'hook', event, documentId: message.documentId });
        const dropped = message.dropped + (hook?.ok === false ? 1 : 0);
        if (dropped > 0) events.push({ type: 'dropped', count: dropped });
        break;
      }
    }
    events.push({ type: 'document-seq', documentId: message.documentId, seq: message.seq });
    await store.apply(tabId, events, port.sender?.tab?.url);
    await store.flushed(tabId);
    acknowledge(message.seq);
  });

  port.onDisconnect.addListener(() => {
    disconnected = true;
    if (documentId !== null && store.get(tabId)) void store.apply(tabId, [{ type: 'document-gone', documentId, at: Date.now() }]);
  });
}

/**
 * Tells the relay of a document on a site the settings do not watch to go quiet: it stops
 * listening to its hook and drops what it holds, so an unwatched page costs nothing further.
 */
export function stopRelay(port: Runtime.Port): void {
  const message: RelayStop = { kind: 'stop', version: PROTOCOL_VERSION };
  try {
    port.postMessage(message);
    port.disconnect();
  } catch {
    // The document is already gone.
  }
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
