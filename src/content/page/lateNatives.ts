/**
 * Natives read late. Reading a Web API interface (`MessageEvent`, `Response`, `URL`…) makes the
 * browser build it in that document: tens of µs each, in every frame of every watched page,
 * though most documents (ads, embeds, widgets) never open a socket or call fetch (bench: per
 * document). So the hook reads those when it first needs them, and by then the page may have
 * replaced them. What it reads is kept only if it prints, through the `toString` saved at load
 * (natives.ts), as the platform's native of that name: a page's function, a Proxy or a bound
 * function prints otherwise. The hook then never calls page code; it observes less instead.
 */
import { functionToString, getOwnPropertyDescriptor, ownValue, slice, startsWith, test, uncurryThis } from './natives';

/** What follows the name in a native's source: `() { [native code] }`, spaced per engine. */
const NATIVE_BODY = /^\(\) \{\s*\[native code\]\s*\}$/;

/** Whether `value` prints as the platform's native function `name` (a getter in V8: `get name`). */
export function printsAsNative(value: unknown, name: string): boolean {
  if (typeof value !== 'function') return false;
  const source = functionToString(value);
  const head = `function ${name}`;
  return startsWith(source, head) && test(NATIVE_BODY, slice(source, head.length));
}

/** A global constructor of the page's window, if it is still the native one. */
export function lateNativeGlobal<T>(name: string): T | undefined {
  const value = ownValue(globalThis, name);
  return printsAsNative(value, name) ? (value as T) : undefined;
}

/** The native getter `name` of a late-read interface's prototype, bound as nativeGetter's; undefined if replaced. */
export function lateNativeGetter(proto: object | undefined, name: string): ((target: object) => unknown) | undefined {
  const get = proto ? getOwnPropertyDescriptor(proto, name)?.get : undefined;
  // V8 prints a native getter as `function get data() {…}`, SpiderMonkey as `function data() {…}`.
  return printsAsNative(get, `get ${name}`) || printsAsNative(get, name) ? uncurryThis(get as (this: object) => unknown) : undefined;
}

/** The native method `name` of a late-read interface's prototype; undefined if replaced. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- any native method
export function lateNativeMethod(proto: object | undefined, name: string): Function | undefined {
  const method = ownValue(proto, name);
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- checked native
  return printsAsNative(method, name) ? (method as Function) : undefined;
}

/** `read`'s result, computed on the first call and kept. */
export function once<T>(read: () => T): () => T {
  let done = false;
  let value: T;
  return () => {
    if (!done) {
      value = read();
      done = true;
    }
    return value;
  };
}

/** URL, for the long-poll and API-call views: the constructor and its `href` getter. */
export const lateUrl = once(() => {
  const NativeURL = lateNativeGlobal<typeof URL>('URL');
  return NativeURL ? { NativeURL, getHref: lateNativeGetter(NativeURL.prototype, 'href') } : undefined;
});

/** Blob, to size and name a Blob frame. */
export const lateBlob = once(() => lateNativeGlobal<typeof Blob>('Blob'));

/** DOMException, to tell an aborted fetch from a failed one. */
export const lateDomException = once(() => lateNativeGlobal<typeof DOMException>('DOMException'));
