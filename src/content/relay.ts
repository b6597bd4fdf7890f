/**
 * Isolated-world relay: checks what the page hook dispatches and forwards it to the worker.
 * The page can forge any DOM event, so nothing from it is a command: a message is accepted
 * only if it parses, is within size, and passes the schema; everything else is dropped and
 * counted (architecture principle 4). Built as a standalone IIFE so its listener exists
 * before the hook's first event (field notes).
 */
import { parseHookMessage } from '../core/hookSchema';
import { HOOK_EVENT_NAME, MAX_HOOK_MESSAGE_CHARS, PORT_RELAY, PROTOCOL_VERSION, type HookEvent, type RelayAck, type RelayMessage } from '../core/protocol';
import { createReconnectingPort } from '../shared/reconnectingPort';
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

function isAck(value: unknown): value is RelayAck {
  const message = value as Partial<RelayAck> | null;
  return typeof message === 'object' && message !== null && message.kind === 'ack' && message.version === PROTOCOL_VERSION && typeof message.seq === 'number';
}

const port = createReconnectingPort<unknown, RelayMessage>(PORT_RELAY, {
  // After a worker restart, wake the new worker at once only if something awaits delivery.
  reconnectWhen: () => sender.heldCount() > 0,
  onConnect: () => sender.resendHeld(),
  onDead: () => window.removeEventListener(HOOK_EVENT_NAME, onHookEvent),
});
const sender = createReliableSender({
  relayId: `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`,
  post: (message) => port.post(message),
  maxHeldSize: MAX_HELD_CHARS,
  onGiveUp: (message) => {
    if (message.kind === 'hook-events') dropped += message.events.length;
  },
});
// The worker acknowledges what it persisted, and answers each connection with the hook's
// config (the preview cap).
port.listen((message) => (isAck(message) ? sender.acknowledge(message.seq) : forwardHookConfig(window, message)));
let pending: HookEvent[] = [];
/** Characters of the hook messages the pending events were parsed from: their held weight. */
let pendingChars = 0;
let dropped = 0;
let flushScheduled = false;

function flush(): void {
  flushScheduled = false;
  if (pending.length === 0 && dropped === 0) return;
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
  if (typeof detail !== 'string' || detail.length > MAX_HOOK_MESSAGE_CHARS) {
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
  const result = parseHookMessage(parsed);
  if (!result.ok) {
    dropped++;
  } else {
    for (const hookEvent of result.message.events) pending.push(hookEvent);
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
  if (event.persisted) port.reset();
});
window.addEventListener('pageshow', (event) => {
  if (event.persisted) sender.send({ kind: 'document-restored', version: PROTOCOL_VERSION, url: location.href, at: Date.now() });
});
