import { describe, expect, it } from 'vitest';
import { previewPayload } from '../../content/page/payload';
import fixture from './fixtures/mqtt.json';
import { decodedAll, detect, eventsOf, replay } from './fixtures/replay';
import { decodeFrame, protocolFromFrame } from './index';

const [connection] = fixture.connections;
if (!connection) throw new Error('fixture has no connection');
const frames = replay(connection, previewPayload);

describe('MQTT decoder, on mqtt.js against aedes over WebSocket', () => {
  it('is chosen from the mqtt subprotocol, and recognized by its CONNECT', () => {
    expect(detect(connection, frames)).toBe('mqtt');
    expect(protocolFromFrame(frames[0] as (typeof frames)[number])).toBe('mqtt');
  });

  it('names every packet, read from the hex preview; PINGREQ/PINGRESP are heartbeats', () => {
    expect(eventsOf('mqtt', frames)).toEqual([
      'out CONNECT', 'in CONNACK', 'out SUBSCRIBE', 'in SUBACK', 'out PUBLISH', 'in PUBACK', 'in PUBLISH', 'out PUBACK', 'out PUBLISH',
      'out PINGREQ (heartbeat)', 'in PINGRESP (heartbeat)', 'out DISCONNECT',
    ]);
  });

  it('reads the client id, topics, payloads; never the password', () => {
    const decoded = decodedAll('mqtt', frames);
    expect(decoded[0]).toMatchObject({ summary: 'CONNECT client "onesocket-capture" MQTT 3.1.1, keep-alive 1 s', view: { clientId: 'onesocket-capture', username: 'alice', password: '[REDACTED]', protocolLevel: 4 } });
    expect(JSON.stringify(decoded[0]?.view)).not.toContain('not-a-real-password');
    expect(decoded[2]).toMatchObject({ view: { topics: [{ topic: 'chat/room1', qos: 1 }] } });
    expect(decoded[6]).toMatchObject({ view: { topic: 'chat/room1', qos: 1, payload: '{"user":"alice","text":"hello mqtt"}' } });
    expect(decoded[8]).toMatchObject({ view: { topic: 'sensors/raw', qos: 0, payload: '00 ff 10 80' } });
    expect(decoded[1]?.summary).toBe('CONNACK accepted');
  });

  it('reads the topic of a PUBLISH whose hex preview was cut, and leaves pieces of packets raw', () => {
    const cut = replay(connection, previewPayload, 3 * 16);
    const publish = decodeFrame('mqtt', cut[8] as (typeof cut)[number]);
    expect(cut[8]?.preview.endsWith('…')).toBe(true);
    expect(publish).toMatchObject({ event: 'PUBLISH', partial: true, view: { topic: 'sensors/raw' } });
    // A frame with a piece of a packet (a broker that writes field by field): not decoded as garbage.
    expect(decodeFrame('mqtt', { direction: 'in', binary: true, size: 2, preview: '5c e5' })).toBeNull();
    expect(decodeFrame('mqtt', { direction: 'in', binary: false, size: 5, preview: 'hello' })).toBeNull();
  });
});
