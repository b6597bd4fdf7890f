/**
 * Built-ins the hook relies on, taken when this module is evaluated: at document_start, before
 * any page script can patch them (architecture principle 3). Later calls go through these
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
