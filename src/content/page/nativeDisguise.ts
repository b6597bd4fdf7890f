/**
 * Our wrappers must look native. A Proxy around a native function already forwards `name`,
 * `length`, `prototype` and static properties, but V8 prints every callable Proxy as
 * `function () { [native code] }`, without the name a native prints. Pages and bot checks
 * compare that string, so Function.prototype.toString answers for each wrapper with the
 * string of the function it wraps, and for itself with the string of the native toString.
 */
import { defineProperty, getOwnPropertyDescriptor, NativeProxy, reflectApply, SafeWeakMap } from './natives';
import type { NativeThrow } from './nativeThrow';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- any function may be wrapped
type AnyFunction = Function;

export interface NativeDisguise {
  /** Wraps `original` in a Proxy with `handler` that prints as `original` does. */
  wrap<T extends AnyFunction>(original: T, handler: ProxyHandler<T>): T;
  /**
   * Makes `replacement`, a method of our own that already looks like `original` (same name and
   * length, no prototype: a method shorthand), print as `original`. Cheaper to call than a
   * Proxy, for the hot path.
   */
  printAs<T extends AnyFunction>(original: AnyFunction, replacement: T): T;
  /**
   * What a trap throws when the native it calls throws: the same error with the stack the page
   * would see without us (nativeThrow.ts). Use as `throw disguise.nativeThrow(error, trap)`.
   */
  nativeThrow: NativeThrow;
}

export function installNativeDisguise(functionProto: AnyFunction['prototype'] & { toString: AnyFunction }, nativeThrow: NativeThrow = (error) => error): NativeDisguise {
  const originals = new SafeWeakMap<AnyFunction, AnyFunction>();
  const nativeToString = functionProto.toString;
  const disguisedToString = new NativeProxy(nativeToString, {
    apply: function toStringTrap(target, thisArg: unknown, args: unknown[]) {
      const original = typeof thisArg === 'function' ? originals.get(thisArg) : undefined;
      // A non-function `this` throws the native TypeError, exactly as without us.
      try {
        return reflectApply(target, original ?? thisArg, args);
      } catch (error) {
        throw nativeThrow(error, toStringTrap);
      }
    },
  });
  originals.set(disguisedToString, nativeToString);
  const descriptor = getOwnPropertyDescriptor(functionProto, 'toString');
  defineProperty(functionProto, 'toString', { ...descriptor, value: disguisedToString });

  return {
    nativeThrow,
    wrap(original, handler) {
      const wrapper = new NativeProxy(original, handler);
      originals.set(wrapper, original);
      return wrapper;
    },
    printAs(original, replacement) {
      originals.set(replacement, original);
      return replacement;
    },
  };
}
