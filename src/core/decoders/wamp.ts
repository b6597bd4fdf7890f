import { brief, frameText, parseJson } from './frameText';
import type { DecodedFrame, FrameInput, ProtocolDecoder } from './types';

/** WAMP v2 message codes. */
const CODES: Record<number, string> = {
  1: 'HELLO', 2: 'WELCOME', 3: 'ABORT', 4: 'CHALLENGE', 5: 'AUTHENTICATE', 6: 'GOODBYE', 8: 'ERROR',
  16: 'PUBLISH', 17: 'PUBLISHED', 32: 'SUBSCRIBE', 33: 'SUBSCRIBED', 34: 'UNSUBSCRIBE', 35: 'UNSUBSCRIBED', 36: 'EVENT',
  48: 'CALL', 49: 'CANCEL', 50: 'RESULT', 64: 'REGISTER', 65: 'REGISTERED', 66: 'UNREGISTER', 67: 'UNREGISTERED',
  68: 'INVOCATION', 69: 'INTERRUPT', 70: 'YIELD',
};
/** Position of the URI (realm, topic, procedure, reason, error) in each message that has one. */
const URI_AT: Record<string, number> = { HELLO: 1, ABORT: 2, GOODBYE: 2, ERROR: 4, PUBLISH: 3, SUBSCRIBE: 3, CALL: 3, REGISTER: 3 };
/** Position of the positional arguments, where a message carries them. */
const ARGS_AT: Record<string, number> = { PUBLISH: 4, EVENT: 4, CALL: 4, RESULT: 3, INVOCATION: 4, YIELD: 3, ERROR: 5 };
const FIELD_NAMES: Record<string, string[]> = {
  HELLO: ['realm', 'details'], WELCOME: ['session', 'details'], ABORT: ['details', 'reason'], GOODBYE: ['details', 'reason'],
  ERROR: ['requestType', 'request', 'details', 'error', 'args', 'kwargs'], PUBLISH: ['request', 'options', 'topic', 'args', 'kwargs'],
  PUBLISHED: ['request', 'publication'], SUBSCRIBE: ['request', 'options', 'topic'], SUBSCRIBED: ['request', 'subscription'],
  UNSUBSCRIBE: ['request', 'subscription'], UNSUBSCRIBED: ['request'], EVENT: ['subscription', 'publication', 'details', 'args', 'kwargs'],
  CALL: ['request', 'options', 'procedure', 'args', 'kwargs'], RESULT: ['request', 'details', 'args', 'kwargs'],
  REGISTER: ['request', 'options', 'procedure'], REGISTERED: ['request', 'registration'], INVOCATION: ['request', 'registration', 'details', 'args', 'kwargs'],
  YIELD: ['request', 'options', 'args', 'kwargs'],
};

/** WAMP v2 over JSON (`wamp.2.json`): `[code, ...]` arrays, each code shown by name with its fields. */
export const wampDecoder: ProtocolDecoder = {
  protocol: 'wamp',
  label: 'WAMP',
  decode(frame: FrameInput): DecodedFrame | null {
    if (frame.binary) return null;
    const { text, cut } = frameText(frame);
    const message = parseJson(text);
    if (!Array.isArray(message)) {
      const code = /^\[\s*(\d+)\s*,/.exec(text);
      const name = code ? CODES[Number(code[1])] : undefined;
      if (!cut || !name) return null;
      // HELLO's realm comes first, before its long role list.
      const realm = name === 'HELLO' ? /^\[\s*1\s*,\s*"([^"]*)"/.exec(text)?.[1] : undefined;
      return { summary: `${name}${realm ? ` ${realm}` : ''} …`, event: name, heartbeat: false, view: { message: name, ...(realm ? { realm } : {}), text }, partial: true };
    }
    const name = typeof message[0] === 'number' ? CODES[message[0]] : undefined;
    if (!name) return null;
    const view: Record<string, unknown> = { message: name };
    (FIELD_NAMES[name] ?? []).forEach((field, index) => {
      if (index + 1 < message.length) view[field] = message[index + 1];
    });
    if (name === 'ERROR' && typeof message[1] === 'number') view['requestType'] = CODES[message[1]] ?? message[1];
    const uriAt = URI_AT[name];
    const uri = uriAt === undefined || typeof message[uriAt] !== 'string' ? '' : ` ${message[uriAt]}`;
    const argsAt = ARGS_AT[name];
    const args = argsAt !== undefined && Array.isArray(message[argsAt]) ? ` ${brief(message[argsAt], 60)}` : '';
    return { summary: `${name}${uri}${args}`, event: name, heartbeat: false, view, partial: false };
  },
  recognizes(frame: FrameInput): boolean {
    if (frame.binary) return false;
    const message = parseJson(frameText(frame).text);
    // HELLO [1, "realm", {roles}] and WELCOME [2, session, {roles}].
    return Array.isArray(message) && message.length === 3 && (message[0] === 1 || message[0] === 2) && typeof message[2] === 'object' && message[2] !== null && 'roles' in message[2];
  },
};
