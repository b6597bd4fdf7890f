/**
 * An exception the native raises inside one of our traps (a bad URL given to `new WebSocket`,
 * `send` before open, `close` with a bad code, XHR `open` with a bad method…) must reach the page
 * exactly as without us. V8 records an error's stack when the native creates it, so it would
 * hold our trap's frame (`chrome-extension://…/hook.js`), which a page's error tracker records.
 * Re-capturing the stack from below the trap gives the native's own: the page's frames only, the
 * page's `Error.stackTraceLimit`, and the page's `prepareStackTrace` (V8 formats on first read).
 *
 * Only errors of the platform's own kinds (DOMException, TypeError, RangeError, SyntaxError)
 * are re-captured: an error the page's own code throws during the call (a `toString` that
 * throws) keeps its frames. Without `Error.captureStackTrace`, or where an error's stack is not
 * its own property (engines other than V8), errors pass as they are.
 */
import { lateDomException, once } from './lateNatives';
import { captureStackTrace, getOwnPropertyDescriptor, getPrototypeOf } from './natives';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- any trap
export type NativeThrow = (error: unknown, trap: Function) => unknown;

export function createNativeThrow(win: typeof globalThis): NativeThrow {
  const capture = captureStackTrace;
  if (typeof capture !== 'function') return (error) => error;
  // The language's own error kinds cost nothing to read now. The test below (it creates an error
  // and reads its stack) and DOMException (an interface the browser builds on first read) wait
  // for the first error: most documents never see a trap throw (bench: per document).
  const NativeTypeError = win.TypeError;
  const errorKinds: unknown[] = [NativeTypeError.prototype, win.RangeError.prototype, win.SyntaxError.prototype];
  const kindsToRecapture = once((): unknown[] => {
    // Only where errors carry their stack as their own property (V8): elsewhere re-capturing would
    // add a property the native error does not have.
    if (getOwnPropertyDescriptor(new NativeTypeError(), 'stack') === undefined) return [];
    const domException = lateDomException();
    if (domException !== undefined) errorKinds[errorKinds.length] = domException.prototype;
    return errorKinds;
  });
  return (error, trap) => {
    try {
      if (typeof error !== 'object' || error === null) return error;
      const platformKinds = kindsToRecapture();
      const kind: unknown = getPrototypeOf(error);
      for (let i = 0; i < platformKinds.length; i++) {
        if (kind === platformKinds[i]) {
          capture(error, trap);
          break;
        }
      }
    } catch {
      // A frozen error: it goes to the page as it is.
    }
    return error;
  };
}
