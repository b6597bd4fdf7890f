import browser from 'webextension-polyfill';
import { currentPage } from '../../core/tabState';
import { downloadMarkdown, downloadReport } from '../exportReport';
import type { PanelModel } from '../model/panelModel';
import { Banners } from './Banners';
import { ConnectionsTable } from './ConnectionsTable';
import { CrossTabUsers } from './CrossTabUsers';
import { SocketDetail } from './detail/SocketDetail';
import { EmptyState } from './EmptyState';
import { FindingsList } from './FindingsList';
import { Summary } from './Summary';
import { Timeline } from './Timeline';
import { Toolbar } from './Toolbar';

interface Props {
  model: PanelModel;
  tabId: number;
  toolVersion: string;
}

const openSettings = (): void => void browser.runtime.openOptionsPage();

export function App({ model, tabId, toolVersion }: Props) {
  const view = model.view.value;
  if (!view) {
    return <p class="connecting">Connecting to OneSocket for tab {tabId}…</p>;
  }
  const state = view.state;
  const imported = model.imported.value;
  const selected = model.selected.value;
  const now = model.now.value;
  const pageId = currentPage(state).id;
  const hasSockets = state.socketOrder.length > 0;
  return (
    <div class={`panel${selected ? ' with-detail' : ''}${imported ? ' is-imported' : ''}`}>
      <Toolbar
        filter={model.filter.value}
        onFilter={(value) => (model.filter.value = value)}
        preserveLog={state.preserveLog}
        onPreserveLog={model.connection.setPreserveLog}
        onClear={() => {
          model.select(null);
          model.connection.clear();
        }}
        onExport={() => downloadReport(view, toolVersion)}
        onExportMarkdown={() => downloadMarkdown(view, toolVersion)}
        onImport={model.importText}
        onOpenSettings={openSettings}
        readOnly={imported !== null}
      />
      <Banners
        imported={imported}
        importError={model.importError.value}
        connected={model.connection.connected.value}
        redact={view.settings.redact}
        tabId={tabId}
        onBackToLive={model.backToLive}
        onDismissError={() => (model.importError.value = null)}
      />
      <div class="workspace">
        <div class="main">
          <Summary state={state} />
          {imported ? null : <CrossTabUsers tally={model.connection.tally.value} tabId={tabId} />}
          <FindingsList findings={state.findings} ordinals={model.ordinals.value} selectedId={model.selectedId.value} onSelect={model.select} sockets={state.sockets} />
          <Timeline
            sockets={model.filtered.value}
            pages={state.pages}
            ordinals={model.ordinals.value}
            now={now}
            zoom={model.zoom.value}
            onZoom={(zoom) => (model.zoom.value = zoom)}
            selectedId={model.selectedId.value}
            onSelect={model.select}
          />
          {hasSockets && model.rows.value.length === 0 ? <p class="notice">No socket matches the filter “{model.filter.value}”.</p> : null}
          {hasSockets ? (
            <ConnectionsTable
              rows={model.rows.value}
              ordinals={model.ordinals.value}
              pageLabels={model.pageLabels.value}
              currentPageId={pageId}
              now={now}
              flagged={model.flagged.value}
              sort={model.sort.value}
              onSort={(order) => (model.sort.value = order)}
              selectedId={model.selectedId.value}
              onSelect={model.select}
            />
          ) : (
            <EmptyState settings={view.settings} onOpenSettings={openSettings} />
          )}
        </div>
        {selected ? (
          <SocketDetail
            key={selected.id}
            socket={selected}
            ordinal={model.ordinals.value.get(selected.id) ?? 0}
            pageLabel={model.pageLabels.value.get(selected.pageId) ?? ''}
            settings={view.settings}
            now={now}
            imported={imported !== null}
            tab={model.detailTab.value}
            onTab={(tab) => (model.detailTab.value = tab)}
            onClose={() => model.select(null)}
            state={view.state}
          />
        ) : null}
      </div>
    </div>
  );
}
