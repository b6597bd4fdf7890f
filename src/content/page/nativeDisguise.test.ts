import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { installNativeDisguise } from './nativeDisguise';

/** A fresh realm, so patching its Function.prototype leaves the test runner's alone. */
function realm(): { fnProto: { toString: (this: unknown) => string }; native: (...args: unknown[]) => unknown; run: (code: string) => unknown } {
  const context = { native: undefined as unknown };
  runInNewContext('native = Math.max', context);
  return {
    fnProto: runInNewContext('Function.prototype', context) as { toString: (this: unknown) => string },
    native: context.native as (...args: unknown[]) => unknown,
    run: (code) => runInNewContext(code, context),
  };
}

describe('installNativeDisguise', () => {
  it('prints a wrapper as the native it wraps, and toString as itself', () => {
    const { fnProto, native } = realm();
    const nativeText = fnProto.toString.call(native);
    const nativeToStringText = fnProto.toString.call(fnProto.toString);
    const disguise = installNativeDisguise(fnProto);
    const wrapper = disguise.wrap(native, { apply: (target, thisArg, args) => Reflect.apply(target as () => unknown, thisArg, args) });
    expect(fnProto.toString.call(wrapper)).toBe(nativeText);
    expect(fnProto.toString.call(fnProto.toString)).toBe(nativeToStringText);
    expect(nativeText).toBe('function max() { [native code] }');
    expect(wrapper(1, 3, 2)).toBe(3);
  });

  it('keeps the native errors and the descriptor of toString', () => {
    const { fnProto, run } = realm();
    const before = Object.getOwnPropertyDescriptor(fnProto, 'toString');
    installNativeDisguise(fnProto);
    const after = Object.getOwnPropertyDescriptor(fnProto, 'toString');
    expect({ ...after, value: undefined }).toEqual({ ...before, value: undefined });
    expect(run('try { Function.prototype.toString.call({}) } catch (e) { e.constructor.name + ": " + e.message }')).toBe(
      'TypeError: Function.prototype.toString requires that \'this\' be a Function',
    );
  });

  it('prints a method of ours as the native it stands for, which it must already resemble', () => {
    const { fnProto, run } = realm();
    const native = run('WeakMap.prototype.has') as (key: object) => boolean;
    const disguise = installNativeDisguise(fnProto);
    const { has } = {
      has(this: WeakMap<object, unknown>, key: object): boolean {
        return Reflect.apply(native, this, [key]) as boolean;
      },
    };
    const replacement = disguise.printAs(native, has);
    expect(fnProto.toString.call(replacement)).toBe('function has() { [native code] }');
    // What a method shorthand already shares with a native method.
    expect([replacement.name, replacement.length, Object.getOwnPropertyNames(replacement)]).toEqual([native.name, native.length, Object.getOwnPropertyNames(native)]);
    expect('prototype' in replacement).toBe(false);
    expect(() => Reflect.construct(replacement, [])).toThrow(TypeError);
  });
});
