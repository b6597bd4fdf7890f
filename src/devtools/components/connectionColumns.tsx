import type { ReadonlySignal } from '@preact/signals';
import type { ComponentChildren } from 'preact';
import { protocolLabel } from '../../core/decoders/index';
import type { SocketRecord } from '../../core/types';
import { formatBytes, formatClock, formatDuration, shortUrl } from '../../common/format';
import type { SortColumn } from '../model/sortSockets';
import type { ColumnFit } from '../model/visibleColumns';

/** What a cell may need besides its socket. */
export interface CellContext {
  ordinal: number;
  pageLabel: string;
  /** The clock for open sockets' durations (read only by their Duration cell). */
  now: ReadonlySignal<number>;
}

/**
 * One column of the Connections table. Adding a column is adding an entry here (and, to sort
 * by it, a key in sortSockets).
 */
export interface ConnectionColumn extends ColumnFit {
  label: string;
  title?: string;
  /** Sorts by this key; null for a column that does not sort. */
  sort: SortColumn | null;
  /** Right-aligned numbers. */
  numeric?: boolean;
  /** The cell's class, for styling and for tests (`td.user`). */
  cellClass?: string;
  cell: (socket: SocketRecord, context: CellContext) => ComponentChildren;
  cellTitle?: (socket: SocketRecord) => string | undefined;
}

/** The initiator's function and file:line, the part that fits a cell. */
function shortInitiator(initiator: string | null): string {
  if (!initiator) return '';
  const match = /^(.*?)\s*\((.*)\)$/.exec(initiator);
  const location = (match?.[2] ?? initiator).replace(/^.*\/([^/]+)$/, '$1');
  return match?.[1] ? `${match[1]} @ ${location}` : location;
}

/** How long a socket has lived: it follows the clock while the socket is open, so the tick re-renders this cell only. */
function Duration({ socket, now }: { socket: SocketRecord; now: ReadonlySignal<number> }) {
  return <>{formatDuration((socket.closedAt ?? now.value) - socket.createdAt)}</>;
}

// Priorities: what a user needs at a narrow dock stays (#, state, user, endpoint, duration,
// messages, bytes); where it came from goes first.
export const CONNECTION_COLUMNS: readonly ConnectionColumn[] = [
  { id: 'ordinal', label: '#', title: 'Order of creation, as findings and the timeline name sockets', width: 30, priority: 0, shownByDefault: true, sort: null, numeric: true, cell: (_, c) => c.ordinal },
  {
    id: 'state',
    label: 'State',
    width: 64,
    priority: 0,
    shownByDefault: true,
    sort: 'state',
    cell: (socket) => <span class={`state state-${socket.state}`}>{socket.transport === 'longpoll' ? `${socket.state} (poll)` : socket.state}</span>,
  },
  {
    id: 'user',
    label: 'User',
    width: 70,
    priority: 0,
    shownByDefault: true,
    sort: 'user',
    cellClass: 'user',
    cell: (socket) => socket.identity.userId ?? <span class="muted">unknown</span>,
    cellTitle: (socket) => (socket.identity.source ? `from ${socket.identity.source}` : 'owner unknown'),
  },
  {
    id: 'product',
    label: 'Product',
    title: 'The Stream product (chat, video, feeds); empty for other SDKs',
    width: 54,
    priority: 4,
    shownByDefault: true,
    sort: 'product',
    cellClass: 'product',
    cell: (socket) => socket.identity.product ?? '',
    cellTitle: (socket) => socket.identity.client ?? undefined,
  },
  { id: 'endpoint', label: 'Endpoint', width: 96, priority: 1, shownByDefault: true, sort: 'endpoint', cellClass: 'endpoint', cell: (socket) => shortUrl(socket.url), cellTitle: (socket) => socket.url },
  {
    id: 'initiator',
    label: 'Initiator',
    title: 'The app code that created the socket',
    width: 140,
    priority: 6,
    shownByDefault: true,
    sort: 'initiator',
    cellClass: 'initiator',
    cell: (socket) => shortInitiator(socket.initiator),
    cellTitle: (socket) => socket.initiator ?? 'not known',
  },
  { id: 'page', label: 'Page', title: 'Which document of the tab (with Preserve log on)', width: 120, priority: 8, shownByDefault: true, sort: 'page', cellClass: 'page', cell: (_, c) => c.pageLabel },
  { id: 'created', label: 'Created', width: 92, priority: 5, shownByDefault: true, sort: 'created', numeric: true, cell: (socket) => formatClock(socket.createdAt) },
  { id: 'duration', label: 'Duration', width: 58, priority: 2, shownByDefault: true, sort: 'duration', numeric: true, cell: (socket, c) => <Duration socket={socket} now={c.now} /> },
  {
    id: 'messages',
    label: 'Msgs ↑/↓',
    title: 'Messages sent / received',
    width: 58,
    priority: 2,
    shownByDefault: true,
    sort: 'messages',
    numeric: true,
    cell: (socket) => `${socket.messagesSent} / ${socket.messagesReceived}`,
  },
  {
    id: 'bytes',
    label: 'Bytes ↑/↓',
    title: 'Bytes sent / received',
    width: 96,
    priority: 3,
    shownByDefault: true,
    sort: 'bytes',
    numeric: true,
    cell: (socket) => `${formatBytes(socket.bytesSent)} / ${formatBytes(socket.bytesReceived)}`,
  },
  { id: 'close', label: 'Close', title: 'Close code (reason on hover)', width: 50, priority: 4, shownByDefault: true, sort: 'close', numeric: true, cell: (socket) => socket.closeCode ?? '', cellTitle: (socket) => socket.closeReason ?? undefined },
  {
    id: 'protocol',
    label: 'Protocol',
    title: 'The protocol its frames decode as',
    width: 70,
    priority: 7,
    shownByDefault: true,
    sort: 'protocol',
    cellClass: 'protocol',
    cell: (socket) => (socket.protocol ? protocolLabel(socket.protocol) : ''),
  },
  { id: 'frame', label: 'Frame', title: 'The document (or iframe) that created the socket', width: 140, priority: 7, shownByDefault: true, sort: 'frame', cellClass: 'frame', cell: (socket) => shortUrl(socket.frameUrl), cellTitle: (socket) => socket.frameUrl },
];
