/**
 * The hook's one way out: events are queued and dispatched in batches as a DOM event the
 * isolated relay listens for, so a busy socket costs one dispatch per flush, not one per
 * message. The relay may answer once with the user's preview cap (the only setting the page
 * side needs); until then, and if the answer is malformed, the default holds.
 */
import { DEFAULT_FRAMES_PER_SOCKET, DEFAULT_PREVIEW_CHARS, HOOK_CONFIG_EVENT_NAME, HOOK_EVENT_NAME, HOOK_SOURCE, PROTOCOL_VERSION, WIRE_LIMITS } from '../../core/wire/constants';
import type { HookEvent, HookMessage } from '../../core/wire/hookMessages';
import { compactFrames } from './compactFrames';
import { addEventListener, dispatchEvent, now, parseJson, reflectApply, SafeWeakMap, stringify } from './natives';

const FLUSH_DELAY_MS = 20;
/**
 * While a socket is busy (the last window had more of its frames than the worker keeps), frames
 * wait this long: each window ships the newest frames' previews once, however many came, so a
 * socket echoing thousands of frames a second costs the page, the browser and the worker a few
 * dispatches a second rather than fifty (bench: hook overhead). Its counters then move four
 * times a second, which is all a human reads of a blur. Anything but a frame (a socket opening
 * or closing) still leaves within FLUSH_DELAY_MS.
 */
const BUSY_FLUSH_DELAY_MS = 250;
/**
 * A flood is dispatched once this many events wait. As large as a batch may be: folding keeps
 * what actually travels small (the newest frames per socket), so fewer, fuller windows cost the
 * page less (bench: small-message overhead).
 */
const FLUSH_AT_EVENTS = WIRE_LIMITS.batchEvents;

export interface HookChannel {
  /** Queues an event; an `essential` one (a frame that names the user) is never folded away. */
  record(event: HookEvent, essential?: boolean): void;
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
  /** When the scheduled flush is due (Infinity: none is); a timer for another time is stale. */
  let flushDue = Infinity;
  /** The last window folded frames away: a socket is busier than its previews are worth. */
  let busy = false;
  let previewChars = DEFAULT_PREVIEW_CHARS;
  let framesKept = DEFAULT_FRAMES_PER_SOCKET;
  const essentialEvents = new SafeWeakMap<HookEvent, true>();
  const isEssential = (event: HookEvent): boolean => essentialEvents.get(event) === true;

  function flushNow(): void {
    flushDue = Infinity;
    if (queue.length === 0) {
      busy = false;
      return;
    }
    const events = compactFrames(queue, framesKept, isEssential);
    busy = events !== queue;
    const message: HookMessage = { source: HOOK_SOURCE, version: PROTOCOL_VERSION, events };
    queue = [];
    try {
      reflectApply(dispatchEvent, win, [new NativeCustomEvent(HOOK_EVENT_NAME, { detail: stringify(message) })]);
    } catch {
      // The relay is gone (extension reloaded) or the page broke something: stay quiet.
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

  /** Makes sure a flush happens within `delay` ms (an earlier one may already be scheduled). */
  function flushWithin(delay: number): void {
    const due = now() + delay;
    if (due >= flushDue) return;
    flushDue = due;
    reflectApply(schedule, win, [() => flushDue === due && flushNow(), delay]);
  }

  return {
    record(event, essential) {
      if (essential) essentialEvents.set(event, true);
      queue[queue.length] = event;
      if (queue.length >= FLUSH_AT_EVENTS) flushNow();
      // Hot path: a frame never needs an earlier flush than one already scheduled (`busy` only
      // changes when a window leaves), so only the first event of a window, or a non-frame
      // event, reads the clock.
      else if (flushDue === Infinity || event.type !== 'message') flushWithin(busy && event.type === 'message' ? BUSY_FLUSH_DELAY_MS : FLUSH_DELAY_MS);
    },
    flushNow,
    previewChars: () => previewChars,
  };
}
