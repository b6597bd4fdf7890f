import { describe, expect, it } from 'vitest';
import { previewPayload } from '../../content/page/payload';
import fixture from './fixtures/stomp.json';
import { decodedAll, detect, eventsOf, replay } from './fixtures/replay';
import { decodeFrame } from './index';

const [connection] = fixture.connections;
if (!connection) throw new Error('fixture has no connection');
const frames = replay(connection, previewPayload);

describe('STOMP decoder, on @stomp/stompjs over a WebSocket', () => {
  it('is chosen from the v1x.stomp subprotocols', () => {
    expect(detect(connection, frames)).toBe('stomp');
  });

  it('names each command; bare EOLs are heart-beats', () => {
    expect(eventsOf('stomp', frames)).toEqual([
      'out CONNECT', 'in CONNECTED', 'out SUBSCRIBE', 'out SEND', 'in MESSAGE',
      'in heart-beat (heartbeat)', 'out heart-beat (heartbeat)', 'in heart-beat (heartbeat)', 'out heart-beat (heartbeat)',
      'out DISCONNECT', 'in RECEIPT',
    ]);
  });

  it('reads headers and body', () => {
    const decoded = decodedAll('stomp', frames);
    expect(decoded[1]).toMatchObject({ summary: 'CONNECTED version 1.2 heart-beat 250,250' });
    expect(decoded[3]).toMatchObject({ view: { command: 'SEND', headers: { destination: '/topic/chat', 'content-type': 'application/json' }, body: '{"user":"alice","text":"hello stomp"}' } });
    expect(decoded[0]?.view).toMatchObject({ headers: { passcode: '[REDACTED]' } });
  });

  it('reads what it can of a cut frame and leaves other text raw', () => {
    const cut = replay(connection, previewPayload, 40);
    // The first frames each way are kept whole; the third one sent is cut.
    expect(decodeFrame('stomp', cut[3] as (typeof cut)[number])).toMatchObject({ event: 'SEND', partial: true, view: { headers: { destination: '/topic/chat' } } });
    expect(decodeFrame('stomp', { direction: 'in', binary: false, size: 11, preview: 'hello world' })).toBeNull();
  });
});
