import { memo } from 'preact/compat';
import { useRef } from 'preact/hooks';
import { protocolLabel } from '../../core/decoders/index';
import type { SocketRecord } from '../../core/types';
import { formatBytes, formatClock, formatDuration, shortUrl } from '../../shared/format';
import { useVirtualRows } from '../hooks/useVirtualRows';
import { nextSortOrder, type SortColumn, type SortOrder } from '../model/sortSockets';

const ROW_HEIGHT = 21;
const HEADER_HEIGHT = 23;

interface Column {
  id: SortColumn;
  label: string;
  title?: string;
}

const COLUMNS: readonly Column[] = [
  { id: 'state', label: 'State' },
  { id: 'user', label: 'User' },
  { id: 'endpoint', label: 'Endpoint' },
  { id: 'initiator', label: 'Initiator', title: 'The app code that created the socket' },
  { id: 'page', label: 'Page', title: 'Which document of the tab (with Preserve log on)' },
  { id: 'created', label: 'Created' },
  { id: 'duration', label: 'Duration' },
  { id: 'messages', label: 'Msgs ↑/↓', title: 'Messages sent / received' },
  { id: 'bytes', label: 'Bytes ↑/↓', title: 'Bytes sent / received' },
  { id: 'close', label: 'Close', title: 'Close code (reason on hover)' },
  { id: 'frame', label: 'Frame', title: 'The document (or iframe) that created the socket' },
  { id: 'protocol', label: 'Protocol', title: 'The protocol its frames decode as' },
];

export interface ConnectionsTableProps {
  rows: SocketRecord[];
  /** Creation number of each socket, the "#3" findings and the timeline refer to. */
  ordinals: ReadonlyMap<string, number>;
  pageLabels: ReadonlyMap<string, string>;
  currentPageId: string;
  now: number;
  /** Sockets named by an active error finding, drawn in the error colour. */
  flagged: ReadonlySet<string>;
  sort: SortOrder;
  onSort: (order: SortOrder) => void;
  selectedId: string | null;
  onSelect: (id: string | null) => void;
}

interface RowProps {
  socket: SocketRecord;
  /** Position in the whole (filtered, sorted) table, header row = 1. */
  rowIndex: number;
  ordinal: number;
  pageLabel: string;
  earlierPage: boolean;
  /** Only open sockets' durations move; closed rows get a constant so memo can skip them. */
  now: number;
  flagged: boolean;
  selected: boolean;
  onSelect: (id: string) => void;
}

/** The initiator's function and file:line, the part that fits a cell. */
function shortInitiator(initiator: string | null): string {
  if (!initiator) return '';
  const match = /^(.*?)\s*\((.*)\)$/.exec(initiator);
  const location = (match?.[2] ?? initiator).replace(/^.*\/([^/]+)$/, '$1');
  return match?.[1] ? `${match[1]} @ ${location}` : location;
}

const Row = memo(function Row({ socket, rowIndex, ordinal, pageLabel, earlierPage, now, flagged, selected, onSelect }: RowProps) {
  const classes = [flagged ? 'flagged' : '', selected ? 'selected' : '', earlierPage ? 'earlier-page' : ''].filter(Boolean).join(' ');
  return (
    <tr
      data-socket-id={socket.id}
      data-state={socket.state}
      aria-rowindex={rowIndex}
      class={classes || undefined}
      aria-selected={selected}
      tabIndex={selected ? 0 : -1}
      onClick={() => onSelect(socket.id)}
    >
      <td class="num">{ordinal}</td>
      <td>
        <span class={`state state-${socket.state}`}>{socket.transport === 'longpoll' ? `${socket.state} (poll)` : socket.state}</span>
      </td>
      <td class="user" title={socket.identity.source ? `from ${socket.identity.source}` : 'owner unknown'}>
        {socket.identity.userId ?? <span class="muted">unknown</span>}
      </td>
      <td class="endpoint" title={socket.url}>
        {shortUrl(socket.url)}
      </td>
      <td class="initiator" title={socket.initiator ?? 'not known'}>
        {shortInitiator(socket.initiator)}
      </td>
      <td class="page">{pageLabel}</td>
      <td class="num">{formatClock(socket.createdAt)}</td>
      <td class="num">{formatDuration((socket.closedAt ?? now) - socket.createdAt)}</td>
      <td class="num">
        {socket.messagesSent} / {socket.messagesReceived}
      </td>
      <td class="num">
        {formatBytes(socket.bytesSent)} / {formatBytes(socket.bytesReceived)}
      </td>
      <td title={socket.closeReason ?? undefined}>{socket.closeCode ?? ''}</td>
      <td class="frame" title={socket.frameUrl}>
        {shortUrl(socket.frameUrl)}
      </td>
      <td class="protocol">{socket.protocol ? protocolLabel(socket.protocol) : ''}</td>
    </tr>
  );
});

/**
 * One row per socket: the live picture of what the page holds. Sortable by any column, moved
 * through with the arrow keys, and windowed: rows out of view are not in the DOM (the ones that
 * are keep real table semantics, with aria-rowindex telling where they sit).
 */
export function ConnectionsTable({ rows, ordinals, pageLabels, currentPageId, now, flagged, sort, onSort, selectedId, onSelect }: ConnectionsTableProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualRows({ count: rows.length, rowHeight: ROW_HEIGHT, headerHeight: HEADER_HEIGHT, getScrollElement: () => scrollRef.current });
  const items = virtualizer.getVirtualItems();
  const first = items[0];
  const last = items.at(-1);
  const padTop = first ? first.start : 0;
  const padBottom = last ? virtualizer.getTotalSize() - last.end : 0;

  const moveTo = (index: number): void => {
    const target = rows[Math.max(0, Math.min(rows.length - 1, index))];
    if (!target) return;
    onSelect(target.id);
    virtualizer.scrollToIndex(rows.indexOf(target), { align: 'auto' });
    // Focus follows the selection once the row is rendered.
    requestAnimationFrame(() => scrollRef.current?.querySelector<HTMLElement>(`tr[data-socket-id="${CSS.escape(target.id)}"]`)?.focus());
  };

  const onKeyDown = (event: KeyboardEvent): void => {
    const current = selectedId === null ? -1 : rows.findIndex((socket) => socket.id === selectedId);
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 400) / ROW_HEIGHT) - 1);
    const moves: Record<string, number> = { ArrowDown: current + 1, ArrowUp: Math.max(0, current - 1), PageDown: current + page, PageUp: current - page, Home: 0, End: rows.length - 1 };
    const target = moves[event.key];
    if (target !== undefined) {
      event.preventDefault();
      moveTo(target);
    } else if (event.key === 'Escape' && selectedId !== null) {
      event.preventDefault();
      onSelect(null);
    }
  };

  return (
    <div class="table-scroll" ref={scrollRef} onKeyDown={onKeyDown}>
      <table class="connections" aria-label="Connections" aria-rowcount={rows.length + 1}>
        <thead>
          <tr aria-rowindex={1}>
            <th scope="col" title="Order of creation, as findings and the timeline name sockets">
              <span class="plain-header">#</span>
            </th>
            {COLUMNS.map((column) => {
              const active = sort.column === column.id;
              return (
                <th key={column.id} scope="col" title={column.title} aria-sort={active ? (sort.descending ? 'descending' : 'ascending') : 'none'}>
                  <button type="button" class="sort" onClick={() => onSort(nextSortOrder(sort, column.id))}>
                    {column.label}
                    <span class="sort-mark" aria-hidden="true">
                      {active ? (sort.descending ? ' ▼' : ' ▲') : ''}
                    </span>
                  </button>
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody
          // The body takes focus when nothing is selected yet, so the arrow keys work at once.
          tabIndex={selectedId === null && rows.length > 0 ? 0 : -1}
        >
          {padTop > 0 ? <tr class="spacer" aria-hidden="true" style={{ height: `${padTop}px` }} /> : null}
          {items.map((item) => {
            const socket = rows[item.index];
            if (!socket) return null;
            return (
              <Row
                key={socket.id}
                socket={socket}
                rowIndex={item.index + 2}
                ordinal={ordinals.get(socket.id) ?? 0}
                pageLabel={pageLabels.get(socket.pageId) ?? ''}
                earlierPage={socket.pageId !== currentPageId}
                now={socket.closedAt === null ? now : 0}
                flagged={flagged.has(socket.id)}
                selected={socket.id === selectedId}
                onSelect={onSelect}
              />
            );
          })}
          {padBottom > 0 ? <tr class="spacer" aria-hidden="true" style={{ height: `${padBottom}px` }} /> : null}
        </tbody>
      </table>
    </div>
  );
}
