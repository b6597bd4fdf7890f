import { afterEach, describe, expect, it } from 'vitest';
import { lateNativeGetter, lateNativeGlobal, lateNativeMethod, once, printsAsNative } from './lateNatives';

const byteLength = Object.getOwnPropertyDescriptor(ArrayBuffer.prototype, 'byteLength')?.get;

describe('printsAsNative', () => {
  it('knows a native method, getter and constructor by name', () => {
    expect(printsAsNative(Map.prototype.get, 'get')).toBe(true);
    expect(printsAsNative(byteLength, 'get byteLength')).toBe(true);
    expect(printsAsNative(ArrayBuffer, 'ArrayBuffer')).toBe(true);
    expect(printsAsNative(Map.prototype.get, 'set')).toBe(false);
    expect(printsAsNative(byteLength, 'byteLength')).toBe(false);
  });

  it("refuses what a page puts in a native's place: its own function, a Proxy, a bound native, a liar", () => {
    expect(printsAsNative(function get() {}, 'get')).toBe(false);
    expect(printsAsNative(new Proxy(Map.prototype.get, {}), 'get')).toBe(false);
    expect(printsAsNative(Map.prototype.get.bind(new Map()), 'get')).toBe(false);
    const liar = Object.assign(() => undefined, { toString: () => 'function get() { [native code] }' });
    expect(printsAsNative(liar, 'get')).toBe(false);
    expect(printsAsNative(undefined, 'get')).toBe(false);
  });
});

describe('natives read late', () => {
  const scope = globalThis as Record<string, unknown>;
  afterEach(() => {
    delete scope.OneSocketTestGlobal;
  });

  it('reads a global constructor only while it is still the native one', () => {
    expect(lateNativeGlobal('ArrayBuffer')).toBe(ArrayBuffer);
    scope.OneSocketTestGlobal = class OneSocketTestGlobal {};
    expect(lateNativeGlobal('OneSocketTestGlobal')).toBeUndefined();
    expect(lateNativeGlobal('NoSuchGlobal')).toBeUndefined();
  });

  it('binds a native getter and refuses one the page redefined, without calling it', () => {
    const getByteLength = lateNativeGetter(ArrayBuffer.prototype, 'byteLength');
    expect(getByteLength?.(new ArrayBuffer(7))).toBe(7);
    let pageGetterCalls = 0;
    const pageProto = Object.create(null, {
      byteLength: {
        get() {
          pageGetterCalls++;
          return 0;
        },
      },
    }) as object;
    expect(lateNativeGetter(pageProto, 'byteLength')).toBeUndefined();
    expect(lateNativeGetter(undefined, 'byteLength')).toBeUndefined();
    expect(pageGetterCalls).toBe(0);
  });

  it('takes a native method and refuses a replaced one', () => {
    expect(lateNativeMethod(Map.prototype, 'get')).toBe(Map.prototype.get);
    expect(lateNativeMethod({ get: () => 1 }, 'get')).toBeUndefined();
  });

  it('computes a late value once', () => {
    let reads = 0;
    const value = once(() => ++reads);
    expect([value(), value(), reads]).toEqual([1, 1, 1]);
  });
});
