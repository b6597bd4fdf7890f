import { computed, signal, type ReadonlySignal, type Signal } from '@preact/signals';
import { parseReport } from '../../core/report';
import type { SocketRecord, TabView } from '../../core/types';
import { shortUrl } from '../../shared/format';
import type { PanelConnection } from '../../shared/panelConnection';
import { withBrowserInitiators } from './browserInitiators';
import { filterSockets } from './filterSockets';
import { importedView, type ImportedReport } from '../../core/importedReport';
import { DEFAULT_SORT, sortSockets, type SortOrder } from './sortSockets';
import { FIT, type TimelineZoom } from './timelineLayout';

export type DetailTab = 'overview' | 'frames' | 'initiator';

/**
 * Everything the panel shows, as signals derived from the worker's snapshots (or an imported
 * report). Components read what they need; a change re-renders only what read it.
 */
export interface PanelModel {
  connection: PanelConnection;
  filter: Signal<string>;
  sort: Signal<SortOrder>;
  selectedId: Signal<string | null>;
  detailTab: Signal<DetailTab>;
  zoom: Signal<TimelineZoom>;
  imported: Signal<ImportedReport | null>;
  importError: Signal<string | null>;
  /** What is shown: the imported report while one is open, else the live tab. */
  view: ReadonlySignal<TabView | null>;
  now: ReadonlySignal<number>;
  sockets: ReadonlySignal<SocketRecord[]>;
  /** The sockets the filter lets through, in creation order (the timeline's picture). */
  filtered: ReadonlySignal<SocketRecord[]>;
  /** The filtered, sorted rows of the table. */
  rows: ReadonlySignal<SocketRecord[]>;
  ordinals: ReadonlySignal<Map<string, number>>;
  pageLabels: ReadonlySignal<Map<string, string>>;
  /** Sockets named by an active finding of any severity (has:finding). */
  withFinding: ReadonlySignal<Set<string>>;
  /** Sockets named by an active error finding (drawn in the error colour). */
  flagged: ReadonlySignal<Set<string>>;
  selected: ReadonlySignal<SocketRecord | null>;
  select(id: string | null): void;
  importText(fileName: string, text: string): void;
  backToLive(): void;
}

/** Durations and the timeline's "now" move once a second; nothing else depends on the clock. */
const CLOCK_INTERVAL_MS = 1000;

export function createPanelModel(connection: PanelConnection): PanelModel {
  const filter = signal('');
  const sort = signal<SortOrder>(DEFAULT_SORT);
  const selectedId = signal<string | null>(null);
  const detailTab = signal<DetailTab>('overview');
  const zoom = signal<TimelineZoom>(FIT);
  const imported = signal<ImportedReport | null>(null);
  const importError = signal<string | null>(null);
  const clock = signal(Date.now());
  // The panel lives as long as its page: the timer never needs stopping.
  setInterval(() => (clock.value = Date.now()), CLOCK_INTERVAL_MS);

  // The live tab's view with DevTools' own initiator stacks applied (app frames, causes).
  const view = computed(() => imported.value?.view ?? withBrowserInitiators(connection.view.value));
  // An imported report is a still picture: its clock stopped when it was made.
  const now = computed(() => (imported.value ? imported.value.view.now : Math.max(clock.value, connection.view.value?.now ?? 0)));
  const sockets = computed(() => {
    const state = view.value?.state;
    if (!state) return [];
    return state.socketOrder.map((id) => state.sockets[id]).filter((socket): socket is SocketRecord => socket !== undefined);
  });
  const ordinals = computed(() => new Map(view.value?.state.socketOrder.map((id, index) => [id, index + 1]) ?? []));
  const pageLabels = computed(() => {
    const pages = view.value?.state.pages ?? [];
    return new Map(pages.map((page, index) => [page.id, `${index + 1} · ${shortUrl(page.url)}`]));
  });
  const pageIndex = computed(() => new Map((view.value?.state.pages ?? []).map((page, index) => [page.id, index])));
  const socketsOfFindings = (errorsOnly: boolean): Set<string> => {
    const ids = new Set<string>();
    for (const finding of view.value?.state.findings ?? []) {
      if (finding.active && (!errorsOnly || finding.severity === 'error')) for (const id of finding.socketIds) ids.add(id);
    }
    return ids;
  };
  const withFinding = computed(() => socketsOfFindings(false));
  const flagged = computed(() => socketsOfFindings(true));
  const filtered = computed(() => filterSockets(sockets.value, filter.value, withFinding.value));
  const rows = computed(() => {
    const order = sort.value;
    // Only a sort by duration needs the clock; reading it only then keeps the table still otherwise.
    const at = order.column === 'duration' ? now.value : 0;
    return sortSockets(filtered.value, order, at, pageIndex.value);
  });
  const selected = computed(() => {
    const id = selectedId.value;
    return id === null ? null : (view.value?.state.sockets[id] ?? null);
  });

  return {
    connection,
    filter,
    sort,
    selectedId,
    detailTab,
    zoom,
    imported,
    importError,
    view,
    now,
    sockets,
    filtered,
    rows,
    ordinals,
    pageLabels,
    withFinding,
    flagged,
    selected,
    select: (id) => (selectedId.value = id),
    importText(fileName, text) {
      const parsed = parseReport(text);
      if (!parsed.ok) {
        // A bad file changes nothing: the live session (or the report already open) stays.
        importError.value = `Could not import “${fileName}”: ${parsed.error}`;
        return;
      }
      importError.value = null;
      selectedId.value = null;
      zoom.value = FIT;
      imported.value = { fileName, report: parsed.report, view: importedView(parsed.report) };
    },
    backToLive() {
      imported.value = null;
      selectedId.value = null;
      zoom.value = FIT;
    },
  };
}
