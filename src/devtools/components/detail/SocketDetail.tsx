import type { ReadonlySignal } from '@preact/signals';
import { protocolLabel } from '../../../core/decoders/index';
import type { Settings, SocketRecord, TabState } from '../../../core/types';
import { AppCode } from './AppCode';
import { shortUrl } from '../../../common/format';
import type { DetailTab } from '../../model/panelModel';
import { FramesTab } from './FramesTab';
import { InitiatorTab } from './InitiatorTab';
import { OverviewTab } from './OverviewTab';

interface Props {
  socket: SocketRecord;
  ordinal: number;
  pageLabel: string;
  settings: Settings;
  /** The clock, read only while the overview (durations, token expiry) is shown. */
  now: ReadonlySignal<number>;
  imported: boolean;
  tab: DetailTab;
  onTab: (tab: DetailTab) => void;
  onClose: () => void;
  /** The tab's record, for what a socket is beside its siblings (React's double mount). */
  state?: TabState | null;
}

const TABS: ReadonlyArray<{ id: DetailTab; label: (socket: SocketRecord) => string }> = [
  { id: 'overview', label: () => 'Overview' },
  { id: 'frames', label: (socket) => `Frames (${socket.messagesSent + socket.messagesReceived})` },
  { id: 'initiator', label: () => 'Initiator' },
];

/** The selected socket, beside the table like the Network panel's request view. */
export function SocketDetail({ socket, ordinal, pageLabel, settings, now, imported, tab, onTab, onClose, state = null }: Props) {
  const onTabKey = (event: KeyboardEvent): void => {
    const index = TABS.findIndex((entry) => entry.id === tab);
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (step === 0) return;
    event.preventDefault();
    const next = TABS[(index + step + TABS.length) % TABS.length];
    if (next) onTab(next.id);
  };
  return (
    <aside class="detail" aria-label={`Socket #${ordinal} details`}>
      <div class="detail-head">
        <button type="button" class="close" onClick={onClose} aria-label="Close details" title="Close (Esc)">
          ×
        </button>
        <strong>
          #{ordinal} {socket.identity.userId ?? 'unknown user'}
        </strong>
        <span class="muted"> {shortUrl(socket.url)}</span>
        {socket.protocol ? <span class="muted protocol"> · {protocolLabel(socket.protocol)}</span> : null}
      </div>
      <AppCode socket={socket} state={state} />
      <div role="tablist" aria-label="Socket details" class="tabs" onKeyDown={onTabKey}>
        {TABS.map((entry) => (
          <button
            key={entry.id}
            type="button"
            role="tab"
            id={`tab-${entry.id}`}
            aria-selected={entry.id === tab}
            aria-controls={`tabpanel-${entry.id}`}
            tabIndex={entry.id === tab ? 0 : -1}
            onClick={() => onTab(entry.id)}
          >
            {entry.label(socket)}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`tabpanel-${tab}`} aria-labelledby={`tab-${tab}`} class="tab-body">
        {tab === 'overview' ? <OverviewTab socket={socket} now={now.value} pageLabel={pageLabel} imported={imported} /> : null}
        {tab === 'frames' ? <FramesTab socket={socket} settings={settings} imported={imported} /> : null}
        {tab === 'initiator' ? <InitiatorTab socket={socket} imported={imported} /> : null}
      </div>
    </aside>
  );
}
