import { brief, frameBytes } from './frameText';
import type { DecodedFrame, FrameInput, ProtocolDecoder } from './types';

const PACKET_TYPES = ['', 'CONNECT', 'CONNACK', 'PUBLISH', 'PUBACK', 'PUBREC', 'PUBREL', 'PUBCOMP', 'SUBSCRIBE', 'SUBACK', 'UNSUBSCRIBE', 'UNSUBACK', 'PINGREQ', 'PINGRESP', 'DISCONNECT', 'AUTH'];
const PROTOCOL_LEVELS: Record<number, string> = { 3: '3.1', 4: '3.1.1', 5: '5.0' };

/** Reads MQTT fields from the bytes a preview holds; running out of them marks the read partial. */
class Reader {
  offset = 0;
  ranOut = false;
  constructor(
    private readonly bytes: Uint8Array,
    private readonly end: number,
  ) {}
  get left(): number {
    return Math.max(0, this.end - this.offset);
  }
  byte(): number | null {
    if (this.offset >= this.end) return this.out();
    return this.bytes[this.offset++] ?? null;
  }
  uint16(): number | null {
    const high = this.byte();
    const low = this.byte();
    return high === null || low === null ? null : (high << 8) | low;
  }
  /** The MQTT variable byte integer (remaining length, v5 property length). */
  varint(): number | null {
    let value = 0;
    for (let shift = 0; shift < 28; shift += 7) {
      const byte = this.byte();
      if (byte === null) return null;
      value += (byte & 0x7f) << shift;
      if ((byte & 0x80) === 0) return value;
    }
    return null;
  }
  raw(length: number): Uint8Array {
    const available = Math.min(length, this.left);
    const slice = this.bytes.subarray(this.offset, this.offset + available);
    this.offset += available;
    if (available < length) this.out();
    return slice;
  }
  string(): string | null {
    const length = this.uint16();
    if (length === null) return null;
    return utf8(this.raw(length));
  }
  skip(length: number): void {
    this.raw(length);
  }
  private out(): null {
    this.ranOut = true;
    return null;
  }
}

function utf8(bytes: Uint8Array): string {
  return new TextDecoder('utf-8', { fatal: false }).decode(bytes);
}

/** A payload as text when it reads as text, else as hex. */
function payloadView(bytes: Uint8Array): string {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    // eslint-disable-next-line no-control-regex
    if (!/[\u0000-\u0008\u000e-\u001f]/.test(text)) return text;
  } catch {
    // Not UTF-8: fall through to hex.
  }
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join(' ');
}

interface Packet {
  type: string;
  summary: string;
  view: Record<string, unknown>;
}

function readPacket(reader: Reader, level: number): Packet | null {
  const first = reader.byte();
  if (first === null) return null;
  const type = PACKET_TYPES[first >> 4];
  if (!type) return null;
  const flags = first & 0x0f;
  const remaining = reader.varint();
  if (remaining === null) return { type, summary: type, view: { type } };
  const end = reader.offset + remaining;
  const view: Record<string, unknown> = { type, remainingLength: remaining };
  let summary = type;
  switch (type) {
    case 'CONNECT': {
      const protocolName = reader.string();
      const protocolLevel = reader.byte();
      const connectFlags = reader.byte() ?? 0;
      const keepAlive = reader.uint16();
      if (protocolLevel === 5) reader.skip(reader.varint() ?? 0);
      const clientId = reader.string();
      Object.assign(view, { protocolName, protocolLevel, version: PROTOCOL_LEVELS[protocolLevel ?? 0] ?? null, cleanStart: (connectFlags & 0x02) !== 0, keepAlive, clientId });
      if (connectFlags & 0x04) {
        if (protocolLevel === 5) reader.skip(reader.varint() ?? 0);
        view['will'] = { topic: reader.string(), qos: (connectFlags >> 3) & 3, retain: (connectFlags & 0x20) !== 0 };
        reader.skip(reader.uint16() ?? 0);
      }
      if (connectFlags & 0x80) view['username'] = reader.string();
      // The password is a credential: its presence is shown, never its value.
      if (connectFlags & 0x40) view['password'] = '[REDACTED]';
      summary = `CONNECT client "${clientId ?? '?'}" MQTT ${PROTOCOL_LEVELS[protocolLevel ?? 0] ?? '?'}, keep-alive ${keepAlive ?? '?'} s`;
      break;
    }
    case 'CONNACK': {
      const ackFlags = reader.byte();
      const code = reader.byte();
      Object.assign(view, { sessionPresent: ((ackFlags ?? 0) & 1) === 1, returnCode: code });
      summary = `CONNACK ${code === 0 ? 'accepted' : `refused (code ${code ?? '?'})`}`;
      break;
    }
    case 'PUBLISH': {
      const qos = (flags >> 1) & 3;
      const topic = reader.string();
      const packetId = qos > 0 ? reader.uint16() : null;
      if (level === 5) reader.skip(reader.varint() ?? 0);
      const payload = reader.raw(Math.max(0, end - reader.offset));
      const shown = payloadView(payload);
      Object.assign(view, { topic, qos, retain: (flags & 1) === 1, dup: (flags & 8) === 8, ...(packetId === null ? {} : { packetId }), payload: shown });
      summary = `PUBLISH ${topic ?? '?'}${qos > 0 ? ` qos ${qos}` : ''} ${brief(shown, 60)}`;
      break;
    }
    case 'SUBSCRIBE':
    case 'UNSUBSCRIBE': {
      const packetId = reader.uint16();
      if (level === 5) reader.skip(reader.varint() ?? 0);
      const topics: Array<{ topic: string | null; qos?: number }> = [];
      while (reader.offset < end && !reader.ranOut) {
        const topic = reader.string();
        if (type === 'SUBSCRIBE') topics.push({ topic, qos: (reader.byte() ?? 0) & 3 });
        else topics.push({ topic });
      }
      Object.assign(view, { packetId, topics });
      summary = `${type} ${topics.map((entry) => entry.topic ?? '?').join(', ')}`;
      break;
    }
    case 'SUBACK':
    case 'PUBACK':
    case 'PUBREC':
    case 'PUBREL':
    case 'PUBCOMP':
    case 'UNSUBACK': {
      const packetId = reader.uint16();
      view['packetId'] = packetId;
      if (type === 'SUBACK') view['granted'] = Array.from(reader.raw(Math.max(0, end - reader.offset)));
      summary = `${type} id ${packetId ?? '?'}`;
      break;
    }
  }
  // Whatever the packet holds past what was read (v5 properties, reason codes).
  if (reader.offset < end) reader.skip(end - reader.offset);
  return { type, summary, view };
}

/**
 * MQTT over WebSocket (binary frames, read from their hex preview): CONNECT with its client id,
 * PUBLISH with topic and payload, SUBSCRIBE, acks, PINGREQ/PINGRESP. A frame may hold several
 * packets. MQTT 5 properties are stepped over in CONNECT; in later packets a frame is read as
 * 3.1.1 (the level lives in the CONNECT, which a single frame does not have).
 */
export const mqttDecoder: ProtocolDecoder = {
  protocol: 'mqtt',
  label: 'MQTT',
  decode(frame: FrameInput): DecodedFrame | null {
    const read = frameBytes(frame);
    if (!read || read.bytes.length === 0) return null;
    const reader = new Reader(read.bytes, read.bytes.length);
    const packets: Packet[] = [];
    while (reader.left > 0 && !reader.ranOut) {
      const packet = readPacket(reader, 4);
      if (!packet) return packets.length > 0 ? summarize(packets, true) : null;
      packets.push(packet);
    }
    // A whole frame shorter than its packet says is no MQTT packet (or a piece of one): raw.
    if (reader.ranOut && !read.cut) return null;
    return summarize(packets, read.cut);
  },
  recognizes(frame: FrameInput): boolean {
    const read = frameBytes(frame);
    // CONNECT (0x10), then a length, then the protocol name "MQTT" (or "MQIsdp" for 3.1).
    return read !== null && read.bytes[0] === 0x10 && /^10 ([0-9a-f]{2} ){1,4}00 0(4 4d 51 54 54|6 4d 51 49 73 64 70)/.test(frame.preview);
  },
};

function summarize(packets: Packet[], partial: boolean): DecodedFrame | null {
  const first = packets[0];
  if (!first) return null;
  return {
    summary: packets.length === 1 ? first.summary : `${first.summary} +${packets.length - 1} more`,
    event: first.type,
    heartbeat: packets.every((packet) => packet.type === 'PINGREQ' || packet.type === 'PINGRESP'),
    view: packets.length === 1 ? first.view : packets.map((packet) => packet.view),
    partial,
  };
}
