/**
 * One socket's frames between two shipments, kept at a fixed cost per frame: counters for every
 * frame, and a ring of the newest ones (as many as the worker's history keeps) with their
 * previews. Nothing is allocated per frame once the ring is full, and nothing waits in a queue:
 * on a busy socket the older frames of a window are overwritten, not folded away later.
 *
 * Why: an object per frame, queued until the flush and walked again to fold it, survived the
 * young-generation collections and was touched twice with a cold cache; that was most of what a
 * frame cost the page (bench: per frame, serial echo, 9 µs of 13 over the floor).
 *
 * Runs in the page, so it uses no method a page could have patched: index loops and plain
 * objects of our own only.
 */
import type { Direction, HookEvent } from '../../core/wire/hookMessages';

interface FrameSlot {
  at: number;
  direction: Direction;
  size: number;
  binary: boolean;
  /** Capped already (payload.ts), or the whole string when short: strings are immutable, so a reference is as good as a copy. */
  preview: string;
}

export interface FrameLog {
  readonly socketId: string;
  /** Frames seen each way over the socket's life: the first ones name the user. */
  framesIn: number;
  framesOut: number;
  /** Frames since the last drain each way, and their bytes. */
  sent: number;
  received: number;
  bytesSent: number;
  bytesReceived: number;
  lastAt: number;
  /** The newest frames, `capacity` at most; `next` is where the next one goes. */
  slots: FrameSlot[];
  capacity: number;
  next: number;
  /** On the channel's list of logs with pending frames. */
  listed: boolean;
}

export function createFrameLog(socketId: string): FrameLog {
  return { socketId, framesIn: 0, framesOut: 0, sent: 0, received: 0, bytesSent: 0, bytesReceived: 0, lastAt: 0, slots: [], capacity: 0, next: 0, listed: false };
}

/**
 * Counts a frame and keeps it in the ring. `keep`: frames the worker keeps per socket; the ring
 * takes that size at the first frame after a drain, so a new setting applies from the next window.
 */
export function logFrame(log: FrameLog, keep: number, at: number, direction: Direction, size: number, binary: boolean, preview: string): void {
  if (log.sent + log.received === 0) {
    log.capacity = keep;
    log.next = 0;
  }
  log.lastAt = at;
  if (direction === 'out') {
    log.sent++;
    log.bytesSent += size;
  } else {
    log.received++;
    log.bytesReceived += size;
  }
  if (log.capacity === 0) return;
  const index = log.next;
  const slot = log.slots[index];
  if (slot === undefined) log.slots[index] = { at, direction, size, binary, preview };
  else {
    slot.at = at;
    slot.direction = direction;
    slot.size = size;
    slot.binary = binary;
    slot.preview = preview;
  }
  log.next = index + 1 === log.capacity ? 0 : index + 1;
}

/**
 * Appends the log's pending frames to `out`, oldest first: one `traffic` event with the counts and
 * bytes of the frames the ring no longer holds, then a `message` event per frame it holds.
 * Returns whether frames were folded into counts (the socket is busier than its previews are
 * worth). The ring lets go of its previews, so a quiet socket holds no payload.
 */
export function drainFrameLog(log: FrameLog, out: HookEvent[]): boolean {
  const pending = log.sent + log.received;
  if (pending === 0) return false;
  const kept = pending < log.capacity ? pending : log.capacity;
  // The oldest kept frame: at 0 until the ring wrapped, then where the next would have gone.
  const first = pending > log.capacity ? log.next : 0;
  let sent = log.sent;
  let received = log.received;
  let bytesSent = log.bytesSent;
  let bytesReceived = log.bytesReceived;
  const messages: HookEvent[] = [];
  for (let i = 0; i < kept; i++) {
    let index = first + i;
    if (index >= log.capacity) index -= log.capacity;
    const slot = log.slots[index] as FrameSlot;
    messages[i] = { type: 'message', socketId: log.socketId, at: slot.at, direction: slot.direction, size: slot.size, binary: slot.binary, preview: slot.preview };
    slot.preview = '';
    if (slot.direction === 'out') {
      sent--;
      bytesSent -= slot.size;
    } else {
      received--;
      bytesReceived -= slot.size;
    }
  }
  const folded = kept < pending;
  if (folded) {
    // When the worker keeps no frames, the newest frame's time; else the oldest kept one's (the folded ones are older).
    const at = kept > 0 ? (messages[0] as HookEvent).at : log.lastAt;
    out[out.length] = { type: 'traffic', socketId: log.socketId, at, sent, received, bytesSent, bytesReceived };
  }
  for (let i = 0; i < kept; i++) out[out.length] = messages[i] as HookEvent;
  log.sent = 0;
  log.received = 0;
  log.bytesSent = 0;
  log.bytesReceived = 0;
  return folded;
}
