import browser from 'webextension-polyfill';
import { currentPage } from '../../core/tabState';
import { downloadMarkdown, downloadReport } from '../exportReport';
import { overlapsInGrace } from '../model/overlapsInGrace';
import type { PanelModel } from '../model/panelModel';
import { Banners } from './Banners';
import { ConnectionsTable } from './ConnectionsTable';
import { CrossTabUsers } from './CrossTabUsers';
import { SocketDetail } from './detail/SocketDetail';
import { EmptyState } from './EmptyState';
import { FindingsList } from './FindingsList';
import { NoMatch } from './NoMatch';
import { Summary } from './Summary';
import { SplitView } from './ui/SplitView';
import { Timeline } from './Timeline';
import { Toolbar } from './Toolbar';

interface Props {
  model: PanelModel;
  tabId: number;
  toolVersion: string;
}

const openSettings = (): void => void browser.runtime.openOptionsPage();

/**
 * Esc closes the detail wherever the focus is in the panel (a menu or a filled search box
 * takes its own Esc first), and puts the focus back on the row, so the arrows go on from it.
 */
function closeDetailOnEscape(event: KeyboardEvent, model: PanelModel): void {
  const id = model.selectedId.peek();
  if (event.key !== 'Escape' || event.defaultPrevented || id === null) return;
  const target = event.target as HTMLElement;
  if (target instanceof HTMLInputElement && target.type === 'search' && target.value !== '') return;
  event.preventDefault();
  model.select(null);
  requestAnimationFrame(() => document.querySelector<HTMLElement>(`.connections tr[data-socket-id="${CSS.escape(id)}"]`)?.focus());
}

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
    <div class={`panel${selected ? ' with-detail' : ''}${imported ? ' is-imported' : ''}`} onKeyDown={(event) => closeDetailOnEscape(event, model)}>
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
      <SplitView
        main={
          <div class="main">
            <Summary state={state} />
            {imported ? null : <CrossTabUsers tally={model.connection.tally.value} tabId={tabId} />}
            <FindingsList
              findings={state.findings}
              ordinals={model.ordinals.value}
              held={{ has: (id) => Object.hasOwn(state.sockets, id) }}
              selectedId={model.selectedId.value}
              onSelect={model.select}
              inGrace={imported ? [] : overlapsInGrace(state, view.settings)}
              graceWindowMs={view.settings.graceWindowMs}
            />
            <Timeline
              sockets={model.filtered.value}
              pages={state.pages}
              ordinals={model.ordinals.value}
              now={now}
              frozen={imported !== null}
              zoom={model.zoom.value}
              onZoom={(zoom) => (model.zoom.value = zoom)}
              selectedId={model.selectedId.value}
              onSelect={model.select}
            />
            {hasSockets && model.rows.value.length === 0 ? <NoMatch filter={model.filter.value} /> : null}
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
        }
        side={
          selected ? (
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
            />
          ) : null
        }
      />
    </div>
  );
}
