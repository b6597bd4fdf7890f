import { computed, signal, type ReadonlySignal, type Signal } from '@preact/signals';
import { looksLikeHar, reportFromHar } from '../../core/harReport';
import { parseReport } from '../../core/report';
import { DEFAULT_SETTINGS } from '../../core/settings/defaults';
import { socketOrdinals } from '../../core/tabState';
import type { Finding, PageRecord, Settings, SocketRecord, TabState, TabView } from '../../core/types';
import { shortUrl } from '../../common/format';
import type { PanelConnection } from '../../common/panelConnection';
import { withBrowserInitiators } from './browserInitiators';
import { filterSockets } from './filterSockets';
import { importedView, type ImportedReport } from '../../core/importedReport';
import { DEFAULT_SORT, sortSockets, type SortOrder } from './sortSockets';
import { FIT, type TimelineZoom } from './timelineLayout';

export type DetailTab = 'overview' | 'frames' | 'initiator';

/**
 * Everything the panel shows, as signals derived from the worker's snapshot and changes (or an
 * imported report). Each part of the tab is its own signal, which moves only when that part's
 * object changes (the connection keeps what a change did not touch): components read the
 * parts they show, so a frame on one socket re-renders its row, not the findings.
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
  /**
   * What is shown: the imported report while one is open, else the live tab. It moves with any
   * change: a part that shows less reads the narrower signals below (the export peeks at it).
   */
  view: ReadonlySignal<TabView | null>;
  /** Null until the first snapshot. */
  settings: ReadonlySignal<Settings | null>;
  findings: ReadonlySignal<Finding[]>;
  pages: ReadonlySignal<PageRecord[]>;
  currentPageId: ReadonlySignal<string>;
  preserveLog: ReadonlySignal<boolean>;
  /** The tab's counters the summary shows. */
  counters: ReadonlySignal<Pick<TabState, 'droppedEvents' | 'evictedSockets'>>;
  /** Moves once a second (and with each update): only what shows a duration reads it. */
  now: ReadonlySignal<number>;
  sockets: ReadonlySignal<SocketRecord[]>;
  /** The sockets the filter lets through, in creation order (the timeline's picture). */
  filtered: ReadonlySignal<SocketRecord[]>;
  /** The filtered, sorted rows of the table. */
  rows: ReadonlySignal<SocketRecord[]>;
  ordinals: ReadonlySignal<Map<string, number>>;
  pageLabels: ReadonlySignal<Map<string, string>>;
  /** Sockets named by a finding of any severity, active or resolved (has:finding). */
  withFinding: ReadonlySignal<Set<string>>;
  /** Sockets named by an active error finding (drawn in the error colour). */
  flagged: ReadonlySignal<Set<string>>;
  selected: ReadonlySignal<SocketRecord | null>;
  select(id: string | null): void;
  importText(fileName: string, text: string): void;
  backToLive(): void;
}

/** Shared empty values, so a tab without sockets or findings does not look changed at each update. */
const NONE: never[] = [];
const NO_ORDINALS: Record<string, number> = {};
const NO_SOCKETS: TabState['sockets'] = {};

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
  const state = computed(() => view.value?.state ?? null);
  const settings = computed(() => view.value?.settings ?? null);
  const findings = computed(() => state.value?.findings ?? NONE);
  const pages = computed(() => state.value?.pages ?? NONE);
  const socketsById = computed(() => state.value?.sockets ?? NO_SOCKETS);
  const socketOrder = computed(() => state.value?.socketOrder ?? NONE);
  const currentPageId = computed(() => pages.value.at(-1)?.id ?? '');
  const preserveLog = computed(() => state.value?.preserveLog ?? false);
  const droppedEvents = computed(() => state.value?.droppedEvents ?? 0);
  const evictedSockets = computed(() => state.value?.evictedSockets ?? 0);
  const counters = computed(() => ({ droppedEvents: droppedEvents.value, evictedSockets: evictedSockets.value }));
  // An imported report is a still picture: its clock stopped when it was made.
  const now = computed(() => (imported.value ? imported.value.view.now : Math.max(clock.value, connection.view.value?.now ?? 0)));
  const sockets = computed(() => {
    const byId = socketsById.value;
    return socketOrder.value.map((id) => byId[id]).filter((socket): socket is SocketRecord => socket !== undefined);
  });
  const evictedOrdinals = computed(() => state.value?.evictedOrdinals ?? NO_ORDINALS);
  // Socket numbers never change once given: a frame, which makes a new socket record, must not
  // make a new map (everything that shows a number would re-render), so an equal map is kept.
  let lastOrdinals = new Map<string, number>();
  const ordinals = computed(() => {
    const next = socketOrdinals({ socketOrder: socketOrder.value, sockets: socketsById.value, evictedOrdinals: evictedOrdinals.value });
    const same = next.size === lastOrdinals.size && [...next].every(([id, ordinal]) => lastOrdinals.get(id) === ordinal);
    if (!same) lastOrdinals = next;
    return lastOrdinals;
  });
  const pageLabels = computed(() => new Map(pages.value.map((page, index) => [page.id, `${index + 1} · ${shortUrl(page.url)}`])));
  const pageIndex = computed(() => new Map(pages.value.map((page, index) => [page.id, index])));
  const socketsOfFindings = (activeErrorsOnly: boolean): Set<string> => {
    const ids = new Set<string>();
    for (const finding of findings.value) {
      if (!activeErrorsOnly || (finding.active && finding.severity === 'error')) for (const id of finding.socketIds) ids.add(id);
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
    return id === null ? null : (socketsById.value[id] ?? null);
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
    settings,
    findings,
    pages,
    currentPageId,
    preserveLog,
    counters,
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
      // A HAR (DevTools' "Save all as HAR") is judged by the same rules with the user's
      // settings, redacted, into a report that says what a HAR cannot know.
      const harSettings = { ...(view.value?.settings ?? DEFAULT_SETTINGS), redact: true };
      const parsed = looksLikeHar(text) ? reportFromHar(text, harSettings, chrome.runtime.getManifest().version, Date.now()) : parseReport(text);
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
