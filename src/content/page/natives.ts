/**
 * Built-ins the hook relies on, taken when this module is evaluated: at document_start, before
 * any page script can patch them (docs/architecture.md, "Saved natives"). Later calls go through these
 * saved references, so a page that wraps `WeakMap.prototype.get` or `Reflect.apply` neither
 * breaks the hook nor sees it at work.
 */
export const reflectApply = Reflect.apply;
export const reflectConstruct = Reflect.construct;
export const defineProperty = Object.defineProperty;
export const getOwnPropertyDescriptor = Object.getOwnPropertyDescriptor;
export const now = Date.now;
export const stringify = JSON.stringify;
export const parseJson = JSON.parse;
export const NativeProxy = Proxy;
export const NativeURL = URL;
export const addEventListener = EventTarget.prototype.addEventListener;
export const dispatchEvent = EventTarget.prototype.dispatchEvent;
export const promiseThen = Promise.prototype.then;
export const NativeString = String;
export const NativeNumber = Number;
export const isArray = Array.isArray;
export const mathMin = Math.min;
export const mathFloor = Math.floor;
export const symbolFor = Symbol.for;
export const random = Math.random;
export const getPrototypeOf = Object.getPrototypeOf;
/** V8's; absent in engines without it (older SpiderMonkey), which the hook then leaves alone. */
export const captureStackTrace = (Error as { captureStackTrace?: (target: object, below?: object) => void }).captureStackTrace;
const createObject = Object.create;
const functionCall = Function.prototype.call;
const functionBind = Function.prototype.bind;

/**
 * `method` as a plain function that takes its `this` first, bound now: a later call goes through
 * no method a page can patch, and costs a direct call, where `Reflect.apply` with an argument
 * array allocated one and took the generic path (bench: per frame).
 */
export function uncurryThis<This, Args extends unknown[], Result>(method: (this: This, ...args: Args) => Result): (self: This, ...args: Args) => Result {
  return reflectApply(functionBind, functionCall, [method]) as (self: This, ...args: Args) => Result;
}

const stringSlice = uncurryThis(String.prototype.slice);
const stringIndexOf = uncurryThis(String.prototype.indexOf);
const stringIncludes = uncurryThis(String.prototype.includes);
const stringEndsWith = uncurryThis(String.prototype.endsWith);
const stringTrim = uncurryThis(String.prototype.trim);
const stringToUpperCase = uncurryThis(String.prototype.toUpperCase);
const stringCharCodeAt = uncurryThis(String.prototype.charCodeAt);
const regExpTest = uncurryThis(RegExp.prototype.test);
const regExpExec = uncurryThis(RegExp.prototype.exec);

export const slice = (text: string, start: number, end?: number): string => (end === undefined ? stringSlice(text, start) : stringSlice(text, start, end));
export const indexOf = (text: string, search: string, from = 0): number => stringIndexOf(text, search, from);
export const includes = (text: string, search: string): boolean => stringIncludes(text, search);
export const endsWith = (text: string, search: string): boolean => stringEndsWith(text, search);
export const trim = (text: string): string => stringTrim(text);
export const toUpperCase = (text: string): string => stringToUpperCase(text);
export const charCodeAt = (text: string, index: number): number => stringCharCodeAt(text, index);
export const test = (pattern: RegExp, text: string): boolean => regExpTest(pattern, text);
export const exec = (pattern: RegExp, text: string): RegExpExecArray | null => regExpExec(pattern, text);

/** A record with no prototype: keys are plain data, `in` and `delete` are language, not methods a page can patch. */
export const emptyRecord = <V>(): Record<string, V> => createObject(null) as Record<string, V>;

const weakMapGet = uncurryThis(WeakMap.prototype.get);
const weakMapSet = uncurryThis(WeakMap.prototype.set);
const weakMapDelete = uncurryThis(WeakMap.prototype.delete);

/** A WeakMap whose methods cannot be intercepted by the page. */
export class SafeWeakMap<K extends object, V> {
  private readonly map = new WeakMap<K, V>();
  get(key: K): V | undefined {
    return weakMapGet(this.map, key) as V | undefined;
  }
  set(key: K, value: V): void {
    weakMapSet(this.map, key, value);
  }
  delete(key: K): void {
    weakMapDelete(this.map, key);
  }
}

/** The getter of a native accessor, called safely; undefined when the property is missing. */
export function nativeGetter(proto: object | undefined, name: string): ((target: object) => unknown) | undefined {
  const get = proto ? getOwnPropertyDescriptor(proto, name)?.get : undefined;
  return get ? uncurryThis(get) : undefined;
}
