import { describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION, WIRE_LIMITS } from './constants';
import { parseWire } from './parse';
import { workerToRelaySchema } from './workerToRelay';

const parse = (value: unknown) => parseWire(workerToRelaySchema(), value);

describe('what the worker sends a relay', () => {
  it('accepts an acknowledgement, the hook config and stop', () => {
    for (const message of [
      { kind: 'ack', version: PROTOCOL_VERSION, seq: 3 },
      { kind: 'hook-config', version: PROTOCOL_VERSION, previewChars: 512, framesKept: 50 },
      { kind: 'stop', version: PROTOCOL_VERSION },
    ]) {
      expect(parse(message)).toEqual({ ok: true, value: message });
    }
  });

  it('refuses a config out of bounds, another version, an unknown kind or an extra field', () => {
    for (const message of [
      { kind: 'hook-config', version: PROTOCOL_VERSION, previewChars: WIRE_LIMITS.previewChars + 1, framesKept: 50 },
      { kind: 'hook-config', version: PROTOCOL_VERSION, previewChars: 512, framesKept: 1.5 },
      { kind: 'ack', version: PROTOCOL_VERSION + 1, seq: 3 },
      { kind: 'reload', version: PROTOCOL_VERSION },
      { kind: 'stop', version: PROTOCOL_VERSION, extra: true },
      'stop',
    ]) {
      expect(parse(message).ok).toBe(false);
    }
  });

  it('builds the schema once', () => {
    expect(workerToRelaySchema()).toBe(workerToRelaySchema());
  });
});
