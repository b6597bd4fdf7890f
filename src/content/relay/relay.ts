/**
 * Isolated-world relay: checks what the page hook dispatches and forwards it to the worker.
 * The page can forge any DOM event, so nothing from it is a command: a message is accepted
 * only if it parses, is within size, and passes the schema; everything else is dropped and
 * counted. Built as a standalone IIFE so its listener exists before the hook's first event
 * (docs/architecture.md).
 */
import { HOOK_EVENT_NAME, PORT_RELAY, PROTOCOL_VERSION, WIRE_LIMITS } from '../../core/wire/constants';
import { hookMessageSchema, type HookEvent } from '../../core/wire/hookMessages';
import { parseWire } from '../../core/wire/parse';
import { workerToRelaySchema, type RelayMessage, type WorkerToRelay } from '../../core/wire/relayMessages';
import { createReconnectingPort } from '../../shared/reconnectingPort';
import { forwardHookConfig } from './hookConfigBridge';
import { createReliableSender } from './reliableSender';

/**
 * Events are coalesced until the next task, but a burst (a page sending thousands of messages in
 * one loop, or a backlog of message tasks ahead of our timer) is forwarded as soon as this many
 * are waiting: a cap that dropped the overflow lost half of such a burst (bench: scale run).
 */
const FORWARD_AT_EVENTS = 2_000;

/**
 * Characters (of the hook messages they came from) held for a worker that has not acknowledged
 * them: plenty for a worker restart, bounded against a worker that never answers.
 */
const MAX_HELD_CHARS = 8_000_000;

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
    if (message.kind === 'hook-events') dropped += message.events.length;
  },
});
// The worker acknowledges what it persisted, answers each connection with the hook's config
// (the preview cap), and tells a document of a site it does not watch to stop.
port.listen((value) => {
  const parsed = parseWire(workerToRelaySchema, value);
  if (!parsed.ok) return;
  const message: WorkerToRelay = parsed.value;
  if (message.kind === 'ack') sender.acknowledge(message.seq);
  else if (message.kind === 'hook-config') forwardHookConfig(window, message);
  else stop();
});

/**
 * Goes quiet for the rest of this document's life: no more listening, posting or holding. For
 * an extension that was reloaded (the port is dead) and for a site the settings do not watch.
 */
function stop(): void {
  window.removeEventListener(HOOK_EVENT_NAME, onHookEvent);
  stopped = true;
  pending = [];
  pendingChars = 0;
  dropped = 0;
  sender.forgetHeld();
  port.close();
}
let stopped = false;
let pending: HookEvent[] = [];
/** Characters of the hook messages the pending events were parsed from: their held weight. */
let pendingChars = 0;
let dropped = 0;
let flushScheduled = false;

function flush(): void {
  flushScheduled = false;
  if (stopped || (pending.length === 0 && dropped === 0)) return;
  sender.send({ kind: 'hook-events', version: PROTOCOL_VERSION, events: pending, dropped }, pendingChars + 1);
  pending = [];
  pendingChars = 0;
  dropped = 0;
}

function scheduleFlush(): void {
  if (flushScheduled) return;
  flushScheduled = true;
  setTimeout(flush, 0);
}

function onHookEvent(event: Event): void {
  const detail: unknown = (event as CustomEvent<unknown>).detail;
  if (typeof detail !== 'string' || detail.length > WIRE_LIMITS.messageChars) {
    dropped++;
    scheduleFlush();
    return;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(detail);
  } catch {
    dropped++;
    scheduleFlush();
    return;
  }
  const result = parseWire(hookMessageSchema, parsed);
  if (!result.ok) {
    dropped++;
  } else {
    for (const hookEvent of result.value.events) pending.push(hookEvent);
    pendingChars += detail.length;
    if (pending.length >= FORWARD_AT_EVENTS) {
      flush();
      return;
    }
  }
  scheduleFlush();
}

window.addEventListener(HOOK_EVENT_NAME, onHookEvent);
sender.send({ kind: 'document-started', version: PROTOCOL_VERSION, url: location.href, isTopFrame: window === window.top, at: Date.now() });
// Entering the back/forward cache, the port is closed under us: start afresh when shown again.
window.addEventListener('pagehide', (event) => {
  if (event.persisted && !stopped) port.reset();
});
window.addEventListener('pageshow', (event) => {
  if (event.persisted && !stopped) sender.send({ kind: 'document-restored', version: PROTOCOL_VERSION, url: location.href, at: Date.now() });
});
