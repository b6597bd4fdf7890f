import type { PageRecord, SocketRecord } from '../../core/types';
import { formatClock, formatDuration } from '../../common/format';
import { FIT, panBy, timelineLanes, timeWindow, zoomBy, type TimelineZoom, type TimeWindow } from '../model/timelineLayout';

interface Props {
  sockets: SocketRecord[];
  pages: PageRecord[];
  ordinals: ReadonlyMap<string, number>;
  now: number;
  /** An imported report: its "now" is when it was exported, a time to show, not "now". */
  frozen?: boolean;
  zoom: TimelineZoom;
  onZoom: (zoom: TimelineZoom) => void;
  selectedId: string | null;
  onSelect: (socketId: string) => void;
}

/** Beyond these the picture is unreadable anyway; the table still lists everything. */
const MAX_LANES = 40;
const MAX_BARS_PER_LANE = 400;
/** Height of one sub-row of a lane, in px; a bar is a little thinner. */
const ROW_PX = 9;

function percent(at: number, window: TimeWindow): number {
  return Math.min(100, Math.max(0, ((at - window.start) / (window.end - window.start)) * 100));
}

function placed(start: number, end: number, window: TimeWindow): { left: string; width: string } | null {
  if (end < window.start || start > window.end) return null;
  const left = percent(start, window);
  return { left: `${left}%`, width: `${percent(end, window) - left}%` };
}

/**
 * Socket lifetimes, one lane per user: overlapping sockets of one user are drawn in the error
 * colour, the right edge is now (moving), and a bar selects its socket.
 */
export function Timeline({ sockets, pages, ordinals, now, frozen = false, zoom, onZoom, selectedId, onSelect }: Props) {
  const nowWord = frozen ? `export at ${formatClock(now)}` : 'now';
  const lanes = timelineLanes(sockets, now);
  const window = timeWindow(lanes, now, zoom);
  const span = window.end - window.start;
  const shownLanes = lanes.slice(0, MAX_LANES);
  const nowLine = now >= window.start && now <= window.end ? `${percent(now, window)}%` : null;
  return (
    <section class="timeline" role="region" aria-label="Timeline">
      <div class="timeline-head">
        <h2>Timeline</h2>
        <span class="muted">
          {formatClock(window.start)} – {zoom.end === null && !frozen ? 'now' : formatClock(window.end)} ({formatDuration(span)})
        </span>
        <span class="spacer" />
        <button type="button" onClick={() => onZoom(panBy(window, now, -0.5))} aria-label="Earlier" title="Show earlier">
          ◀
        </button>
        <button type="button" onClick={() => onZoom(panBy(window, now, 0.5))} disabled={zoom.end === null} aria-label="Later" title="Show later">
          ▶
        </button>
        <button type="button" onClick={() => onZoom(zoomBy(zoom, window, 0.5))} aria-label="Zoom in" title="Zoom in">
          +
        </button>
        <button type="button" onClick={() => onZoom(zoomBy(zoom, window, 2))} aria-label="Zoom out" title="Zoom out">
          −
        </button>
        <button type="button" onClick={() => onZoom(FIT)} title="Fit every socket in view" disabled={zoom.span === null && zoom.end === null}>
          Fit
        </button>
      </div>
      {lanes.length === 0 ? (
        <p class="muted timeline-empty">Socket lifetimes show here, one lane per user.</p>
      ) : (
        <div class="lanes">
          {shownLanes.map((lane) => (
            <div key={lane.key} class={`lane lane-${lane.kind}`} data-lane={lane.label} style={{ height: `${lane.rows * ROW_PX + 4}px` }}>
              <div class="lane-label" title={lane.label}>
                {lane.label}
              </div>
              <div class="track">
                {pages.slice(1).map((page) => {
                  const left = page.startedAt >= window.start && page.startedAt <= window.end ? `${percent(page.startedAt, window)}%` : null;
                  return left ? <div key={page.id} class="page-mark" style={{ left }} title={`New page ${formatClock(page.startedAt)}`} /> : null;
                })}
                {lane.overlaps.map((overlap) => {
                  const style = placed(overlap.start, overlap.end, window);
                  return style ? <div key={overlap.start} class="overlap" style={style} title={`${lane.label}: ${formatDuration(overlap.end - overlap.start)} with 2+ sockets`} /> : null;
                })}
                {lane.bars.slice(-MAX_BARS_PER_LANE).map((bar) => {
                  const style = placed(bar.start, bar.end, window);
                  if (!style) return null;
                  const ordinal = ordinals.get(bar.socketId) ?? 0;
                  const label = `Socket #${ordinal}, ${lane.label}: ${formatClock(bar.start)} to ${bar.live ? nowWord : formatClock(bar.end)} (${bar.state})`;
                  return (
                    <button
                      key={bar.socketId}
                      type="button"
                      class={`bar bar-${bar.state}${bar.socketId === selectedId ? ' selected' : ''}`}
                      style={{ ...style, top: `${2 + bar.row * ROW_PX}px`, height: `${ROW_PX - 2}px` }}
                      aria-label={label}
                      title={label}
                      data-socket-id={bar.socketId}
                      onClick={() => onSelect(bar.socketId)}
                    />
                  );
                })}
                {nowLine ? <div class="now-line" style={{ left: nowLine }} /> : null}
              </div>
            </div>
          ))}
          {lanes.length > MAX_LANES ? <p class="muted">{lanes.length - MAX_LANES} more lanes not drawn; filter the table to see them.</p> : null}
        </div>
      )}
    </section>
  );
}
