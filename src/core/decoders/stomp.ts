import { brief, frameText } from './frameText';
import type { DecodedFrame, FrameInput, ProtocolDecoder } from './types';

const CLIENT_COMMANDS = ['CONNECT', 'STOMP', 'SEND', 'SUBSCRIBE', 'UNSUBSCRIBE', 'ACK', 'NACK', 'BEGIN', 'COMMIT', 'ABORT', 'DISCONNECT'];
const SERVER_COMMANDS = ['CONNECTED', 'MESSAGE', 'RECEIPT', 'ERROR'];
const COMMANDS = new Set([...CLIENT_COMMANDS, ...SERVER_COMMANDS]);
/** Headers whose values are credentials: never shown decoded. */
const SECRET_HEADERS = new Set(['passcode', 'password', 'authorization', 'token']);

/** STOMP 1.2 header escapes. */
function unescapeHeader(value: string): string {
  return value.replace(/\\([rnc\\])/g, (_m, code: string) => ({ r: '\r', n: '\n', c: ':', '\\': '\\' })[code] ?? code);
}

export interface StompFrame {
  command: string;
  headers: Record<string, string>;
  body: string;
}

/** One STOMP frame: a command line, `name:value` headers, a blank line, the body up to NUL. Null when it is none. */
export function parseStomp(text: string): { frame: StompFrame; complete: boolean } | null {
  // Heart-beats (bare EOLs) may precede a frame in the same message.
  const start = text.search(/[^\r\n]/);
  if (start === -1) return null;
  const lines = text.slice(start).split(/\r?\n/);
  const command = lines[0] ?? '';
  if (!COMMANDS.has(command)) return null;
  const headers: Record<string, string> = {};
  let i = 1;
  for (; i < lines.length; i++) {
    const line = lines[i] as string;
    if (line === '') break;
    const colon = line.indexOf(':');
    // A last line without its colon is a header cut short, not a malformed frame.
    if (colon <= 0 && i === lines.length - 1) break;
    if (colon <= 0) return null;
    const name = unescapeHeader(line.slice(0, colon));
    // The first occurrence of a repeated header wins (STOMP 1.2).
    if (!(name in headers)) headers[name] = SECRET_HEADERS.has(name.toLowerCase()) ? '[REDACTED]' : unescapeHeader(line.slice(colon + 1));
  }
  const rest = lines.slice(i + 1).join('\n');
  const nul = rest.indexOf('\0');
  return { frame: { command, headers, body: nul === -1 ? rest : rest.slice(0, nul) }, complete: i < lines.length - 1 && nul !== -1 };
}

function summaryOf({ command, headers, body }: StompFrame): string {
  const parts: string[] = [command];
  if (headers['destination']) parts.push(headers['destination']);
  if (command === 'CONNECT' || command === 'STOMP') parts.push(`accept-version ${headers['accept-version'] ?? '1.0'}`, headers['host'] ? `host ${headers['host']}` : '');
  if (command === 'CONNECTED') parts.push(`version ${headers['version'] ?? '1.0'}`, headers['heart-beat'] ? `heart-beat ${headers['heart-beat']}` : '');
  if (command === 'SUBSCRIBE' || command === 'UNSUBSCRIBE') parts.push(headers['id'] ? `id ${headers['id']}` : '');
  if (command === 'RECEIPT') parts.push(`receipt ${headers['receipt-id'] ?? ''}`);
  if (command === 'ERROR') parts.push(headers['message'] ?? '');
  if (body !== '') parts.push(brief(body, 60));
  return parts.filter(Boolean).join(' ');
}

/** A STOMP frame's text (plain or inside SockJS) as a decoded frame. */
export function decodeStompText(text: string, cut: boolean): DecodedFrame | null {
  if (text !== '' && /^[\r\n]+$/.test(text)) return { summary: 'heart-beat', event: 'heart-beat', heartbeat: true, view: { heartBeat: true }, partial: false };
  const parsed = parseStomp(text);
  if (!parsed) return null;
  const { frame, complete } = parsed;
  return { summary: summaryOf(frame), event: frame.command, heartbeat: false, view: frame, partial: cut && !complete };
}

/** STOMP (1.0–1.2): command, headers, body; a bare EOL is a heart-beat. */
export const stompDecoder: ProtocolDecoder = {
  protocol: 'stomp',
  label: 'STOMP',
  decode(frame: FrameInput): DecodedFrame | null {
    if (frame.binary) return null;
    const { text, cut } = frameText(frame);
    return decodeStompText(text, cut);
  },
  recognizes(frame: FrameInput): boolean {
    if (frame.binary) return false;
    return /^(CONNECT|STOMP|CONNECTED)\r?\n/.test(frameText(frame).text);
  },
};
