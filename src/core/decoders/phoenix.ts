import { brief, frameText, isObject, parseJson, readJsonString } from './frameText';
import type { DecodedFrame, FrameInput, ProtocolDecoder } from './types';

interface PhoenixMessage {
  joinRef: unknown;
  ref: unknown;
  topic: string;
  event: string;
  payload: unknown;
}

/** v2 serializer: `[join_ref, ref, topic, event, payload]`; v1: `{topic, event, payload, ref, join_ref}`. */
function readMessage(value: unknown): PhoenixMessage | null {
  if (Array.isArray(value) && value.length === 5 && typeof value[2] === 'string' && typeof value[3] === 'string') {
    return { joinRef: value[0], ref: value[1], topic: value[2], event: value[3], payload: value[4] };
  }
  if (isObject(value) && typeof value['topic'] === 'string' && typeof value['event'] === 'string' && 'payload' in value) {
    return { joinRef: value['join_ref'] ?? null, ref: value['ref'] ?? null, topic: value['topic'], event: value['event'], payload: value['payload'] };
  }
  return null;
}

/** The heartbeat and its reply both travel on the `phoenix` topic. */
const isHeartbeat = (topic: string, event: string): boolean => topic === 'phoenix' && (event === 'heartbeat' || event === 'phx_reply');

/** Topic and event of a cut v2 frame: `["1","2","room:lobby","phx_join",{…`. */
function readCutArray(text: string): { topic: string; event: string } | null {
  const match = /^\[\s*(null|"[^"]*")\s*,\s*(null|"[^"]*")\s*,\s*/.exec(text);
  if (!match) return null;
  const topic = readJsonString(text, match[0].length);
  if (!topic?.complete) return null;
  const rest = text.slice(topic.end).replace(/^\s*,\s*/, '');
  const event = readJsonString(rest, 0);
  return event?.complete ? { topic: topic.value, event: event.value } : null;
}

/** Phoenix channels: join ref, ref, topic, event and payload, in the v1 object or the v2 array form. */
export const phoenixDecoder: ProtocolDecoder = {
  protocol: 'phoenix',
  label: 'Phoenix',
  decode(frame: FrameInput): DecodedFrame | null {
    if (frame.binary) return null;
    const { text, cut } = frameText(frame);
    const message = readMessage(parseJson(text));
    if (!message) {
      const head = cut ? readCutArray(text) : null;
      if (!head) return null;
      return { summary: `${head.topic} ${head.event} …`, event: head.event, heartbeat: isHeartbeat(head.topic, head.event), view: { ...head, text }, partial: true };
    }
    const { topic, event, payload } = message;
    const status = event === 'phx_reply' && isObject(payload) && typeof payload['status'] === 'string' ? ` ${payload['status']}` : '';
    const body = event === 'phx_reply' && isObject(payload) ? payload['response'] : payload;
    const shown = isObject(body) && Object.keys(body).length === 0 ? '' : ` ${brief(body, 60)}`;
    const ref = message.ref === null || message.ref === undefined ? '' : ` ref ${String(message.ref)}`;
    return { summary: `${topic} ${event}${status}${ref}${shown}`, event, heartbeat: isHeartbeat(topic, event), view: message, partial: false };
  },
  recognizes(frame: FrameInput): boolean {
    if (frame.binary) return false;
    const message = readMessage(parseJson(frameText(frame).text));
    return message !== null && (message.event === 'phx_join' || message.event === 'heartbeat' || message.event === 'phx_reply');
  },
};
