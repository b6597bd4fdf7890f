import { memo } from 'preact/compat';
import { useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { ReadonlySignal } from '@preact/signals';
import type { SocketRecord } from '../../core/types';
import { useVirtualRows } from '../hooks/useVirtualRows';
import { layoutPrefs } from '../model/layoutPrefs';
import { nextSortOrder, type SortOrder } from '../model/sortSockets';
import { fitColumns } from '../model/visibleColumns';
import { CONNECTION_COLUMNS, type ConnectionColumn } from './connectionColumns';
import { Menu } from './ui/Menu';

const ROW_HEIGHT = 21;
const HEADER_HEIGHT = 23;
const MIN_COLUMN_WIDTH = 28;

export interface ConnectionsTableProps {
  rows: SocketRecord[];
  /** Creation number of each socket, the "#3" findings and the timeline refer to. */
  ordinals: ReadonlyMap<string, number>;
  pageLabels: ReadonlyMap<string, string>;
  currentPageId: string;
  /** The clock: only the Duration cells of open sockets read it, so its tick re-renders them alone. */
  now: ReadonlySignal<number>;
  /** Sockets named by an active error finding, drawn in the error colour. */
  flagged: ReadonlySet<string>;
  sort: SortOrder;
  onSort: (order: SortOrder) => void;
  selectedId: string | null;
  onSelect: (id: string | null) => void;
}

interface RowProps {
  socket: SocketRecord;
  columns: readonly ConnectionColumn[];
  /** Position in the whole (filtered, sorted) table, header row = 1. */
  rowIndex: number;
  ordinal: number;
  pageLabel: string;
  earlierPage: boolean;
  /** Only open sockets' durations move; closed rows get a constant so memo can skip them. */
  /** The clock: only the Duration cells of open sockets read it, so its tick re-renders them alone. */
  now: ReadonlySignal<number>;
  flagged: boolean;
  selected: boolean;
  onSelect: (id: string) => void;
}

const Row = memo(function Row({ socket, columns, rowIndex, ordinal, pageLabel, earlierPage, now, flagged, selected, onSelect }: RowProps) {
  const classes = [flagged ? 'flagged' : '', selected ? 'selected' : '', earlierPage ? 'earlier-page' : ''].filter(Boolean).join(' ');
  const context = { ordinal, pageLabel, now };
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
      {columns.map((column) => (
        <td key={column.id} data-column={column.id} class={[column.cellClass, column.numeric ? 'num' : ''].filter(Boolean).join(' ') || undefined} title={column.cellTitle?.(socket)}>
          {column.cell(socket, context)}
        </td>
      ))}
    </tr>
  );
});

/** The table's width as laid out, so columns can be fitted to it. */
function useWidth(ref: { current: HTMLElement | null }): number {
  const [width, setWidth] = useState(1000);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    setWidth(element.clientWidth);
    const observer = new ResizeObserver(() => setWidth(element.clientWidth));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return width;
}

/** Dragging a header's right edge sets that column's width (remembered). */
function startResize(event: PointerEvent, columnId: string): void {
  event.preventDefault();
  event.stopPropagation();
  const handle = event.currentTarget as HTMLElement;
  const startX = event.clientX;
  const startWidth = handle.parentElement?.getBoundingClientRect().width ?? 80;
  handle.setPointerCapture(event.pointerId);
  const onMove = (move: PointerEvent): void => {
    const width = Math.max(MIN_COLUMN_WIDTH, Math.round(startWidth + move.clientX - startX));
    const prefs = layoutPrefs.value;
    layoutPrefs.value = { ...prefs, columnWidths: { ...prefs.columnWidths, [columnId]: width } };
  };
  const onUp = (): void => {
    handle.removeEventListener('pointermove', onMove);
    handle.removeEventListener('pointerup', onUp);
  };
  handle.addEventListener('pointermove', onMove);
  handle.addEventListener('pointerup', onUp);
}

/**
 * One row per socket: the live picture of what the page holds. Sortable by any column, moved
 * through with the arrow keys, and windowed: rows out of view are not in the DOM (the ones that
 * are keep real table semantics, with aria-rowindex telling where they sit). Columns fit the
 * width (the least needed go first at a narrow dock), resize by their header's edge, and the
 * header's context menu shows or hides them.
 */
export function ConnectionsTable({ rows, ordinals, pageLabels, currentPageId, now, flagged, sort, onSort, selectedId, onSelect }: ConnectionsTableProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const width = useWidth(scrollRef);
  const [menuAt, setMenuAt] = useState<{ x: number; y: number } | null>(null);
  const prefs = layoutPrefs.value;
  // The same array while nothing changed, so memoised rows are not redrawn on every tick.
  const { visible: columns, noRoom } = useMemo(() => fitColumns(CONNECTION_COLUMNS, prefs.columnShown, prefs.columnWidths, width), [prefs.columnShown, prefs.columnWidths, width]);
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

  // The row the keyboard moves from: the selection, or the one selected last (before Esc).
  const anchorId = useRef<string | null>(null);
  if (selectedId !== null) anchorId.current = selectedId;

  const onKeyDown = (event: KeyboardEvent): void => {
    if ((event.target as HTMLElement).closest('thead, .menu')) return;
    const from = selectedId ?? anchorId.current;
    const current = from === null ? -1 : rows.findIndex((socket) => socket.id === from);
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 400) / ROW_HEIGHT) - 1);
    const moves: Record<string, number> = { ArrowDown: current + 1, ArrowUp: Math.max(0, current - 1), PageDown: current + page, PageUp: current - page, Home: 0, End: rows.length - 1 };
    const target = moves[event.key];
    if (target !== undefined) {
      event.preventDefault();
      moveTo(target);
    }
    // Escape is the panel's (App): it closes the detail wherever the focus is.
  };

  const toggleColumn = (column: ConnectionColumn): void => {
    const shown = prefs.columnShown[column.id] ?? column.shownByDefault;
    layoutPrefs.value = { ...prefs, columnShown: { ...prefs.columnShown, [column.id]: !shown } };
  };
  const fixedWidth = columns.reduce((sum, column) => sum + (prefs.columnWidths[column.id] ?? column.width), 0);

  return (
    <div class="table-scroll" ref={scrollRef} onKeyDown={onKeyDown}>
      <table class="connections" aria-label="Connections" aria-rowcount={rows.length + 1} style={{ minWidth: `${fixedWidth}px` }}>
        <colgroup>
          {columns.map((column) => (
            <col key={column.id} style={prefs.columnWidths[column.id] !== undefined || column.numeric || column.priority === 0 ? { width: `${prefs.columnWidths[column.id] ?? column.width}px` } : undefined} />
          ))}
        </colgroup>
        <thead
          onContextMenu={(event) => {
            event.preventDefault();
            setMenuAt({ x: event.clientX, y: event.clientY });
          }}
          title="Right-click to show or hide columns"
        >
          <tr aria-rowindex={1}>
            {columns.map((column) => {
              const active = column.sort !== null && sort.column === column.sort;
              const sortColumn = column.sort;
              return (
                <th key={column.id} scope="col" data-column={column.id} title={column.title} aria-sort={column.sort === null ? undefined : active ? (sort.descending ? 'descending' : 'ascending') : 'none'}>
                  {sortColumn === null ? (
                    <span class="plain-header">{column.label}</span>
                  ) : (
                    <button type="button" class="sort" onClick={() => onSort(nextSortOrder(sort, sortColumn))}>
                      {column.label}
                      <span class="sort-mark" aria-hidden="true">
                        {active ? (sort.descending ? ' ▼' : ' ▲') : ''}
                      </span>
                    </button>
                  )}
                  <span class="resizer" aria-hidden="true" onPointerDown={(event) => startResize(event, column.id)} />
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
                columns={columns}
                rowIndex={item.index + 2}
                ordinal={ordinals.get(socket.id) ?? 0}
                pageLabel={pageLabels.get(socket.pageId) ?? ''}
                earlierPage={socket.pageId !== currentPageId}
                now={now}
                flagged={flagged.has(socket.id)}
                selected={socket.id === selectedId}
                onSelect={onSelect}
              />
            );
          })}
          {padBottom > 0 ? <tr class="spacer" aria-hidden="true" style={{ height: `${padBottom}px` }} /> : null}
        </tbody>
      </table>
      {menuAt ? (
        <Menu label="Columns" at={menuAt} onClose={() => setMenuAt(null)}>
          {CONNECTION_COLUMNS.filter((column) => column.priority > 0 || column.id === 'user').map((column) => {
            const shown = prefs.columnShown[column.id] ?? column.shownByDefault;
            return (
              <button
                key={column.id}
                type="button"
                role="menuitemcheckbox"
                aria-checked={shown}
                onClick={() => {
                  toggleColumn(column);
                  setMenuAt(null);
                }}
              >
                <span class="menu-check" aria-hidden="true">
                  {shown ? '✓' : ''}
                </span>
                {column.title && column.label.includes('/') ? column.title : column.label}
                {noRoom.has(column.id) ? <span class="muted"> (no room at this width)</span> : null}
              </button>
            );
          })}
          <hr />
          <button
            type="button"
            role="menuitem"
            onClick={() => {
              layoutPrefs.value = { ...prefs, columnShown: {}, columnWidths: {} };
              setMenuAt(null);
            }}
          >
            <span class="menu-check" aria-hidden="true" />
            Reset columns
          </button>
        </Menu>
      ) : null}
    </div>
  );
}
