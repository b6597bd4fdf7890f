import { describe, expect, it } from 'vitest';
import { createNativeThrow } from './nativeThrow';

const nativeThrow = createNativeThrow(globalThis);

function framesOf(error: unknown): string[] {
  return String((error as Error).stack)
    .split('\n')
    .filter((line) => line.startsWith('    at '))
    .map((line) => line.trim().split(' ')[1] ?? '');
}

/** A wrapper like the hook's: a Proxy whose trap calls the target and rethrows what it throws. */
function wrapped(target: (...args: unknown[]) => unknown): (...args: unknown[]) => unknown {
  return new Proxy(target, {
    apply: function ourTrap(inner, thisArg: unknown, args: unknown[]) {
      try {
        return Reflect.apply(inner, thisArg, args);
      } catch (error) {
        throw nativeThrow(error, ourTrap);
      }
    },
  });
}

function pageCaller(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  return null;
}

describe('createNativeThrow', () => {
  it("gives a platform error the caller's frames only, as if the trap had never run", () => {
    const error = pageCaller(() => wrapped(() => new URL('not a url'))());
    expect(error).toBeInstanceOf(TypeError);
    expect(framesOf(error)).not.toContain('Object.ourTrap');
    expect(framesOf(error)[1]).toBe('pageCaller');
  });

  it("leaves an error the page's own code threw as it was", () => {
    const error = pageCaller(() =>
      wrapped(() => {
        throw new Error('from the page');
      })(),
    );
    expect(framesOf(error)).toContain('Object.ourTrap');
  });

  it('passes what is not an object through', () => {
    expect(nativeThrow('text', () => undefined)).toBe('text');
  });
});
