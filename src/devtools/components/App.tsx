import { useComputed, useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { downloadReport } from '../exportReport';
import { filterSockets } from '../filterSockets';
import type { PanelConnection } from '../panelConnection';
import { ConnectionsTable } from './ConnectionsTable';
import { EmptyState } from './EmptyState';
import { FindingsList } from './FindingsList';
import { Summary } from './Summary';
import { Toolbar } from './Toolbar';

interface Props {
  connection: PanelConnection;
  tabId: number;
  toolVersion: string;
}

/** Durations of open sockets keep moving: re-render once a second. */
function useClock(): number {
  const now = useSignal(Date.now());
  useEffect(() => {
    const timer = setInterval(() => (now.value = Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  return now.value;
}

export function App({ connection, tabId, toolVersion }: Props) {
  const filter = useSignal('');
  const now = useClock();
  const view = connection.view.value;
  const sockets = useComputed(() => {
    const state = connection.view.value?.state;
    if (!state) return [];
    return state.socketOrder.map((id) => state.sockets[id]).filter((socket) => socket !== undefined);
  });
  const flagged = useComputed(() => {
    const ids = new Set<string>();
    for (const finding of connection.view.value?.state.findings ?? []) if (finding.active) for (const id of finding.socketIds) ids.add(id);
    return ids;
  });
  const shown = useComputed(() => filterSockets(sockets.value, filter.value, flagged.value));

  if (!view) {
    return <p class="connecting">Connecting to OneSocket for tab {tabId}…</p>;
  }
  const state = view.state;
  return (
    <div class="panel">
      <Toolbar
        filter={filter.value}
        onFilter={(value) => (filter.value = value)}
        preserveLog={state.preserveLog}
        onPreserveLog={connection.setPreserveLog}
        onClear={connection.clear}
        onExport={() => downloadReport(view, toolVersion)}
        canExport={true}
      />
      {connection.connected.value ? null : <p class="notice">Reconnecting to the extension…</p>}
      {view.settings.redact ? null : <p class="notice warning">Redaction is off: tokens are shown and exported in full.</p>}
      <Summary state={state} />
      <FindingsList findings={state.findings} />
      {sockets.value.length === 0 ? (
        <EmptyState />
      ) : (
        <ConnectionsTable sockets={shown.value} now={Math.max(now, view.now)} flagged={flagged.value} />
      )}
    </div>
  );
}
