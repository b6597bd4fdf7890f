import { describe, expect, it } from 'vitest';
import { previewPayload } from '../../content/page/payload';
import fixture from './fixtures/stream.json';
import { decodedAll, detect, eventsOf, replay } from './fixtures/replay';
import { decodeFrame, protocolFromFrame } from './index';

const [connection] = fixture.connections;
if (!connection) throw new Error('fixture has no connection');
const frames = replay(connection, previewPayload);

describe('Stream decoder, on stream-chat 9 traffic', () => {
  it('is chosen from the chat connect URL', () => {
    expect(detect(connection, frames)).toBe('stream');
  });

  it('names events by type; the health checks after the first are heartbeats', () => {
    expect(eventsOf('stream', frames)).toEqual(['in health.check', 'out health.check (heartbeat)', 'in health.check (heartbeat)', 'in message.new']);
  });

  it('shows the channel, the acting user and the text', () => {
    const decoded = decodedAll('stream', frames);
    expect(decoded[3]?.summary).toBe('message.new · messaging:general · by bob "hello stream"');
    expect(decoded[0]?.summary).toBe('health.check · * · by alice');
  });

  it('reads a cut event by its type and channel', () => {
    const cut = replay(connection, previewPayload, 60);
    expect(decodeFrame('stream', cut[3] as (typeof cut)[number])).toMatchObject({ event: 'message.new', summary: 'message.new · messaging:general', partial: true, heartbeat: false });
  });

  it('recognizes video and feeds sockets by their auth frame and connection.ok, and reads errors', () => {
    const auth = { direction: 'out' as const, binary: false, size: 80, preview: '{"token":"eyJhbGciOiJIUzI1NiJ9.eyJ1c2VyX2lkIjoiYW5uIn0.[REDACTED]","user_details":{"id":"ann"},"products":["video"]}' };
    expect(protocolFromFrame(auth)).toBe('stream');
    expect(decodeFrame('stream', auth)).toMatchObject({ event: 'auth', summary: 'auth as ann products video' });
    const ok = { direction: 'in' as const, binary: false, size: 70, preview: '{"type":"connection.ok","connection_id":"c1","me":{"id":"ann"}}' };
    expect(protocolFromFrame(ok)).toBe('stream');
    expect(decodeFrame('stream', { direction: 'in', binary: false, size: 60, preview: '{"error":{"code":71,"message":"too many connections"}}' })).toMatchObject({ event: 'error', summary: 'error 71: too many connections' });
    expect(decodeFrame('stream', { direction: 'in', binary: false, size: 4, preview: 'pong' })).toBeNull();
  });
});
