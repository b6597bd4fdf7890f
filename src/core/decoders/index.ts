import { actionCableDecoder } from './actionCable';
import { graphqlWsDecoder } from './graphqlWs';
import { mqttDecoder } from './mqtt';
import { phoenixDecoder } from './phoenix';
import { signalRDecoder } from './signalr';
import { socketIoDecoder } from './socketIo';
import { sockJsDecoder } from './sockjs';
import { stompDecoder } from './stomp';
import { streamDecoder } from './stream';
import type { DecodedFrame, DecodedProtocol, FrameInput, ProtocolDecoder } from './types';
import { wampDecoder } from './wamp';

export type { DecodedFrame, DecodedProtocol, FrameInput, ProtocolDecoder } from './types';

/**
 * Every decoder, in the order a frame is tried when nothing else names the protocol: the most
 * particular shapes first (a SignalR record separator, a STOMP command line), Stream's plain
 * JSON events last.
 */
const DECODERS: readonly ProtocolDecoder[] = [signalRDecoder, stompDecoder, sockJsDecoder, socketIoDecoder, mqttDecoder, graphqlWsDecoder, actionCableDecoder, phoenixDecoder, wampDecoder, streamDecoder];
const BY_PROTOCOL = new Map(DECODERS.map((decoder) => [decoder.protocol, decoder]));

export function decoderOf(protocol: DecodedProtocol): ProtocolDecoder {
  return BY_PROTOCOL.get(protocol) as ProtocolDecoder;
}

/** "Socket.IO", "SockJS"…: the protocol as people write it. */
export function protocolLabel(protocol: DecodedProtocol): string {
  return decoderOf(protocol).label;
}

/** Subprotocols (the `protocols` argument of `new WebSocket`) that name their protocol. */
const SUBPROTOCOLS: ReadonlyArray<[RegExp, DecodedProtocol]> = [
  [/^v1[0-2]\.stomp$|^stomp$/i, 'stomp'],
  [/^wamp\.2\./i, 'wamp'],
  [/^mqtt/i, 'mqtt'],
  [/^graphql-(transport-)?ws$/i, 'graphql-ws'],
  [/^actioncable-/i, 'actioncable'],
];

/** What the URL says: paths and parameters each library always uses. */
function protocolFromUrl(url: string): DecodedProtocol | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  const path = parsed.pathname;
  const params = parsed.searchParams;
  if (params.has('EIO') || /\/socket\.io\/?$/.test(path)) return 'socket.io';
  // sockjs-client: <prefix>/<server id>/<session id>/websocket.
  if (/\/\d{3}\/[^/]+\/websocket$/.test(path)) return 'sockjs';
  if (params.has('vsn') && /\/websocket$/.test(path)) return 'phoenix';
  if (/stream-io-api\.com$/.test(parsed.hostname) || params.has('X-Stream-Client') || (path.endsWith('/connect') && params.has('json'))) return 'stream';
  return null;
}

/** The protocol a socket's handshake names (its subprotocols, its URL), before any frame. */
export function protocolFromHandshake(url: string, protocols: readonly string[]): DecodedProtocol | null {
  for (const requested of protocols) {
    for (const [pattern, protocol] of SUBPROTOCOLS) if (pattern.test(requested)) return protocol;
  }
  return protocolFromUrl(url);
}

/** The protocol one of a socket's first frames shows, if it is a frame only that protocol sends. */
export function protocolFromFrame(frame: FrameInput): DecodedProtocol | null {
  return DECODERS.find((decoder) => decoder.recognizes(frame))?.protocol ?? null;
}

/**
 * A frame as a person reads it, in the socket's protocol; null when the protocol is unknown or
 * the frame is not one of its frames (the panel then shows the frame as it is). Never throws:
 * a decoder that trips on a malformed frame leaves it raw too.
 */
export function decodeFrame(protocol: DecodedProtocol | null | undefined, frame: FrameInput): DecodedFrame | null {
  if (!protocol) return null;
  try {
    return decoderOf(protocol).decode(frame);
  } catch {
    return null;
  }
}
