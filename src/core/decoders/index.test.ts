import { describe, expect, it } from 'vitest';
import { decodeFrame, decoderOf, protocolFromFrame, protocolFromHandshake, type DecodedProtocol } from './index';

const ALL: DecodedProtocol[] = ['stream', 'socket.io', 'sockjs', 'signalr', 'stomp', 'wamp', 'mqtt', 'phoenix', 'graphql-ws', 'actioncable'];

describe('choosing a socket protocol', () => {
  it('from the subprotocols the page asked for', () => {
    expect(protocolFromHandshake('wss://x.test/ws', ['v12.stomp', 'v11.stomp'])).toBe('stomp');
    expect(protocolFromHandshake('wss://x.test/ws', ['wamp.2.json'])).toBe('wamp');
    expect(protocolFromHandshake('wss://x.test/mqtt', ['mqttv3.1'])).toBe('mqtt');
    expect(protocolFromHandshake('wss://x.test/graphql', ['graphql-transport-ws'])).toBe('graphql-ws');
    expect(protocolFromHandshake('wss://x.test/graphql', ['graphql-ws'])).toBe('graphql-ws');
    expect(protocolFromHandshake('wss://x.test/cable', ['actioncable-v1-json', 'actioncable-unsupported'])).toBe('actioncable');
  });

  it('from the URL each library uses', () => {
    expect(protocolFromHandshake('wss://x.test/socket.io/?EIO=4&transport=websocket', [])).toBe('socket.io');
    expect(protocolFromHandshake('wss://x.test/stomp/123/ab1cd/websocket', [])).toBe('sockjs');
    expect(protocolFromHandshake('wss://x.test/socket/websocket?vsn=2.0.0&token=x', [])).toBe('phoenix');
    expect(protocolFromHandshake('wss://chat.stream-io-api.com/connect?json=%7B%7D&api_key=k', [])).toBe('stream');
    expect(protocolFromHandshake('ws://127.0.0.1:8800/api/v2/connect?api_key=k&X-Stream-Client=stream-feeds-js-v2.2.0', [])).toBe('stream');
    expect(protocolFromHandshake('wss://x.test/anything', [])).toBeNull();
    expect(protocolFromHandshake('not a url', [])).toBeNull();
  });

  it('not from a first frame any protocol could send', () => {
    expect(protocolFromFrame({ direction: 'in', binary: false, size: 15, preview: '{"hello":"you"}' })).toBeNull();
    expect(protocolFromFrame({ direction: 'out', binary: false, size: 4, preview: 'ping' })).toBeNull();
    expect(protocolFromFrame({ direction: 'out', binary: true, size: 3, preview: 'de ad be' })).toBeNull();
  });
});

describe('decoding never fails a frame', () => {
  // Frames of every shape, whole and cut: a decoder answers a decoded frame or null (shown raw), never throws.
  const SAMPLES = ['', '…', '{', '[', '[1', '42', '4', 'a["', 'a["CONNECT\\n', 'CONNECT\n', '\u001e', '{"type":', '{"type":6}\u001e{', '[null,null,"t"', '0{"sid"', 'c[', 'm"', 'h', 'o', '\n', '[1,"realm"', '{"command":"message","identifier":"{"}'];
  const HEX = ['', '10', '10 ff ff ff ff', '30 05 00 09', '82 …', 'zz', '32 7f 00 03 61 62 …', 'c0 00 c0'];
  it('on malformed and cut input, in every protocol (the decoders themselves, without the safety net of decodeFrame)', () => {
    for (const protocol of ALL) {
      const decoder = decoderOf(protocol);
      for (const preview of SAMPLES) {
        for (const direction of ['in', 'out'] as const) {
          expect(() => decoder.decode({ direction, binary: false, size: preview.length + 100, preview })).not.toThrow();
          expect(() => decoder.decode({ direction, binary: false, size: preview.length, preview })).not.toThrow();
        }
      }
      for (const preview of HEX) expect(() => decoder.decode({ direction: 'in', binary: true, size: 200, preview })).not.toThrow();
    }
  });

  it('without a protocol, nothing is decoded', () => {
    expect(decodeFrame(null, { direction: 'in', binary: false, size: 2, preview: '{}' })).toBeNull();
  });
});
