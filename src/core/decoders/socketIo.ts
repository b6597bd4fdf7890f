import { brief, frameBytes, frameText, isObject, parseJson, readJsonString } from './frameText';
import type { DecodedFrame, FrameInput, ProtocolDecoder } from './types';

/** Engine.IO packet types (protocol v3 and v4), by their digit. */
const ENGINE_TYPES = ['open', 'close', 'ping', 'pong', 'message', 'upgrade', 'noop'] as const;
/** Socket.IO packet types (protocol v4 and v5), by their digit. */
const SOCKET_TYPES = ['CONNECT', 'DISCONNECT', 'EVENT', 'ACK', 'CONNECT_ERROR', 'BINARY_EVENT', 'BINARY_ACK'] as const;

interface SocketPacket {
  type: (typeof SOCKET_TYPES)[number];
  namespace: string;
  attachments?: number;
  ackId?: number;
  data?: unknown;
}

/** `<type>[<attachments>-][<namespace>,][<ack id>][<JSON>]`, the Socket.IO packet inside an Engine.IO message. */
function parseSocketPacket(text: string, cut: boolean): { packet: SocketPacket; rest: string } | null {
  const type = SOCKET_TYPES[Number(text[0])];
  if (type === undefined || !/^[0-6]/.test(text)) return null;
  let i = 1;
  const packet: SocketPacket = { type, namespace: '/' };
  if (type === 'BINARY_EVENT' || type === 'BINARY_ACK') {
    const match = /^(\d+)-/.exec(text.slice(i));
    if (!match) return null;
    packet.attachments = Number(match[1]);
    i += match[0].length;
  }
  if (text[i] === '/') {
    const comma = text.indexOf(',', i);
    const end = comma === -1 ? text.length : comma;
    packet.namespace = text.slice(i, end);
    i = comma === -1 ? end : end + 1;
  }
  const ack = /^\d+/.exec(text.slice(i));
  if (ack) {
    packet.ackId = Number(ack[0]);
    i += ack[0].length;
  }
  const rest = text.slice(i);
  if (rest !== '') {
    const data = parseJson(rest);
    if (data === undefined && !cut) return null;
    if (data !== undefined) packet.data = data;
  }
  return { packet, rest };
}

/** The event name of a cut `["name", ...` array; `complete` false when the cut fell inside the name. */
function leadingEventName(rest: string): { name: string; complete: boolean } | null {
  const start = rest.indexOf('"');
  if (!rest.startsWith('[') || start === -1 || rest.slice(1, start).trim() !== '') return null;
  const read = readJsonString(rest, start);
  return read ? { name: read.value, complete: read.complete } : null;
}

function decodeSocketPacket(text: string, cut: boolean): DecodedFrame | null {
  const parsed = parseSocketPacket(text, cut);
  if (!parsed) return null;
  const { packet, rest } = parsed;
  const partial = cut && packet.data === undefined && rest !== '';
  const on = packet.namespace === '/' ? '' : ` on ${packet.namespace}`;
  const ack = packet.ackId === undefined ? '' : `, ack ${packet.ackId}`;
  const binary = packet.attachments === undefined ? '' : `, ${packet.attachments} binary attachment${packet.attachments === 1 ? '' : 's'}`;
  const view = { ...packet, ...(partial ? { text: rest } : {}) };
  switch (packet.type) {
    case 'EVENT':
    case 'BINARY_EVENT': {
      const args = Array.isArray(packet.data) ? packet.data : null;
      const leading = args ? null : leadingEventName(rest);
      const name = args && typeof args[0] === 'string' ? args[0] : leading?.complete ? leading.name : null;
      const shown = args ? args.slice(1).map((arg) => brief(arg, 40)).join(', ') : '…';
      const named = name ?? (leading ? `${leading.name}…` : '?');
      return { summary: `${packet.type} "${named}"(${shown})${on}${ack}${binary}`, event: name, heartbeat: false, view: { ...view, ...(args ? { event: name, args: args.slice(1) } : {}) }, partial };
    }
    case 'ACK':
    case 'BINARY_ACK':
      return { summary: `${packet.type} ${packet.ackId ?? '?'}${on} ${brief(packet.data, 60)}${binary}`, event: 'ack', heartbeat: false, view, partial };
    case 'CONNECT': {
      const sid = isObject(packet.data) && typeof packet.data['sid'] === 'string' ? ` sid ${packet.data['sid']}` : '';
      return { summary: `CONNECT ${packet.namespace}${sid}`, event: 'connect', heartbeat: false, view, partial };
    }
    case 'CONNECT_ERROR': {
      const message = isObject(packet.data) ? String(packet.data['message'] ?? '') : brief(packet.data, 60);
      return { summary: `CONNECT_ERROR ${packet.namespace} ${message}`, event: 'connect_error', heartbeat: false, view, partial };
    }
    case 'DISCONNECT':
      return { summary: `DISCONNECT ${packet.namespace}`, event: 'disconnect', heartbeat: false, view, partial };
  }
}

/**
 * Socket.IO over Engine.IO: an Engine.IO packet type digit (`0` open, `2` ping, `3` pong, `4`
 * message…), and inside a message a Socket.IO packet (CONNECT, EVENT with its name and
 * arguments, ACK with its id, binary events whose attachments follow as binary frames).
 */
export const socketIoDecoder: ProtocolDecoder = {
  protocol: 'socket.io',
  label: 'Socket.IO',
  decode(frame: FrameInput): DecodedFrame | null {
    if (frame.binary) {
      const read = frameBytes(frame);
      if (!read) return null;
      // Engine.IO v3 marks a binary message with a leading 4; v4 sends the attachment raw.
      return { summary: `binary attachment, ${frame.size} bytes`, event: null, heartbeat: false, view: { type: 'binary attachment', bytes: frame.size }, partial: read.cut };
    }
    const { text, cut } = frameText(frame);
    const engineType = ENGINE_TYPES[Number(text[0])];
    if (engineType === undefined || !/^[0-6]/.test(text)) return null;
    const body = text.slice(1);
    switch (engineType) {
      case 'message':
        // A plain Engine.IO message (no Socket.IO on top) is shown as its data; a Socket.IO packet
        // that does not parse stays raw.
        if (/^[0-6]/.test(body)) return decodeSocketPacket(body, cut);
        return { summary: `message ${brief(body, 80)}`, event: 'message', heartbeat: false, view: { engineIo: 'message', data: body }, partial: cut };
      case 'open': {
        const handshake = parseJson(body);
        if (!isObject(handshake)) return cut ? { summary: 'open', event: 'open', heartbeat: false, view: { engineIo: 'open', text: body }, partial: true } : null;
        return { summary: `open sid ${String(handshake['sid'])}, ping every ${String(handshake['pingInterval'])} ms`, event: 'open', heartbeat: false, view: { engineIo: 'open', ...handshake }, partial: false };
      }
      case 'ping':
      case 'pong':
        // `2probe` / `3probe` test the WebSocket during the upgrade from polling: not keep-alives.
        if (body === 'probe') return { summary: `${engineType} probe (upgrade)`, event: 'probe', heartbeat: false, view: { engineIo: engineType, data: body }, partial: false };
        if (body !== '') return null;
        return { summary: engineType, event: engineType, heartbeat: true, view: { engineIo: engineType }, partial: false };
      default:
        if (body !== '') return null;
        return { summary: engineType, event: engineType, heartbeat: false, view: { engineIo: engineType }, partial: false };
    }
  },
  recognizes(frame: FrameInput): boolean {
    if (frame.binary) return false;
    const text = frameText(frame).text;
    return /^0\{"sid":/.test(text) || text === '2probe' || text === '3probe' || /^40(\/[^,]*,)?(\{"sid":|$)/.test(text);
  },
};
