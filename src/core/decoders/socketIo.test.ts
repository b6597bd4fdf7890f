import { describe, expect, it } from 'vitest';
import { previewPayload } from '../../content/page/payload';
import fixture from './fixtures/socketio.json';
import { decodedAll, detect, eventsOf, replay } from './fixtures/replay';
import { decodeFrame } from './index';

const [connection] = fixture.connections;
if (!connection) throw new Error('fixture has no connection');
const frames = replay(connection, previewPayload);

describe('Socket.IO decoder, on socket.io-client 4 traffic', () => {
  it('is chosen from the Engine.IO URL', () => {
    expect(detect(connection, frames)).toBe('socket.io');
  });

  it('names every packet: the upgrade probe, namespace connects, events, acks, pings', () => {
    expect(eventsOf('socket.io', frames)).toEqual([
      'out probe', 'in probe', 'out upgrade',
      'out connect', 'in connect',
      'out hello', 'in ack', 'in welcome',
      'out upload', 'out -', 'in ack',
      'out message.new', 'in message.new',
      'in ping (heartbeat)', 'out pong (heartbeat)', 'in ping (heartbeat)', 'out pong (heartbeat)',
      'out disconnect', 'in ping (heartbeat)', 'out pong (heartbeat)',
    ]);
  });

  it('reads namespace, ack id, arguments and binary attachments', () => {
    const decoded = decodedAll('socket.io', frames);
    expect(decoded[5]).toMatchObject({ summary: 'EVENT "hello"("sio-user"), ack 0', view: { type: 'EVENT', namespace: '/', ackId: 0, event: 'hello', args: ['sio-user'] } });
    expect(decoded[6]).toMatchObject({ summary: 'ACK 0 ["hello sio-user"]', view: { ackId: 0, data: ['hello sio-user'] } });
    expect(decoded[8]).toMatchObject({ view: { type: 'BINARY_EVENT', attachments: 1, ackId: 1, event: 'upload' } });
    expect(decoded[9]).toMatchObject({ summary: 'binary attachment, 4 bytes' });
    expect(decoded[12]).toMatchObject({ event: 'message.new', view: { namespace: '/chat', args: [{ text: 'hi', id: 'm1' }] } });
    expect(decoded[4]?.summary).toMatch(/^CONNECT \/chat sid /);
  });

  it('keeps the event name of a frame cut at the preview cap', () => {
    const cut = replay(connection, previewPayload, 12);
    const event = decodeFrame('socket.io', cut[12] as (typeof cut)[number]);
    expect(cut[12]?.preview).toBe('42/chat,["me…');
    // Cut inside the name: no name is made up, the summary shows what there is.
    expect(event).toMatchObject({ event: null, summary: 'EVENT "me…"(…) on /chat', partial: true });
    const whole = decodeFrame('socket.io', cut[7] as (typeof cut)[number]);
    expect(whole).toMatchObject({ event: 'welcome', partial: true });
  });

  it('reads the open handshake and a polling-era packet, and leaves what is not Engine.IO raw', () => {
    expect(decodeFrame('socket.io', { direction: 'in', binary: false, size: 90, preview: '0{"sid":"abc","upgrades":[],"pingInterval":25000,"pingTimeout":20000,"maxPayload":1000000}' })).toMatchObject({ event: 'open', summary: 'open sid abc, ping every 25000 ms' });
    expect(decodeFrame('socket.io', { direction: 'in', binary: false, size: 40, preview: '44{"message":"Not authorized"}' })).toMatchObject({ event: 'connect_error', summary: 'CONNECT_ERROR / Not authorized' });
    expect(decodeFrame('socket.io', { direction: 'in', binary: false, size: 5, preview: 'hello' })).toBeNull();
    expect(decodeFrame('socket.io', { direction: 'in', binary: false, size: 9, preview: '42["oops' })).toBeNull();
  });
});
