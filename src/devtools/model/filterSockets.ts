import type { SocketRecord } from '../../core/types';

/**
 * The Filter box: every word must match. Keywords: `is:<state>` (is:open, is:closed…),
 * `has:finding`, `user:<id>` (`user:unknown` for sockets without an owner), `-word` to exclude.
 * Other words match the URL, user, state, initiator or frame URL.
 */
export function filterSockets(sockets: SocketRecord[], query: string, socketsWithFindings: ReadonlySet<string>): SocketRecord[] {
  const words = query.trim().toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return sockets;
  return sockets.filter((socket) =>
    words.every((word) => {
      const negated = word.startsWith('-') && word.length > 1;
      const matched = matchesWord(socket, negated ? word.slice(1) : word, socketsWithFindings);
      return negated ? !matched : matched;
    }),
  );
}

function matchesWord(socket: SocketRecord, word: string, socketsWithFindings: ReadonlySet<string>): boolean {
  if (word.startsWith('is:')) return socket.state === word.slice(3);
  if (word === 'has:finding') return socketsWithFindings.has(socket.id);
  if (word.startsWith('user:')) return (socket.identity.userId ?? 'unknown').toLowerCase() === word.slice(5);
  const haystack = `${socket.url} ${socket.identity.userId ?? 'unknown'} ${socket.state} ${socket.initiator ?? ''} ${socket.frameUrl}`.toLowerCase();
  return haystack.includes(word);
}
