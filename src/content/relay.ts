/**
 * Isolated-world relay: checks what the page hook dispatches and forwards it to the worker.
 * The page can forge any DOM event, so nothing from it is a command: a message is accepted
 * only if it parses, is within size, and passes the schema; everything else is dropped and
 * counted (architecture principle 4). Built as a standalone IIFE so its listener exists
 * before the hook's first event (field notes).
 */
import { parseHookMessage } from '../core/hookSchema';
import { HOOK_EVENT_NAME, MAX_HOOK_MESSAGE_CHARS, PORT_RELAY, PROTOCOL_VERSION, type HookEvent, type RelayMessage } from '../core/protocol';
import { createReconnectingPort } from '../shared/reconnectingPort';
import { forwardHookConfig } from './hookConfigBridge';

/** Events held while the worker is unreachable; beyond this the oldest are dropped and counted. */
const MAX_PENDING_EVENTS = 5_000;

const port = createReconnectingPort<unknown, RelayMessage>(PORT_RELAY, {
  onDead: () => window.removeEventListener(HOOK_EVENT_NAME, onHookEvent),
});
// The worker answers each connection with the hook's config (the preview cap).
port.listen((message) => forwardHookConfig(window, message));
let pending: HookEvent[] = [];
let dropped = 0;
let flushScheduled = false;

function flush(): void {
  flushScheduled = false;
  if (pending.length === 0 && dropped === 0) return;
  const sent = port.post({ kind: 'hook-events', version: PROTOCOL_VERSION, events: pending, dropped });
  if (sent) {
    pending = [];
    dropped = 0;
  }
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
    if (pending.length > MAX_PENDING_EVENTS) {
      dropped += pending.length - MAX_PENDING_EVENTS;
      pending = pending.slice(pending.length - MAX_PENDING_EVENTS);
    }
  }
  scheduleFlush();
}

window.addEventListener(HOOK_EVENT_NAME, onHookEvent);
port.post({ kind: 'document-started', version: PROTOCOL_VERSION, url: location.href, isTopFrame: window === window.top, at: Date.now() });
// Entering the back/forward cache, the port is closed under us: start afresh when shown again.
window.addEventListener('pagehide', (event) => {
  if (event.persisted) port.reset();
});
window.addEventListener('pageshow', (event) => {
  if (event.persisted) port.post({ kind: 'document-restored', version: PROTOCOL_VERSION, url: location.href, at: Date.now() });
});
