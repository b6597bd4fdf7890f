import { brief, frameText, parseJson, readJsonString } from './frameText';
import { decodeStompText } from './stomp';
import type { DecodedFrame, FrameInput, ProtocolDecoder } from './types';

/** An application message inside SockJS: STOMP when it is STOMP, else its JSON or text as is. */
function decodeInner(message: string, cut: boolean): DecodedFrame {
  const stomp = decodeStompText(message, cut);
  if (stomp) return stomp;
  const json = parseJson(message);
  const view = json === undefined ? message : json;
  return { summary: brief(view, 80), event: null, heartbeat: false, view, partial: cut };
}

/** The messages of a JSON array of strings, `["a","b"]`, as far as a cut text goes. */
function readStringArray(text: string): { messages: string[]; complete: boolean } | null {
  const whole = parseJson(text);
  if (Array.isArray(whole)) return whole.every((entry) => typeof entry === 'string') ? { messages: whole as string[], complete: true } : null;
  if (!text.startsWith('[')) return null;
  const messages: string[] = [];
  let i = 1;
  while (i < text.length) {
    while (text[i] === ' ' || text[i] === ',') i++;
    if (i >= text.length) break;
    const read = readJsonString(text, i);
    if (!read) return null;
    messages.push(read.value);
    if (!read.complete) break;
    i = read.end;
    if (text[i] === ']') break;
  }
  return { messages, complete: false };
}

function messagesFrame(kind: 'a' | 'send', messages: string[], complete: boolean, cut: boolean): DecodedFrame {
  const inner = messages.map((message, index) => decodeInner(message, cut && !complete && index === messages.length - 1));
  const first = inner[0];
  const label = kind === 'a' ? 'a' : 'send';
  const summary = first ? `${label}[${inner.length}${complete ? '' : '+'}] ${first.summary}${inner.length > 1 ? ` +${inner.length - 1} more` : ''}` : `${label}[]`;
  return {
    summary,
    event: first?.event ?? 'message',
    heartbeat: inner.length > 0 && inner.every((entry) => entry.heartbeat),
    view: { type: kind === 'a' ? 'messages' : 'send', messages: inner.map((entry) => entry.view) },
    partial: cut && !complete,
  };
}

/**
 * SockJS over a WebSocket: the server's `o` (open), `h` (heartbeat), `a[...]` (messages) and
 * `c[code,"reason"]` (close); the client sends a JSON array of messages. Each message is decoded
 * in its own protocol (STOMP when it is STOMP).
 */
export const sockJsDecoder: ProtocolDecoder = {
  protocol: 'sockjs',
  label: 'SockJS',
  decode(frame: FrameInput): DecodedFrame | null {
    if (frame.binary) return null;
    const { text, cut } = frameText(frame);
    if (frame.direction === 'out') {
      const array = readStringArray(text);
      return array ? messagesFrame('send', array.messages, array.complete, cut) : null;
    }
    if (text === 'o') return { summary: 'open', event: 'open', heartbeat: false, view: { type: 'open' }, partial: false };
    if (text === 'h') return { summary: 'heartbeat', event: 'heartbeat', heartbeat: true, view: { type: 'heartbeat' }, partial: false };
    if (text.startsWith('c')) {
      const close = parseJson(text.slice(1));
      if (!Array.isArray(close)) return null;
      return { summary: `close ${close.join(' ')}`, event: 'close', heartbeat: false, view: { type: 'close', code: close[0], reason: close[1] }, partial: false };
    }
    if (text.startsWith('a')) {
      const array = readStringArray(text.slice(1));
      return array ? messagesFrame('a', array.messages, array.complete, cut) : null;
    }
    if (text.startsWith('m')) {
      const message = readJsonString(text, 1);
      return message ? messagesFrame('a', [message.value], message.complete, cut) : null;
    }
    return null;
  },
  recognizes(frame: FrameInput): boolean {
    return !frame.binary && frame.direction === 'in' && frame.preview === 'o';
  },
};
