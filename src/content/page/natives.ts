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
const functionToStringNative = Function.prototype.toString;
const functionBind = Function.prototype.bind;

/**
 * `method` as a plain function that takes its `this` first, bound now: a later call goes through
 * no method a page can patch, and costs a direct call, where `Reflect.apply` with an argument
 * array allocated one and took the generic path (bench: per frame).
 */
export function uncurryThis<This, Args extends unknown[], Result>(method: (this: This, ...args: Args) => Result): (self: This, ...args: Args) => Result {
  return reflectApply(functionBind, functionCall, [method]) as (self: This, ...args: Args) => Result;
}

export const slice = uncurryThis(String.prototype.slice) as (text: string, start: number, end?: number) => string;
export const indexOf = uncurryThis(String.prototype.indexOf) as (text: string, search: string, from?: number) => number;
export const includes = uncurryThis(String.prototype.includes) as (text: string, search: string) => boolean;
export const endsWith = uncurryThis(String.prototype.endsWith) as (text: string, search: string) => boolean;
export const startsWith = uncurryThis(String.prototype.startsWith) as (text: string, search: string) => boolean;
export const trim = uncurryThis(String.prototype.trim) as (text: string) => string;
export const toUpperCase = uncurryThis(String.prototype.toUpperCase) as (text: string) => string;
export const charCodeAt = uncurryThis(String.prototype.charCodeAt) as (text: string, index: number) => number;
export const numberToString = uncurryThis(Number.prototype.toString) as (value: number, radix?: number) => string;
export const test = uncurryThis(RegExp.prototype.test) as (pattern: RegExp, text: string) => boolean;
export const exec = uncurryThis(RegExp.prototype.exec) as (pattern: RegExp, text: string) => RegExpExecArray | null;

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

/** An own data property of a page object, read without running page code (no getters, no proxies' traps on plain objects). */
export function ownValue(target: unknown, name: string): unknown {
  if (typeof target !== 'object' || target === null) return undefined;
  const descriptor = getOwnPropertyDescriptor(target, name);
  return descriptor !== undefined && 'value' in descriptor ? descriptor.value : undefined;
}

/** The getter of a native accessor, called safely; undefined when the property is missing. */
export function nativeGetter(proto: object | undefined, name: string): ((target: object) => unknown) | undefined {
  const get = proto ? getOwnPropertyDescriptor(proto, name)?.get : undefined;
  return get ? uncurryThis(get) : undefined;
}

/** The native Function.prototype.toString, before the hook's disguise replaces it (lateNatives.ts). */
export const functionToString = uncurryThis(functionToStringNative as (this: unknown) => string);
