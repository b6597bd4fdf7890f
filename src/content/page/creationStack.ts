/**
 * Who opened a socket: the JavaScript stack at `new WebSocket`, without the hook's own frames,
 * newest first. The first remaining frame is the initiator the panel shows.
 *
 * The page owns `Error.stackTraceLimit` and `Error.prepareStackTrace`: a low limit would leave
 * only our frames, and a page formatter (e.g. source-map-support) must never be called with
 * our error. Both are set aside for the duration of one capture and put back exactly.
 */
import { WIRE_LIMITS } from '../../core/wire/constants';
import { exec, getOwnPropertyDescriptor, includes, indexOf, slice, test, trim } from './natives';

/** Frames kept: enough for the app frames under a framework's call chain. */
const STACK_FRAMES = 40;

/** A frame or URL in an extension's script. */
const EXTENSION_URL = /(chrome|moz)-extension:\/\//;

/** V8's knobs on the Error constructor, both owned by the page. */
type StackKnobs = { stackTraceLimit?: number; prepareStackTrace?: unknown };

function frameLines(stack: string): string[] {
  const lines: string[] = [];
  let start = 0;
  while (start <= stack.length) {
    let end = indexOf(stack, '\n', start);
    if (end === -1) end = stack.length;
    const line = trim(slice(stack, start, end));
    if (slice(line, 0, 3) === 'at ') lines[lines.length] = slice(line, 3);
    start = end + 1;
  }
  return lines;
}

/** The script URL in a V8 frame such as `fn (chrome-extension://id/hook.js:1:2)`. */
export function scriptUrlOf(frame: string): string | null {
  const match = exec(/\(?((?:[a-z][a-z0-9+.-]*):\/\/[^\s)]*?)(?::\d+){1,2}\)?$/i, frame);
  return match?.[1] ?? null;
}

export function trimOwnFrames(stack: string, ownScriptUrl: string | null): string[] {
  const app: string[] = [];
  for (const frame of frameLines(stack)) {
    const ours = ownScriptUrl !== null ? includes(frame, ownScriptUrl) : test(EXTENSION_URL, frame);
    if (!ours) app[app.length] = frame.length > WIRE_LIMITS.stackFrame ? slice(frame, 0, WIRE_LIMITS.stackFrame) : frame;
  }
  return app;
}

export function createStackCapture(NativeError: ErrorConstructor): () => string[] {
  const knobs = NativeError as unknown as StackKnobs;
  const stackOf = (): string => {
    const limit = getOwnPropertyDescriptor(NativeError, 'stackTraceLimit');
    const prepare = getOwnPropertyDescriptor(NativeError, 'prepareStackTrace');
    // Only plain data properties are set aside: touching a page-defined accessor would run page code.
    const setLimit = limit === undefined || 'value' in limit;
    const clearPrepare = prepare !== undefined && 'value' in prepare && prepare.value !== undefined;
    try {
      if (setLimit) knobs.stackTraceLimit = STACK_FRAMES;
      if (clearPrepare) knobs.prepareStackTrace = undefined;
      const stack: unknown = new NativeError().stack;
      return typeof stack === 'string' ? stack : '';
    } finally {
      if (setLimit) {
        if (limit === undefined) delete knobs.stackTraceLimit;
        else knobs.stackTraceLimit = limit.value as number;
      }
      if (clearPrepare) knobs.prepareStackTrace = prepare.value;
    }
  };
  // Our own script's URL identifies our frames exactly. It is read from the first stack taken,
  // whose newest frame is stackOf's own, rather than from one taken at load: a stack costs each
  // document tens of µs, and most never open a socket (bench: per document).
  let ownScriptUrl: string | null | undefined;
  return () => {
    try {
      const stack = stackOf();
      if (ownScriptUrl === undefined) {
        // A page formatter we could not set aside (an accessor) may have written the stack: take
        // the URL only if it is an extension's, else fall back to dropping every extension frame.
        const newest = frameLines(stack)[0];
        const url = newest !== undefined ? scriptUrlOf(newest) : null;
        ownScriptUrl = url !== null && test(EXTENSION_URL, url) ? url : null;
      }
      return trimOwnFrames(stack, ownScriptUrl);
    } catch {
      return [];
    }
  };
}
