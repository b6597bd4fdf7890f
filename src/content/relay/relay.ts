/**
 * Isolated-world relay: forwards what the page hook dispatches to the worker. The page can
 * forge any DOM event, so nothing from it is a command: the relay passes on only text within
 * the size limit (anything else is dropped and counted), and the worker parses and checks it
 * before it counts for anything. The relay does not parse it: that work would run on the page's
 * main thread, once for every batch (bench/README.md). Built as a standalone IIFE so its
 * listener exists before the hook's first event (docs/architecture.md).
 *
 * It runs in every frame of every watched page, and most frames (ads, embeds, widgets) never
 * hear from their hook. So at load a sub-frame only listens for the hook; its connection to the
 * worker (port, sender, back/forward cache listeners) is set up with the first thing it has to
 * say. The top frame sets it up at once: its start is a new page for the record.
 */
// The bundle is a classic script (an IIFE): without this directive it runs sloppy, where a
// function's `arguments` is a live mapped object and a primitive `this` is boxed. Modules are
// strict, and the code is written for it.
'use strict';

import { HOOK_EVENT_NAME, PORT_RELAY, PROTOCOL_VERSION, WIRE_LIMITS } from '../../core/wire/constants';
import { parseWire } from '../../core/wire/parse';
import type { RelayMessage, RelayPayload } from '../../core/wire/relayMessages';
import { workerToRelaySchema, type WorkerToRelay } from '../../core/wire/workerToRelay';
import { createReconnectingPort } from '../../common/reconnectingPort';
import { forwardHookConfig } from './hookConfigBridge';
import { createReliableSender, type ReliableSender } from './reliableSender';

/**
 * Characters (of the hook messages they came from) held for a worker that has not acknowledged
 * them: plenty for a worker restart, bounded against a worker that never answers.
 */
const MAX_HELD_CHARS = 8_000_000;

let stopped = false;
/** Hook messages refused since the last forward: counted, and said with the next one. */
let dropped = 0;
let droppedReportScheduled = false;
/** This document's connection to the worker, once it has something to say. */
let connection: { sender: ReliableSender; close(): void } | null = null;

function connect(): { sender: ReliableSender; close(): void } {
  const port = createReconnectingPort<unknown, RelayMessage>(PORT_RELAY, {
    // After a worker restart, wake the new worker at once only if something awaits delivery.
    reconnectWhen: () => sender.heldCount() > 0,
    onConnect: () => sender.resendHeld(),
    onDead: stop,
  });
  const sender = createReliableSender({
    documentId: `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`,
    post: (message) => port.post(message),
    maxHeldSize: MAX_HELD_CHARS,
    onGiveUp: (message) => {
      if (message.kind === 'hook-events') dropped += message.dropped + (message.hook === undefined ? 0 : 1);
    },
  });
  // The worker acknowledges what it persisted, answers each connection with the hook's config
  // (the preview cap), and tells a document of a site it does not watch to stop.
  port.listen((value) => {
    const parsed = parseWire(workerToRelaySchema(), value);
    if (!parsed.ok) return;
    const message: WorkerToRelay = parsed.value;
    if (message.kind === 'ack') sender.acknowledge(message.seq);
    else if (message.kind === 'hook-config') forwardHookConfig(window, message);
    else stop();
  });
  // Entering the back/forward cache, the port is closed under us: start afresh when shown again.
  window.addEventListener('pagehide', (event) => {
    if (event.persisted && !stopped) port.reset();
  });
  window.addEventListener('pageshow', (event) => {
    if (event.persisted && !stopped) sender.send({ kind: 'document-restored', version: PROTOCOL_VERSION, url: location.href, at: Date.now() });
  });
  return {
    sender,
    close() {
      sender.forgetHeld();
      port.close();
    },
  };
}

function senderNow(): ReliableSender {
  connection ??= connect();
  return connection.sender;
}

/**
 * Goes quiet for the rest of this document's life: no more listening, posting or holding. For
 * an extension that was reloaded (the port is dead) and for a site the settings do not watch.
 */
function stop(): void {
  window.removeEventListener(HOOK_EVENT_NAME, onHookEvent);
  stopped = true;
  dropped = 0;
  connection?.close();
}

/**
 * Each hook message goes on as one relay message, with the count of those refused since the
 * last: the hook already batches (its flush windows), so a second batching here would only add
 * delay. `hook` undefined: only the count.
 */
function forward(hook: string | undefined): void {
  if (stopped) return;
  const payload: RelayPayload = { kind: 'hook-events', version: PROTOCOL_VERSION, dropped };
  if (hook !== undefined) payload.hook = hook;
  // Its weight against the held cap: its characters.
  senderNow().send(payload, hook === undefined ? 1 : hook.length + 1);
  dropped = 0;
}

/** A refused message is counted; the count leaves with the next batch, or alone soon after. */
function countDropped(): void {
  dropped++;
  if (droppedReportScheduled) return;
  droppedReportScheduled = true;
  setTimeout(() => {
    droppedReportScheduled = false;
    if (dropped > 0) forward(undefined);
  }, 0);
}

function onHookEvent(event: Event): void {
  const detail: unknown = (event as CustomEvent<unknown>).detail;
  if (typeof detail !== 'string' || detail.length > WIRE_LIMITS.messageChars) return countDropped();
  forward(detail);
}

window.addEventListener(HOOK_EVENT_NAME, onHookEvent);
// A sub-frame's start tells the worker nothing (only the top frame starts a page): the frames
// of a page that hold no socket cost no port.
if (window === window.top) senderNow().send({ kind: 'document-started', version: PROTOCOL_VERSION, url: location.href, isTopFrame: true, at: Date.now() });
