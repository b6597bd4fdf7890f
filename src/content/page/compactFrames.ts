import type { HookEvent } from '../../core/wire/hookMessages';
import { emptyRecord } from './natives';

type MessageEvent = Extract<HookEvent, { type: 'message' }>;
type TrafficEvent = Extract<HookEvent, { type: 'traffic' }>;

/**
 * Shrinks a flush window before it leaves the page: per socket, only the newest `keepPerSocket`
 * frames travel with their previews (the worker's history keeps no more); older ones are
 * folded into one `traffic` event per socket that carries their counts and bytes. `essential`
 * frames (the first frames each way, which name the user) always travel.
 *
 * Why: every event crosses three processes (page, browser, worker); on a busy socket shipping
 * each frame was most of the hook's cost (bench: hook overhead).
 * It runs in the page, so it uses no method a page could have patched (Map, Array.prototype):
 * null-prototype records and index loops only.
 */
export function compactFrames(events: HookEvent[], keepPerSocket: number, essential: (event: HookEvent) => boolean): HookEvent[] {
  const keptPerSocket: Record<string, number> = emptyRecord<number>();
  const folded: Record<string, TrafficEvent> = emptyRecord<TrafficEvent>();
  const foldedOrder: string[] = [];
  const keep: boolean[] = [];
  for (let i = events.length - 1; i >= 0; i--) {
    const event = events[i] as HookEvent;
    if (event.type !== 'message' || essential(event)) {
      keep[i] = true;
      continue;
    }
    const kept = keptPerSocket[event.socketId] ?? 0;
    if (kept < keepPerSocket) {
      keptPerSocket[event.socketId] = kept + 1;
      keep[i] = true;
      continue;
    }
    keep[i] = false;
    if (!(event.socketId in folded)) foldedOrder[foldedOrder.length] = event.socketId;
    fold(folded, event);
  }
  if (foldedOrder.length === 0) return events;
  const compacted: HookEvent[] = [];
  for (let i = 0; i < events.length; i++) if (keep[i]) compacted[compacted.length] = events[i] as HookEvent;
  // After everything else, so a socket created in this window exists when its counts arrive.
  for (let i = foldedOrder.length - 1; i >= 0; i--) compacted[compacted.length] = folded[foldedOrder[i] as string] as TrafficEvent;
  return compacted;
}

function fold(folded: Record<string, TrafficEvent>, event: MessageEvent): void {
  let traffic = folded[event.socketId];
  if (!traffic) {
    traffic = { type: 'traffic', socketId: event.socketId, at: event.at, sent: 0, received: 0, bytesSent: 0, bytesReceived: 0 };
    folded[event.socketId] = traffic;
  }
  if (event.direction === 'out') {
    traffic.sent += 1;
    traffic.bytesSent += event.size;
  } else {
    traffic.received += 1;
    traffic.bytesReceived += event.size;
  }
  if (event.at > traffic.at) traffic.at = event.at;
}
