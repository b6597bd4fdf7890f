import { describe, expect, it } from 'vitest';
import { previewPayload } from '../../content/page/payload';
import fixture from './fixtures/sockjs.json';
import { decodedAll, detect, eventsOf, replay } from './fixtures/replay';
import { decodeFrame } from './index';

const [connection] = fixture.connections;
if (!connection) throw new Error('fixture has no connection');
const frames = replay(connection, previewPayload);

describe('SockJS decoder, on @stomp/stompjs over sockjs-client', () => {
  it('is chosen from the SockJS session URL', () => {
    expect(detect(connection, frames)).toBe('sockjs');
  });

  it('decodes the STOMP frames inside a[...] and the client arrays; heart-beats inside are heartbeats', () => {
    expect(eventsOf('sockjs', frames)).toEqual([
      'in open', 'out CONNECT', 'in CONNECTED', 'out SUBSCRIBE', 'out SEND', 'in MESSAGE',
      'in heart-beat (heartbeat)', 'out heart-beat (heartbeat)', 'in heart-beat (heartbeat)', 'out heart-beat (heartbeat)',
      'out DISCONNECT', 'in RECEIPT',
    ]);
    const decoded = decodedAll('sockjs', frames);
    expect(decoded[5]).toMatchObject({ summary: 'a[1] MESSAGE /topic/chat "{\\"user\\":\\"alice\\",\\"text\\":\\"hello stomp\\"}"', view: { type: 'messages', messages: [{ command: 'MESSAGE', headers: { destination: '/topic/chat', subscription: 'sub-0' } }] } });
    // The passcode never shows decoded.
    expect(decoded[1]?.view).toMatchObject({ messages: [{ headers: { login: 'alice', passcode: '[REDACTED]' } }] });
  });

  it('reads SockJS heartbeats, close frames, and a message cut at the cap', () => {
    expect(decodeFrame('sockjs', { direction: 'in', binary: false, size: 1, preview: 'h' })).toMatchObject({ heartbeat: true, event: 'heartbeat' });
    expect(decodeFrame('sockjs', { direction: 'in', binary: false, size: 19, preview: 'c[3000,"Go away!"]' })).toMatchObject({ event: 'close', summary: 'close 3000 Go away!' });
    const cut = replay(connection, previewPayload, 30);
    expect(decodeFrame('sockjs', cut[5] as (typeof cut)[number])).toMatchObject({ event: 'MESSAGE', partial: true });
  });
});
