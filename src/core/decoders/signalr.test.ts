import { describe, expect, it } from 'vitest';
import { previewPayload } from '../../content/page/payload';
import fixture from './fixtures/signalr.json';
import { decodedAll, detect, eventsOf, replay } from './fixtures/replay';
import { decodeFrame } from './index';

const [connection] = fixture.connections;
if (!connection) throw new Error('fixture has no connection');
const frames = replay(connection, previewPayload);

describe('SignalR decoder, on @microsoft/signalr (JSON hub protocol)', () => {
  it('is recognized by its handshake', () => {
    expect(detect(connection, frames)).toBe('signalr');
  });

  it('names invocations by target, completions and pings', () => {
    expect(eventsOf('signalr', frames)).toEqual([
      'out handshake', 'in handshake', 'out Ping (heartbeat)',
      'out SendMessage', 'in ReceiveMessage', 'in Completion',
      'out Missing', 'in Completion',
      'in Ping (heartbeat)', 'out Ping (heartbeat)', 'in Ping (heartbeat)', 'out Ping (heartbeat)',
      'out Close',
    ]);
    const decoded = decodedAll('signalr', frames);
    expect(decoded[3]).toMatchObject({ summary: 'Invocation SendMessage("alice", "hello hub") id 0', view: { messageType: 'Invocation', target: 'SendMessage', arguments: ['alice', 'hello hub'] } });
    expect(decoded[7]?.summary).toBe("Completion id 1 error: Unknown hub method 'Missing'");
  });

  it('reads several records in one frame, and a cut one by its target', () => {
    const two = decodeFrame('signalr', { direction: 'in', binary: false, size: 60, preview: '{"type":6}\u001e{"type":1,"target":"Notify","arguments":[1]}\u001e' });
    expect(two).toMatchObject({ event: 'Notify', heartbeat: false, summary: 'Invocation Notify(1) +1 more' });
    const cut = replay(connection, previewPayload, 45);
    // The first frames each way are kept whole; the third one sent is cut.
    expect(decodeFrame('signalr', cut[3] as (typeof cut)[number])).toMatchObject({ event: 'SendMessage', partial: true });
  });
});
