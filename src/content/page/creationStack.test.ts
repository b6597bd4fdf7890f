import { describe, expect, it } from 'vitest';
import { createStackCapture, scriptUrlOf, trimOwnFrames } from './creationStack';

const HOOK = 'chrome-extension://abcdefgh/src/content/hook.js';

describe('trimOwnFrames', () => {
  it('keeps the app frames, newest first, without ours', () => {
    const stack = [
      'Error',
      `    at stackOf (${HOOK}:1:100)`,
      `    at Object.construct (${HOOK}:1:900)`,
      '    at StableWSConnection._connect (https://app.example/chat.js:10:5)',
      '    at async connectUser (https://app.example/chat.js:20:3)',
    ].join('\n');
    expect(trimOwnFrames(stack, HOOK)).toEqual(['StableWSConnection._connect (https://app.example/chat.js:10:5)', 'async connectUser (https://app.example/chat.js:20:3)']);
  });

  it('falls back to dropping extension frames when our script URL is unknown', () => {
    const stack = `Error\n    at x (${HOOK}:1:1)\n    at open (https://app.example/a.js:1:1)`;
    expect(trimOwnFrames(stack, null)).toEqual(['open (https://app.example/a.js:1:1)']);
  });

  it('cuts an overlong frame rather than lose the whole event', () => {
    const frame = `f (data:text/javascript,${'x'.repeat(5_000)}:1:1)`;
    expect(trimOwnFrames(`Error\n    at ${frame}`, HOOK)[0]?.length).toBe(1_000);
  });
});

describe('scriptUrlOf', () => {
  it('reads the script URL of a frame with or without a function name', () => {
    expect(scriptUrlOf(`stackOf (${HOOK}:1:100)`)).toBe(HOOK);
    expect(scriptUrlOf('https://app.example/a.js:3:4')).toBe('https://app.example/a.js');
    expect(scriptUrlOf('<anonymous>')).toBeNull();
  });
});

describe('createStackCapture', () => {
  it('sees past a low Error.stackTraceLimit and never calls the page formatter, then restores both', () => {
    const savedLimit = Error.stackTraceLimit;
    const knobs = Error as unknown as { prepareStackTrace?: unknown };
    const savedPrepare = knobs.prepareStackTrace;
    let formatterCalls = 0;
    const formatter = (): string => {
      formatterCalls++;
      return 'formatted by the page';
    };
    try {
      const capture = createStackCapture(Error);
      Error.stackTraceLimit = 1;
      knobs.prepareStackTrace = formatter;
      const nested = (depth: number): string[] => (depth === 0 ? capture() : nested(depth - 1));
      const stack = nested(5);
      expect(stack.filter((frame) => frame.startsWith('nested')).length).toBe(6);
      expect(formatterCalls).toBe(0);
      expect(Error.stackTraceLimit).toBe(1);
      expect(knobs.prepareStackTrace).toBe(formatter);
    } finally {
      Error.stackTraceLimit = savedLimit;
      knobs.prepareStackTrace = savedPrepare;
    }
  });
});
