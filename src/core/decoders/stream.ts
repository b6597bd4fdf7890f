import { brief, frameText, isObject, parseJson, stringField } from './frameText';
import type { DecodedFrame, FrameInput, ProtocolDecoder } from './types';

/** Server events that open a Stream socket (chat's health.check with `me`, video and feeds' connection.ok). */
const GREETINGS = new Set(['health.check', 'connection.ok', 'connection.error']);

function userOf(event: Record<string, unknown>): string | null {
  for (const holder of [event['user'], event['me'], isObject(event['message']) ? event['message']['user'] : undefined, event['user_details']]) {
    if (isObject(holder) && typeof holder['id'] === 'string') return holder['id'];
  }
  return typeof event['user_id'] === 'string' ? event['user_id'] : null;
}

function decodeEvent(event: Record<string, unknown>, partial: boolean): DecodedFrame | null {
  const error = event['error'];
  if (isObject(error)) {
    const code = typeof error['code'] === 'number' ? ` ${error['code']}` : '';
    return { summary: `error${code}: ${String(error['message'] ?? '')}`, event: 'error', heartbeat: false, view: event, partial };
  }
  // Video and feeds authenticate with a first client frame, `{token, user_details, products}`.
  if (typeof event['type'] !== 'string') {
    if (!('token' in event) && !('user_details' in event)) return null;
    const user = userOf(event);
    const products = Array.isArray(event['products']) ? ` products ${event['products'].join(', ')}` : '';
    return { summary: `auth${user ? ` as ${user}` : ''}${products}`, event: 'auth', heartbeat: false, view: event, partial };
  }
  const type = event['type'];
  const cid = typeof event['cid'] === 'string' ? event['cid'] : typeof event['call_cid'] === 'string' ? event['call_cid'] : null;
  const user = userOf(event);
  const text = isObject(event['message']) && typeof event['message']['text'] === 'string' ? ` ${brief(event['message']['text'], 60)}` : '';
  const summary = [type, cid, user ? `by ${user}` : null].filter(Boolean).join(' · ') + text;
  // The first health.check carries `me`: it is the connect answer, not a keep-alive.
  const heartbeat = type === 'health.check' && !('me' in event);
  return { summary, event: type, heartbeat, view: event, partial };
}

/**
 * Stream's Chat, Video and Feeds sockets: JSON events named by `type` (`message.new`,
 * `health.check`…), a channel `cid` or a `call_cid`, the acting user. The client's keep-alive
 * is an array of one `health.check`.
 */
export const streamDecoder: ProtocolDecoder = {
  protocol: 'stream',
  label: 'Stream',
  decode(frame: FrameInput): DecodedFrame | null {
    if (frame.binary) return null;
    const { text, cut } = frameText(frame);
    const value = parseJson(text);
    if (Array.isArray(value) && value.length > 0 && value.every(isObject)) {
      const decoded = value.map((event) => decodeEvent(event, false));
      if (decoded.some((entry) => entry === null)) return null;
      const events = decoded as DecodedFrame[];
      const first = events[0] as DecodedFrame;
      return { summary: events.length === 1 ? first.summary : `${first.summary} +${events.length - 1} more`, event: first.event, heartbeat: events.every((entry) => entry.heartbeat), view: value, partial: false };
    }
    if (isObject(value)) return decodeEvent(value, false);
    if (!cut) return null;
    // A long event cut at the cap: its type still names it.
    const type = stringField(text, 'type');
    if (type === null) return null;
    const cid = stringField(text, 'cid');
    return { summary: [type, cid].filter(Boolean).join(' · '), event: type, heartbeat: type === 'health.check' && !/"me"\s*:/.test(text), view: { type, ...(cid ? { cid } : {}), text }, partial: true };
  },
  recognizes(frame: FrameInput): boolean {
    if (frame.binary) return false;
    const value = parseJson(frameText(frame).text);
    const first = Array.isArray(value) ? value[0] : value;
    if (!isObject(first)) return false;
    if (typeof first['type'] === 'string') return GREETINGS.has(first['type']) && ('connection_id' in first || 'client_id' in first || 'me' in first);
    return 'token' in first && ('user_details' in first || 'products' in first);
  },
};
