import { brief, frameText, isObject, parseJson, stringField } from './frameText';
import type { DecodedFrame, FrameInput, ProtocolDecoder } from './types';

/** graphql-ws (`graphql-transport-ws`) and the older subscriptions-transport-ws (`graphql-ws`). */
const MESSAGE_TYPES = new Set([
  'connection_init', 'connection_ack', 'ping', 'pong', 'subscribe', 'next', 'error', 'complete',
  'connection_error', 'connection_terminate', 'ka', 'start', 'data', 'stop',
]);
/** `ka` is subscriptions-transport-ws's keep-alive; ping/pong graphql-ws's. */
const KEEP_ALIVES = new Set(['ping', 'pong', 'ka']);

/** The operation's name: `operationName`, else the name in the query text (`subscription OnMessage {`). */
export function operationOf(payload: unknown): { name: string | null; kind: string | null } {
  if (!isObject(payload)) return { name: null, kind: null };
  const query = typeof payload['query'] === 'string' ? payload['query'] : '';
  const match = /\b(query|mutation|subscription)\b\s*([_A-Za-z][_0-9A-Za-z]*)?/.exec(query);
  const kind = match?.[1] ?? (query.trim().startsWith('{') ? 'query' : null);
  const name = typeof payload['operationName'] === 'string' ? payload['operationName'] : (match?.[2] ?? null);
  return { name, kind };
}

/** GraphQL over WebSocket: message types, operation ids and names, results. */
export const graphqlWsDecoder: ProtocolDecoder = {
  protocol: 'graphql-ws',
  label: 'GraphQL WS',
  decode(frame: FrameInput): DecodedFrame | null {
    if (frame.binary) return null;
    const { text, cut } = frameText(frame);
    const message = parseJson(text);
    if (!isObject(message)) {
      const type = cut ? stringField(text, 'type') : null;
      if (type === null || !MESSAGE_TYPES.has(type)) return null;
      const id = stringField(text, 'id');
      return { summary: `${type}${id ? ` #${id}` : ''} …`, event: type, heartbeat: KEEP_ALIVES.has(type), view: { type, id, text }, partial: true };
    }
    const type = message['type'];
    if (typeof type !== 'string' || !MESSAGE_TYPES.has(type)) return null;
    const id = typeof message['id'] === 'string' || typeof message['id'] === 'number' ? ` #${message['id']}` : '';
    let detail = '';
    if (type === 'subscribe' || type === 'start') {
      const operation = operationOf(message['payload']);
      detail = ` ${[operation.kind, operation.name].filter(Boolean).join(' ') || 'anonymous operation'}`;
    } else if (type === 'next' || type === 'data' || type === 'error' || type === 'connection_error') {
      detail = ` ${brief(message['payload'], 70)}`;
    }
    return { summary: `${type}${id}${detail}`, event: type, heartbeat: KEEP_ALIVES.has(type), view: message, partial: false };
  },
  recognizes(frame: FrameInput): boolean {
    if (frame.binary) return false;
    const message = parseJson(frameText(frame).text);
    return isObject(message) && (message['type'] === 'connection_init' || message['type'] === 'connection_ack');
  },
};
