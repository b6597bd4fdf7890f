import { brief, frameText, isObject, parseJson, stringField } from './frameText';
import type { DecodedFrame, FrameInput, ProtocolDecoder } from './types';

/** Ends every message of the JSON hub protocol. */
const RECORD_SEPARATOR = '\u001e';
const MESSAGE_TYPES: Record<number, string> = { 1: 'Invocation', 2: 'StreamItem', 3: 'Completion', 4: 'StreamInvocation', 5: 'CancelInvocation', 6: 'Ping', 7: 'Close', 8: 'Ack', 9: 'Sequence' };

function decodeRecord(record: Record<string, unknown>): DecodedFrame {
  // The handshake has no type: `{"protocol":"json","version":1}` and its answer `{}` (or `{"error"}`).
  if (typeof record['type'] !== 'number') {
    if (typeof record['protocol'] === 'string') return { summary: `handshake ${record['protocol']} v${String(record['version'])}`, event: 'handshake', heartbeat: false, view: record, partial: false };
    const error = typeof record['error'] === 'string' ? ` error: ${record['error']}` : ' ok';
    return { summary: `handshake response${error}`, event: 'handshake', heartbeat: false, view: record, partial: false };
  }
  const name = MESSAGE_TYPES[record['type']] ?? `type ${record['type']}`;
  const id = typeof record['invocationId'] === 'string' ? ` id ${record['invocationId']}` : '';
  const view = { messageType: name, ...record };
  switch (record['type']) {
    case 1:
    case 4: {
      const target = String(record['target'] ?? '?');
      const args = Array.isArray(record['arguments']) ? record['arguments'].map((arg) => brief(arg, 40)).join(', ') : '';
      return { summary: `${name} ${target}(${args})${id}`, event: target, heartbeat: false, view, partial: false };
    }
    case 3: {
      const outcome = typeof record['error'] === 'string' ? `error: ${record['error']}` : 'result' in record ? `result ${brief(record['result'], 60)}` : 'done';
      return { summary: `${name}${id} ${outcome}`, event: 'Completion', heartbeat: false, view, partial: false };
    }
    case 2:
      return { summary: `${name}${id} ${brief(record['item'], 60)}`, event: name, heartbeat: false, view, partial: false };
    case 6:
      return { summary: 'Ping', event: 'Ping', heartbeat: true, view, partial: false };
    case 7:
      return { summary: `Close${typeof record['error'] === 'string' ? ` error: ${record['error']}` : ''}`, event: 'Close', heartbeat: false, view, partial: false };
    default:
      return { summary: `${name}${id}`, event: name, heartbeat: false, view, partial: false };
  }
}

/**
 * SignalR's JSON hub protocol: messages ended by the record separator 0x1e, several to a frame;
 * the handshake, invocations (target and arguments), completions, stream items and pings.
 */
export const signalRDecoder: ProtocolDecoder = {
  protocol: 'signalr',
  label: 'SignalR',
  decode(frame: FrameInput): DecodedFrame | null {
    if (frame.binary) return null;
    const { text, cut } = frameText(frame);
    if (!text.includes(RECORD_SEPARATOR) && !cut) return null;
    const pieces = text.split(RECORD_SEPARATOR);
    // A whole frame ends with the separator; a cut one ends inside its last message.
    const tail = pieces.pop() ?? '';
    const decoded: DecodedFrame[] = [];
    for (const piece of pieces) {
      const record = parseJson(piece);
      if (!isObject(record)) return null;
      decoded.push(decodeRecord(record));
    }
    if (tail !== '') {
      if (!cut) return null;
      const type = /"type"\s*:\s*(\d+)/.exec(tail);
      const target = stringField(tail, 'target');
      const name = type ? (MESSAGE_TYPES[Number(type[1])] ?? `type ${type[1]}`) : 'message';
      decoded.push({ summary: `${name}${target ? ` ${target}(…)` : ''}`, event: target ?? name, heartbeat: false, view: { messageType: name, ...(target ? { target } : {}), text: tail }, partial: true });
    }
    const first = decoded.find((entry) => !entry.heartbeat) ?? decoded[0];
    if (!first) return null;
    return {
      summary: decoded.length === 1 ? first.summary : `${first.summary} +${decoded.length - 1} more`,
      event: first.event,
      heartbeat: decoded.every((entry) => entry.heartbeat),
      view: decoded.length === 1 ? first.view : decoded.map((entry) => entry.view),
      partial: cut,
    };
  },
  recognizes(frame: FrameInput): boolean {
    if (frame.binary) return false;
    const text = frameText(frame).text;
    const first = parseJson(text.split(RECORD_SEPARATOR)[0] ?? '');
    return text.endsWith(RECORD_SEPARATOR) && isObject(first) && (typeof first['protocol'] === 'string' || typeof first['type'] === 'number' || Object.keys(first).length === 0);
  },
};
