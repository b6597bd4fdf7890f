import type { SocketRecord } from '../../core/types';

export type SortColumn = 'state' | 'user' | 'product' | 'endpoint' | 'protocol' | 'initiator' | 'page' | 'created' | 'duration' | 'messages' | 'bytes' | 'close' | 'frame';

export interface SortOrder {
  column: SortColumn;
  descending: boolean;
}

/** Creation order, oldest first: the order things happened, like the Network panel's default. */
export const DEFAULT_SORT: SortOrder = { column: 'created', descending: false };

// Live sockets first when sorting by state: they are what a user is looking for.
const STATE_RANK: Record<SocketRecord['state'], number> = { open: 0, connecting: 1, closing: 2, closed: 3 };

type Key = string | number;

function keyOf(socket: SocketRecord, column: SortColumn, now: number, pageIndex: ReadonlyMap<string, number>): Key {
  switch (column) {
    case 'state':
      return STATE_RANK[socket.state];
    case 'user':
      // Unknown owners sort after every named user.
      return socket.identity.userId ?? '\uffff';
    case 'product':
      return socket.identity.product ?? '\uffff';
    case 'endpoint':
      return socket.url;
    case 'protocol':
      return socket.protocol ?? '\uffff';
    case 'initiator':
      return socket.initiator ?? '\uffff';
    case 'page':
      return pageIndex.get(socket.pageId) ?? 0;
    case 'created':
      return socket.createdAt;
    case 'duration':
      return (socket.closedAt ?? now) - socket.createdAt;
    case 'messages':
      return socket.messagesSent + socket.messagesReceived;
    case 'bytes':
      return socket.bytesSent + socket.bytesReceived;
    case 'close':
      return socket.closeCode ?? -1;
    case 'frame':
      return socket.frameUrl;
  }
}

function compareKeys(a: Key, b: Key): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a).localeCompare(String(b));
}

/** A sorted copy; ties keep creation order so rows do not jump about while live data changes. */
export function sortSockets(sockets: SocketRecord[], order: SortOrder, now: number, pageIndex: ReadonlyMap<string, number>): SocketRecord[] {
  const sign = order.descending ? -1 : 1;
  const keyed = sockets.map((socket, index) => ({ socket, index, key: keyOf(socket, order.column, now, pageIndex) }));
  keyed.sort((a, b) => sign * compareKeys(a.key, b.key) || a.index - b.index);
  return keyed.map((entry) => entry.socket);
}

/** Clicking a column: first ascending, again to flip. */
export function nextSortOrder(current: SortOrder, column: SortColumn): SortOrder {
  return current.column === column ? { column, descending: !current.descending } : { column, descending: false };
}
