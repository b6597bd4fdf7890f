import { useSignal } from '@preact/signals';
import type { FrameRecord, Settings, SocketRecord } from '../../../core/types';
import { formatBytes, formatClock } from '../../../shared/format';
import { prettyFrame } from '../../model/socketDetails';
import { CopyButton } from './CopyButton';
import { JsonBlock } from './JsonBlock';

const frameKey = (frame: FrameRecord, index: number): string => `${frame.at}-${frame.direction}-${frame.size}-${index}`;

function historyNote(socket: SocketRecord, settings: Settings, imported: boolean): string {
  const total = socket.messagesSent + socket.messagesReceived;
  if (imported) return `A report keeps counts (${total} frames), not frames.`;
  if (!settings.captureFrames) return `Frame capture is off in Settings; ${total} frames were counted.`;
  if (total > socket.frames.length) return `The last ${socket.frames.length} of ${total} frames (the history keeps ${settings.framesPerSocket} per socket).`;
  return total === 1 ? '1 frame.' : `${total} frames.`;
}

/** The socket's recent frames: direction, time, size; search; one frame pretty-printed. */
export function FramesTab({ socket, settings, imported }: { socket: SocketRecord; settings: Settings; imported: boolean }) {
  const query = useSignal('');
  const chosen = useSignal<string | null>(null);
  const needle = query.value.trim().toLowerCase();
  const frames = socket.frames.map((frame, index) => ({ frame, key: frameKey(frame, index) })).filter(({ frame }) => needle === '' || frame.preview.toLowerCase().includes(needle));
  const selected = frames.find((entry) => entry.key === chosen.value) ?? null;
  return (
    <div class="frames">
      <div class="frames-head">
        <input type="search" aria-label="Search frames" placeholder="Search frames" value={query.value} onInput={(event) => (query.value = event.currentTarget.value)} />
        <span class="muted">{historyNote(socket, settings, imported)}</span>
      </div>
      <div class="frames-list">
        <table class="compact frames-table" aria-label="Frames">
          <thead>
            <tr>
              <th scope="col">Dir</th>
              <th scope="col">Time</th>
              <th scope="col">Size</th>
              <th scope="col">Data</th>
            </tr>
          </thead>
          <tbody>
            {frames.map(({ frame, key }) => (
              <tr key={key} class={`frame-${frame.direction}${selected?.key === key ? ' selected' : ''}`} aria-selected={selected?.key === key} onClick={() => (chosen.value = key)}>
                <td title={frame.direction === 'out' ? 'sent by the page' : 'received from the server'}>{frame.direction === 'out' ? '↑ sent' : '↓ recv'}</td>
                <td>{formatClock(frame.at)}</td>
                <td>{formatBytes(frame.size)}</td>
                <td class="preview">{frame.binary ? `binary ${frame.preview}` : frame.preview}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {frames.length === 0 && socket.frames.length > 0 ? <p class="muted">No frame contains “{query.value}”.</p> : null}
      </div>
      {selected ? (
        <div class="frame-detail">
          <CopyButton label="Copy frame" text={() => selected.frame.preview} />
          <JsonBlock label="Frame data" value={selected.frame.binary ? selected.frame.preview : prettyFrame(selected.frame.preview)} />
        </div>
      ) : socket.frames.length > 0 ? (
        <p class="muted">Select a frame to see it pretty-printed.</p>
      ) : null}
    </div>
  );
}
