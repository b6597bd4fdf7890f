import { useSignal } from '@preact/signals';
import { useMemo } from 'preact/hooks';
import { protocolLabel } from '../../../core/decoders/index';
import type { Settings, SocketRecord } from '../../../core/types';
import type { Direction } from '../../../core/wire/hookMessages';
import { formatBytes, formatClock } from '../../../common/format';
import { DEFAULT_FRAME_FILTER, eventNames, filterFrames, frameRows, type FrameRow } from '../../model/decodedFrames';
import { prettyFrame } from '../../model/socketDetails';
import { CopyButton } from './CopyButton';
import { JsonBlock } from './JsonBlock';

function historyNote(socket: SocketRecord, settings: Settings, imported: boolean): string {
  const total = socket.messagesSent + socket.messagesReceived;
  if (imported) return `A report keeps counts (${total} frames), not frames.`;
  if (!settings.captureFrames) return `Frame capture is off in Settings; ${total} frames were counted.`;
  if (total > socket.frames.length) return `The last ${socket.frames.length} of ${total} frames (the history keeps ${settings.framesPerSocket} per socket).`;
  return total === 1 ? '1 frame.' : `${total} frames.`;
}

/** What the Data column shows: the decoded summary, else the frame as it came. */
function dataOf({ frame, decoded }: FrameRow): string {
  if (decoded) return decoded.summary;
  return frame.binary ? `binary ${frame.preview}` : frame.preview;
}

function FrameDetail({ row }: { row: FrameRow }) {
  const { frame, decoded } = row;
  return (
    <div class="frame-detail">
      <CopyButton label="Copy frame" text={() => frame.preview} />
      {decoded ? (
        <>
          <p class="muted">
            {decoded.event ? <>Event <code>{decoded.event}</code>. </> : null}
            {decoded.partial ? 'The frame was cut at the preview cap: this is what could be read of it.' : null}
          </p>
          <JsonBlock label="Decoded frame" value={decoded.view} />
        </>
      ) : null}
      <JsonBlock label={frame.binary ? 'Frame data (hex)' : 'Frame data'} value={frame.binary ? frame.preview : prettyFrame(frame.preview)} />
    </div>
  );
}

/**
 * The socket's recent frames, decoded in the protocol it speaks: an event and a one-line summary
 * per frame, filters by event and direction, heartbeats hidden unless asked for, search, and one
 * frame in full (decoded view and the frame as it came).
 */
export function FramesTab({ socket, settings, imported }: { socket: SocketRecord; settings: Settings; imported: boolean }) {
  const search = useSignal(DEFAULT_FRAME_FILTER.search);
  const event = useSignal(DEFAULT_FRAME_FILTER.event);
  const direction = useSignal<Direction | 'all'>(DEFAULT_FRAME_FILTER.direction);
  // Heartbeats hidden by default: they are most of a quiet socket's frames and say little.
  const hideHeartbeats = useSignal(DEFAULT_FRAME_FILTER.hideHeartbeats);
  const chosen = useSignal<string | null>(null);
  const protocol = socket.protocol ?? null;
  // Decoded once per frame (and cached by content across snapshots), not on every keystroke.
  const rows = useMemo(() => frameRows(socket.frames, protocol), [socket.frames, protocol]);
  const events = useMemo(() => eventNames(rows), [rows]);
  const heartbeats = useMemo(() => rows.filter((row) => row.decoded?.heartbeat).length, [rows]);
  const shown = filterFrames(rows, { search: search.value, event: event.value, direction: direction.value, hideHeartbeats: hideHeartbeats.value });
  const selected = shown.find((row) => row.key === chosen.value) ?? null;
  return (
    <div class="frames">
      <div class="frames-head">
        <input type="search" aria-label="Search frames" placeholder="Search frames" value={search.value} onInput={(e) => (search.value = e.currentTarget.value)} />
        <select aria-label="Event" value={event.value} onChange={(e) => (event.value = e.currentTarget.value)}>
          <option value="">All events</option>
          {events.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </select>
        <select aria-label="Direction" value={direction.value} onChange={(e) => (direction.value = e.currentTarget.value as Direction | 'all')}>
          <option value="all">Both ways</option>
          <option value="out">Sent</option>
          <option value="in">Received</option>
        </select>
        <label class="toggle">
          <input type="checkbox" checked={hideHeartbeats.value} onChange={(e) => (hideHeartbeats.value = e.currentTarget.checked)} /> Hide heartbeats
          {hideHeartbeats.value && heartbeats > 0 ? <span class="muted"> ({heartbeats} hidden)</span> : null}
        </label>
      </div>
      <p class="frames-note muted">
        <span class="protocol" data-protocol={protocol ?? ''}>
          {protocol ? `Protocol: ${protocolLabel(protocol)}` : 'Protocol not recognized: frames as they came'}
        </span>
        {' · '}
        {historyNote(socket, settings, imported)}
      </p>
      <div class="frames-list">
        <table class="compact frames-table" aria-label="Frames">
          <thead>
            <tr>
              <th scope="col">Dir</th>
              <th scope="col">Time</th>
              <th scope="col">Size</th>
              <th scope="col">Event</th>
              <th scope="col">Data</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((row) => (
              <tr
                key={row.key}
                class={`frame-${row.frame.direction}${selected?.key === row.key ? ' selected' : ''}${row.decoded?.heartbeat ? ' heartbeat' : ''}`}
                aria-selected={selected?.key === row.key}
                onClick={() => (chosen.value = row.key)}
              >
                <td title={row.frame.direction === 'out' ? 'sent by the page' : 'received from the server'}>{row.frame.direction === 'out' ? '↑ sent' : '↓ recv'}</td>
                <td>{formatClock(row.frame.at)}</td>
                <td>{formatBytes(row.frame.size)}</td>
                <td class="event">{row.decoded?.event ?? ''}</td>
                <td class="preview" title={row.decoded ? row.frame.preview : undefined}>
                  {dataOf(row)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {shown.length === 0 && rows.length > 0 ? <p class="muted">No frame matches these filters.</p> : null}
      </div>
      {selected ? <FrameDetail row={selected} /> : rows.length > 0 ? <p class="muted">Select a frame to see it in full.</p> : null}
    </div>
  );
}
