/**
 * The hook's one way out: events are queued and dispatched in batches as a DOM event the
 * isolated relay listens for, so a busy socket costs one dispatch per flush, not one per
 * message. The relay may answer once with the user's preview cap (the only setting the page
 * side needs); until then, and if the answer is malformed, the default holds.
 */
import { DEFAULT_FRAMES_PER_SOCKET, DEFAULT_PREVIEW_CHARS, HOOK_CONFIG_EVENT_NAME, HOOK_EVENT_NAME, HOOK_SOURCE, PROTOCOL_VERSION, WIRE_LIMITS } from '../../core/wire/constants';
import type { HookEvent, HookMessage } from '../../core/wire/hookMessages';
import { drainFrameLog, logFrame, type FrameLog } from './frameLog';
import { addEventListener, dispatchEvent, now, parseJson, reflectApply, stringify } from './natives';

const FLUSH_DELAY_MS = 20;
/**
 * While a socket is busy (the last window had more of its frames than BUSY_WINDOW_FRAMES, or
 * than the worker keeps), frames wait this long: each window ships the newest frames' previews
 * once, however many came, so a socket echoing thousands of frames a second costs the page, the
 * browser and the worker one dispatch a second rather than fifty (bench: hook overhead). Each
 * dispatch (the batch's JSON, the relay's post and the worker's acknowledgement, and their
 * garbage) cost the page about a microsecond per frame of a serial echo at four a second
 * (bench: per frame, profiled). Its counters then move once a second, as a clock does: nobody
 * reads a blur faster. Anything but a frame (a socket opening or closing) still leaves within
 * FLUSH_DELAY_MS, a close at once, and a frame after a lull as soon as a quiet socket's.
 */
const BUSY_FLUSH_DELAY_MS = 1_000;
/**
 * A busy window looks this often whether frames still come: at the first look that finds none,
 * the burst is over and the window leaves, so a socket's last frames reach the panel within half
 * a second of its going quiet rather than at the end of the second (bench: scale, caught up).
 */
const BUSY_QUIET_CHECK_MS = 250;
/**
 * More frames than this in one window (500 a second at 20 ms) is machine-rate traffic: nobody
 * reads its frames as they pass, and shipping each one costs the page's main thread. Waiting
 * only for the worker's cap (50 frames a window) shipped every frame of a socket running at
 * 250 to 2,500 frames a second, the rate of a serial echo on a loaded machine (bench: per frame).
 */
const BUSY_WINDOW_FRAMES = 10;
/**
 * Events (other than a socket's frames, which wait in their frame log) dispatched at once when
 * this many wait: as many as a batch may hold.
 */
const BATCH_EVENTS = WIRE_LIMITS.batchEvents;

export interface HookChannel {
  /** Queues an event. */
  record(event: HookEvent): void;
  /** Queues a socket's event after the frames its log holds, so the worker sees them in order. */
  recordFor(log: FrameLog, event: HookEvent): void;
  /** Counts a frame in its socket's log: the hot path, no allocation once the log's ring is full. */
  frame(log: FrameLog, direction: 'in' | 'out', size: number, binary: boolean, preview: string): void;
  /** Dispatch what is queued now (a close is what the panel most wants to see at once). */
  flushNow(): void;
  /** Characters of text (and three per byte of hex) a preview may hold. */
  previewChars(): number;
}

type HookWindow = Pick<typeof globalThis, 'CustomEvent' | 'setTimeout'> & EventTarget;

export function createHookChannel(win: HookWindow): HookChannel {
  const NativeCustomEvent = win.CustomEvent;
  const schedule = win.setTimeout;
  let queue: HookEvent[] = [];
  /** Logs with frames since the last flush. */
  let logs: FrameLog[] = [];
  /** When the scheduled flush is due (Infinity: none is); a timer for another time is stale. */
  let flushDue = Infinity;
  /** A socket was busy in the last window: frames wait BUSY_FLUSH_DELAY_MS. */
  let busy = false;
  /** A socket was busy in this window so far. */
  let busyWindow = false;
  /** When the last window left: a frame a whole busy window later comes after a lull. */
  let lastFlushAt = 0;
  let previewChars = DEFAULT_PREVIEW_CHARS;
  let framesKept = DEFAULT_FRAMES_PER_SOCKET;

  function drain(log: FrameLog): void {
    const frames = log.sent + log.received;
    if (drainFrameLog(log, queue) || frames > BUSY_WINDOW_FRAMES) busyWindow = true;
  }

  function dispatch(events: HookEvent[]): void {
    const message: HookMessage = { source: HOOK_SOURCE, version: PROTOCOL_VERSION, events };
    try {
      reflectApply(dispatchEvent, win, [new NativeCustomEvent(HOOK_EVENT_NAME, { detail: stringify(message) })]);
    } catch {
      // The relay is gone (extension reloaded) or the page broke something: stay quiet.
    }
  }

  function flushNow(): void {
    flushDue = Infinity;
    lastFlushAt = now();
    const waiting = logs;
    logs = [];
    for (let i = 0; i < waiting.length; i++) {
      const log = waiting[i] as FrameLog;
      log.listed = false;
      drain(log);
    }
    busy = busyWindow;
    busyWindow = false;
    const events = queue;
    queue = [];
    if (events.length === 0) return;
    if (events.length <= BATCH_EVENTS) return dispatch(events);
    // Many busy sockets can drain more frames than one batch may hold: split, in order.
    for (let start = 0; start < events.length; start += BATCH_EVENTS) {
      const batch: HookEvent[] = [];
      for (let i = start; i < events.length && i < start + BATCH_EVENTS; i++) batch[batch.length] = events[i] as HookEvent;
      dispatch(batch);
    }
  }

  reflectApply(addEventListener, win, [
    HOOK_CONFIG_EVENT_NAME,
    (event: Event) => {
      try {
        const detail: unknown = (event as CustomEvent<unknown>).detail;
        if (typeof detail !== 'string') return;
        const config = parseJson(detail) as { source?: unknown; previewChars?: unknown; framesKept?: unknown } | null;
        if (config?.source !== HOOK_SOURCE) return;
        // The page can forge this event too: it may only choose whole numbers within bounds.
        const cap = config.previewChars;
        if (typeof cap === 'number' && cap >= 0 && cap <= WIRE_LIMITS.previewChars && cap % 1 === 0) previewChars = cap;
        const kept = config.framesKept;
        if (typeof kept === 'number' && kept >= 0 && kept <= WIRE_LIMITS.framesKept && kept % 1 === 0) framesKept = kept;
      } catch {
        // Not ours, or malformed: keep the current cap.
      }
    },
  ]);

  /** Makes sure a flush happens within `delay` ms of `at` (an earlier one may already be scheduled). */
  function flushWithin(delay: number, at = now()): void {
    const due = at + delay;
    if (due >= flushDue) return;
    flushDue = due;
    reflectApply(schedule, win, [() => flushDue === due && flushNow(), delay]);
  }

  /**
   * Frames the listed logs hold: within a busy window it only grows, so a look that finds it
   * unchanged saw no frame come. (A log is drained by a flush, which ends the window, or by its
   * socket's own event, which calls one within FLUSH_DELAY_MS; at worst the window leaves early,
   * losing nothing.) Counted at each look rather than per frame: one write fewer on the hot path.
   */
  function framesWaiting(): number {
    let frames = 0;
    for (let i = 0; i < logs.length; i++) {
      const log = logs[i] as FrameLog;
      frames += log.sent + log.received;
    }
    return frames;
  }

  /**
   * A busy window: leaves BUSY_FLUSH_DELAY_MS after `at`, or earlier at the first look that saw no
   * frame come since the one before. A flush for another reason (a socket's event) ends it.
   */
  function flushBusyWindow(at: number): void {
    const due = at + BUSY_FLUSH_DELAY_MS;
    flushDue = due;
    let looksLeft = BUSY_FLUSH_DELAY_MS / BUSY_QUIET_CHECK_MS;
    // The window's first frame is already in its log when it opens the window.
    let seen = framesWaiting();
    const look = (): void => {
      if (flushDue !== due) return;
      const waiting = framesWaiting();
      if (--looksLeft === 0 || waiting === seen) return flushNow();
      seen = waiting;
      reflectApply(schedule, win, [look, BUSY_QUIET_CHECK_MS]);
    };
    reflectApply(schedule, win, [look, BUSY_QUIET_CHECK_MS]);
  }

  function record(event: HookEvent): void {
    queue[queue.length] = event;
    if (queue.length >= BATCH_EVENTS) flushNow();
    else flushWithin(FLUSH_DELAY_MS);
  }

  return {
    record,
    recordFor(log, event) {
      drain(log);
      record(event);
    },
    frame(log, direction, size, binary, preview) {
      logFrame(log, framesKept, now(), direction, size, binary, preview);
      if (!log.listed) {
        log.listed = true;
        logs[logs.length] = log;
      }
      // Hot path: a frame never needs an earlier flush than one already scheduled (`busy` only
      // changes when a window leaves), so only the first frame of a window reads the clock twice.
      if (flushDue === Infinity) {
        const at = now();
        if (busy && at - lastFlushAt < BUSY_FLUSH_DELAY_MS) flushBusyWindow(at);
        else flushWithin(FLUSH_DELAY_MS, at);
      }
    },
    flushNow,
    previewChars: () => previewChars,
  };
}
