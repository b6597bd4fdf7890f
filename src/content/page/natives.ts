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

const stringSlice = String.prototype.slice;
const stringIndexOf = String.prototype.indexOf;
const stringIncludes = String.prototype.includes;
const stringEndsWith = String.prototype.endsWith;
const stringTrim = String.prototype.trim;
const stringToUpperCase = String.prototype.toUpperCase;
const stringCharCodeAt = String.prototype.charCodeAt;
const regExpTest = RegExp.prototype.test;
const regExpExec = RegExp.prototype.exec;

export const slice = (text: string, start: number, end?: number): string => reflectApply(stringSlice, text, end === undefined ? [start] : [start, end]) as string;
export const indexOf = (text: string, search: string, from = 0): number => reflectApply(stringIndexOf, text, [search, from]) as number;
export const includes = (text: string, search: string): boolean => reflectApply(stringIncludes, text, [search]) as boolean;
export const endsWith = (text: string, search: string): boolean => reflectApply(stringEndsWith, text, [search]) as boolean;
export const trim = (text: string): string => reflectApply(stringTrim, text, []) as string;
export const toUpperCase = (text: string): string => reflectApply(stringToUpperCase, text, []) as string;
export const charCodeAt = (text: string, index: number): number => reflectApply(stringCharCodeAt, text, [index]) as number;
export const test = (pattern: RegExp, text: string): boolean => reflectApply(regExpTest, pattern, [text]) as boolean;
export const exec = (pattern: RegExp, text: string): RegExpExecArray | null => reflectApply(regExpExec, pattern, [text]) as RegExpExecArray | null;

/** A record with no prototype: keys are plain data, `in` and `delete` are language, not methods a page can patch. */
export const emptyRecord = <V>(): Record<string, V> => createObject(null) as Record<string, V>;

const weakMapGet = WeakMap.prototype.get;
const weakMapSet = WeakMap.prototype.set;
const weakMapDelete = WeakMap.prototype.delete;

/** A WeakMap whose methods cannot be intercepted by the page. */
export class SafeWeakMap<K extends object, V> {
  private readonly map = new WeakMap<K, V>();
  get(key: K): V | undefined {
    return reflectApply(weakMapGet, this.map, [key]) as V | undefined;
  }
  set(key: K, value: V): void {
    reflectApply(weakMapSet, this.map, [key, value]);
  }
  delete(key: K): void {
    reflectApply(weakMapDelete, this.map, [key]);
  }
}

/** The getter of a native accessor, called safely; undefined when the property is missing. */
export function nativeGetter(proto: object | undefined, name: string): ((target: object) => unknown) | undefined {
  const get = proto ? getOwnPropertyDescriptor(proto, name)?.get : undefined;
  return get ? (target) => reflectApply(get, target, []) : undefined;
}
