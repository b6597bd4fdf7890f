import type { SocketRecord, SocketState } from '../../core/types';

const STATES: readonly SocketState[] = ['connecting', 'open', 'closing', 'closed'];

/** The Filter box's keywords, as the hint under the box lists them. */
export const FILTER_KEYWORDS: ReadonlyArray<{ keyword: string; means: string }> = [
  { keyword: `is:${STATES.join('|')}`, means: 'state' },
  { keyword: 'has:finding', means: 'named by a finding, active or resolved' },
  { keyword: 'user:<id>', means: 'owner (user:unknown: none)' },
  { keyword: '-word', means: 'exclude' },
];

/** What free text is matched against, as the hint says. */
export const FILTER_TEXT_FIELDS = 'URL, user, state, initiator, frame, close code and reason, connection id, frame text';

/** A keyword-looking word (`state:open`, `is:foo`) that is none of FILTER_KEYWORDS; `host:8080` is text. */
function isUnknownKeyword(word: string): boolean {
  const match = /^([a-z][a-z-]*):(.+)$/.exec(word);
  if (!match) return false;
  const [, name, value = ''] = match;
  if (/^\d+$/.test(value) || value.startsWith('/')) return false;
  if (name === 'is') return !(STATES as readonly string[]).includes(value);
  if (name === 'has') return value !== 'finding';
  return name !== 'user';
}

function wordsOf(query: string): string[] {
  return query.trim().toLowerCase().split(/\s+/).filter(Boolean);
}

/** The words of a query that look like keywords but are not ones the filter knows. */
export function unknownKeywords(query: string): string[] {
  return wordsOf(query)
    .map((word) => (word.startsWith('-') ? word.slice(1) : word))
    .filter(isUnknownKeyword);
}

/**
 * The Filter box: every word must match. Keywords: `is:<state>` (is:open, is:closed…),
 * `has:finding`, `user:<id>` (`user:unknown` for sockets without an owner), `-word` to exclude.
 * Other words (an unknown keyword too) match the text of FILTER_TEXT_FIELDS.
 */
export function filterSockets(sockets: SocketRecord[], query: string, socketsWithFindings: ReadonlySet<string>): SocketRecord[] {
  const words = wordsOf(query);
  if (words.length === 0) return sockets;
  return sockets.filter((socket) =>
    words.every((word) => {
      const negated = word.startsWith('-') && word.length > 1;
      const matched = matchesWord(socket, negated ? word.slice(1) : word, socketsWithFindings);
      return negated ? !matched : matched;
    }),
  );
}

/** Records are immutable (a change makes a new one): each one's text is built once, not per keystroke. */
const textCache = new WeakMap<SocketRecord, string>();

/** The searchable text of a socket: what its row and detail show. */
function textOf(socket: SocketRecord): string {
  const cached = textCache.get(socket);
  if (cached !== undefined) return cached;
  const frames = socket.frames.map((frame) => frame.preview).join('\n');
  const text = `${socket.url} ${socket.identity.userId ?? 'unknown'} ${socket.state} ${socket.transport} ${socket.initiator ?? ''} ${socket.frameUrl} ${socket.closeCode ?? ''} ${socket.closeReason ?? ''} ${socket.identity.connectionId ?? ''}\n${frames}`.toLowerCase();
  textCache.set(socket, text);
  return text;
}

function matchesWord(socket: SocketRecord, word: string, socketsWithFindings: ReadonlySet<string>): boolean {
  if (!isUnknownKeyword(word)) {
    if (word.startsWith('is:')) return socket.state === word.slice(3);
    if (word === 'has:finding') return socketsWithFindings.has(socket.id);
    if (word.startsWith('user:')) return (socket.identity.userId ?? 'unknown').toLowerCase() === word.slice(5);
  }
  return textOf(socket).includes(word);
}
