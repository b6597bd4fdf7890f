import { describe, expect, it } from 'vitest';
import { serverErrorOf } from './serverErrors';
import type { FrameRecord } from './types';

const incoming = (preview: string): FrameRecord => ({ at: 7, direction: 'in', size: preview.length, binary: false, preview });

describe('serverErrorOf', () => {
  it("reads Stream's error frame", () => {
    const frame = incoming(JSON.stringify({ error: { code: 71, message: 'Too many connections', StatusCode: 429 } }));
    expect(serverErrorOf(frame)).toEqual({ at: 7, code: 71, message: 'Too many connections' });
  });

  it("reads Sendbird's EROR frame and a plain error string", () => {
    expect(serverErrorOf(incoming('EROR{"code":400302,"message":"Invalid access token."}'))).toEqual({ at: 7, code: 400302, message: 'Invalid access token.' });
    expect(serverErrorOf(incoming('{"error":"unauthorized"}'))).toEqual({ at: 7, code: null, message: 'unauthorized' });
  });

  it('ignores ordinary frames, frames the client sent, and a message that merely mentions an error', () => {
    expect(serverErrorOf(incoming('{"type":"health.check","connection_id":"c"}'))).toBeNull();
    expect(serverErrorOf({ ...incoming('{"error":{"code":1}}'), direction: 'out' })).toBeNull();
    expect(serverErrorOf(incoming('{"type":"message.new","message":{"text":"\\"error\\" happens"}}'))).toBeNull();
  });
});
