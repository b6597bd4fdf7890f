import type { SocketRecord } from '../core/types';

/**
 * The Filter box: every word must match. `is:open` (or any state) and `has:finding` are
 * keywords; `user:alice` matches the owner; other words match the URL, user, state or frame.
 */
export function filterSockets(sockets: SocketRecord[], query: string, socketsWithFindings: Set<string>): SocketRecord[] {
  const words = query.trim().toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return sockets;
  return sockets.filter((socket) =>
    words.every((word) => {
      if (word.startsWith('is:')) return socket.state === word.slice(3);
      if (word === 'has:finding') return socketsWithFindings.has(socket.id);
      if (word.startsWith('user:')) return (socket.identity.userId ?? '').toLowerCase() === word.slice(5);
      const haystack = `${socket.url} ${socket.identity.userId ?? 'unknown'} ${socket.state} ${socket.frameUrl}`.toLowerCase();
      return haystack.includes(word);
    }),
  );
}
