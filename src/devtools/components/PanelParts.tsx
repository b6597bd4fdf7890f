import { useComputed } from '@preact/signals';
import browser from 'webextension-polyfill';
import { downloadMarkdown, downloadReport } from '../exportReport';
import { overlapsInGrace } from '../model/overlapsInGrace';
import type { PanelModel } from '../model/panelModel';
import { buildChecklist, type Checklist } from '../../core/checklist';
import { Banners } from './Banners';
import { ChecklistPanel } from './ChecklistPanel';
import { ConnectionsTable } from './ConnectionsTable';
import { CrossTabUsers } from './CrossTabUsers';
import { SocketDetail } from './detail/SocketDetail';
import { EmptyState } from './EmptyState';
import { FindingsList } from './FindingsList';
import { NoMatch } from './NoMatch';
import { Summary } from './Summary';
import { Timeline } from './Timeline';
import { Toolbar } from './Toolbar';

/*
 * Each part of the panel bound to the model: a part reads (`.value`) only the signals it shows,
 * so a change re-renders the parts that show it and the clock's tick only what shows a time.
 * The components they render take plain values.
 */

export const openSettings = (): void => void browser.runtime.openOptionsPage();

export function ToolbarPart({ model, toolVersion }: { model: PanelModel; toolVersion: string }) {
  // The export takes the view as it is at the click: read without subscribing.
  const exportWith = (download: typeof downloadReport) => () => {
    const view = model.view.peek();
    if (view) download(view, toolVersion);
  };
  return (
    <Toolbar
      filter={model.filter.value}
      onFilter={(value) => (model.filter.value = value)}
      preserveLog={model.preserveLog.value}
      onPreserveLog={model.connection.setPreserveLog}
      onClear={() => {
        model.select(null);
        model.connection.clear();
      }}
      onExport={exportWith(downloadReport)}
      onExportMarkdown={exportWith(downloadMarkdown)}
      onImport={model.importText}
      onOpenSettings={openSettings}
      readOnly={model.imported.value !== null}
    />
  );
}

export function BannersPart({ model, tabId }: { model: PanelModel; tabId: number }) {
  return (
    <Banners
      imported={model.imported.value}
      importError={model.importError.value}
      connected={model.connection.connected.value}
      redact={model.settings.value?.redact ?? true}
      tabId={tabId}
      onBackToLive={model.backToLive}
      onDismissError={() => (model.importError.value = null)}
    />
  );
}

export function SummaryPart({ model }: { model: PanelModel }) {
  // Summary counts over every socket and finding: it moves with any of them, never with the clock.
  const state = model.view.value?.state;
  return state ? <Summary state={state} /> : null;
}

export function CrossTabPart({ model, tabId }: { model: PanelModel; tabId: number }) {
  return model.imported.value ? null : <CrossTabUsers tally={model.connection.tally.value} tabId={tabId} />;
}

export function FindingsPart({ model }: { model: PanelModel }) {
  const socketsById = model.view.value?.state.sockets ?? {};
  const settings = model.settings.value;
  // Overlaps inside the grace window are said as they are, never as an all-clear (a live view only).
  const inGrace = useComputed(() => {
    const view = model.view.value;
    return view && !model.imported.value ? overlapsInGrace(view.state, view.settings) : [];
  });
  return (
    <FindingsList
      findings={model.findings.value}
      ordinals={model.ordinals.value}
      held={{ has: (id) => Object.hasOwn(socketsById, id) }}
      selectedId={model.selectedId.value}
      onSelect={model.select}
      inGrace={inGrace.value}
      graceWindowMs={settings?.graceWindowMs ?? 0}
      sockets={socketsById}
    />
  );
}

export function TimelinePart({ model }: { model: PanelModel }) {
  return (
    <Timeline
      sockets={model.filtered.value}
      pages={model.pages.value}
      ordinals={model.ordinals.value}
      now={model.now.value}
      frozen={model.imported.value !== null}
      zoom={model.zoom.value}
      onZoom={(zoom) => (model.zoom.value = zoom)}
      selectedId={model.selectedId.value}
      onSelect={model.select}
    />
  );
}

/** The table, the notice when the filter hides every row, or what to try while there is no socket. */
export function ConnectionsPart({ model }: { model: PanelModel }) {
  const hasSockets = useComputed(() => model.sockets.value.length > 0);
  if (!hasSockets.value) {
    const settings = model.settings.value;
    return settings ? <EmptyState settings={settings} onOpenSettings={openSettings} /> : null;
  }
  const rows = model.rows.value;
  return (
    <>
      {rows.length === 0 ? <NoMatch filter={model.filter.value} /> : null}
      <ConnectionsTable
        rows={rows}
        ordinals={model.ordinals.value}
        pageLabels={model.pageLabels.value}
        currentPageId={model.currentPageId.value}
        now={model.now}
        flagged={model.flagged.value}
        sort={model.sort.value}
        onSort={(order) => (model.sort.value = order)}
        selectedId={model.selectedId.value}
        onSelect={model.select}
      />
    </>
  );
}

export function DetailPart({ model }: { model: PanelModel }) {
  const selected = model.selected.value;
  const settings = model.settings.value;
  if (!selected || !settings) return null;
  return (
    <SocketDetail
      key={selected.id}
      socket={selected}
      ordinal={model.ordinals.value.get(selected.id) ?? 0}
      pageLabel={model.pageLabels.value.get(selected.pageId) ?? ''}
      settings={settings}
      now={model.now}
      imported={model.imported.value !== null}
      tab={model.detailTab.value}
      onTab={(tab) => (model.detailTab.value = tab)}
      onClose={() => model.select(null)}
      state={model.view.value?.state ?? null}
    />
  );
}

export function ChecklistPart({ model }: { model: PanelModel }) {
  // Recomputed on every change of the tab, but as text: the part re-renders only when the
  // checklist itself changed.
  const checklist = useComputed(() => {
    const view = model.view.value;
    return view ? JSON.stringify(buildChecklist(view.state)) : null;
  });
  return checklist.value === null ? null : <ChecklistPanel checklist={JSON.parse(checklist.value) as Checklist} />;
}
