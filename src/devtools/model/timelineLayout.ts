import { endpointOf } from '../../core/identity';
import type { SocketRecord } from '../../core/types';

export interface TimelineBar {
  socketId: string;
  start: number;
  end: number;
  /** Still connecting or open: the bar runs up to now. */
  live: boolean;
  state: SocketRecord['state'];
  /** Sub-row within the lane, so bars alive together are drawn one above the other. */
  row: number;
}

export interface Interval {
  start: number;
  end: number;
}

export interface TimelineLane {
  key: string;
  /** The user, or "unknown" plus the endpoint for sockets nobody could attribute. */
  label: string;
  kind: 'user' | 'endpoint';
  bars: TimelineBar[];
  /** How many sub-rows the lane needs (at most MAX_ROWS). */
  rows: number;
  /** Times when two or more of this lane's sockets were alive together. */
  overlaps: Interval[];
}

/** Where 2+ intervals cover the same time (a sweep over their ends). */
export function overlapsOf(intervals: Interval[]): Interval[] {
  const edges: Array<{ at: number; delta: number }> = [];
  for (const { start, end } of intervals) {
    if (end <= start) continue;
    edges.push({ at: start, delta: 1 }, { at: end, delta: -1 });
  }
  // Ends before starts at the same instant: a hand-over that touches is not an overlap.
  edges.sort((a, b) => a.at - b.at || a.delta - b.delta);
  const result: Interval[] = [];
  let depth = 0;
  let openedAt = 0;
  for (const edge of edges) {
    const before = depth;
    depth += edge.delta;
    if (before < 2 && depth >= 2) openedAt = edge.at;
    if (before >= 2 && depth < 2 && edge.at > openedAt) result.push({ start: openedAt, end: edge.at });
  }
  return result;
}

/** Rows per lane; more bars alive together share rows again (the overlap colour still shows it). */
export const MAX_ROWS = 6;

/** Gives each bar the first row free at its start (bars arrive in creation order). */
function stackBars(bars: TimelineBar[]): number {
  const rowEnds: number[] = [];
  for (const bar of bars) {
    let row = rowEnds.findIndex((end) => end <= bar.start);
    if (row === -1) row = rowEnds.length < MAX_ROWS ? rowEnds.length : rowEnds.indexOf(Math.min(...rowEnds));
    rowEnds[row] = bar.end;
    bar.row = row;
  }
  return Math.max(1, rowEnds.length);
}

/**
 * One lane per user and Stream product, as the rules count (sockets without an owner: one lane
 * per endpoint), in first-seen order. Alice's chat and video sockets overlap by design: two
 * lanes, so no overlap is drawn in the error colour.
 */
export function timelineLanes(sockets: SocketRecord[], now: number): TimelineLane[] {
  const lanes = new Map<string, TimelineLane>();
  for (const socket of sockets) {
    const user = socket.identity.userId;
    const product = socket.identity.product ?? null;
    const userLabel = user === null ? null : product === null ? user : `${user} · ${product}`;
    const key = userLabel !== null ? `user:${product ?? ''}:${user}` : `endpoint:${endpointOf(socket.url)}`;
    let lane = lanes.get(key);
    if (!lane) {
      lane = { key, label: userLabel ?? `unknown · ${endpointOf(socket.url).replace(/^\w+:\/\//, '')}`, kind: user !== null ? 'user' : 'endpoint', bars: [], rows: 1, overlaps: [] };
      lanes.set(key, lane);
    }
    const live = socket.closedAt === null;
    lane.bars.push({ socketId: socket.id, start: socket.createdAt, end: Math.max(socket.createdAt, socket.closedAt ?? now), live, state: socket.state, row: 0 });
  }
  for (const lane of lanes.values()) {
    lane.overlaps = overlapsOf(lane.bars);
    lane.rows = stackBars(lane.bars);
  }
  return [...lanes.values()];
}

export interface TimeWindow {
  start: number;
  end: number;
}

export interface TimelineZoom {
  /** Visible time span in ms; null fits everything recorded. */
  span: number | null;
  /** Right edge; null follows the current time. */
  end: number | null;
}

export const FIT: TimelineZoom = { span: null, end: null };
const MIN_SPAN_MS = 1_000;

/** The visible window for a zoom: everything (with a little room), or `span` ms up to `end`. */
export function timeWindow(lanes: TimelineLane[], now: number, zoom: TimelineZoom): TimeWindow {
  const end = zoom.end ?? now;
  if (zoom.span !== null) return { start: end - zoom.span, end };
  let first = now;
  for (const lane of lanes) for (const bar of lane.bars) first = Math.min(first, bar.start);
  const span = Math.max(MIN_SPAN_MS, now - first);
  return { start: now - span * 1.04, end: now };
}

export function zoomBy(zoom: TimelineZoom, window: TimeWindow, factor: number): TimelineZoom {
  const span = Math.max(MIN_SPAN_MS, (window.end - window.start) * factor);
  // Zooming keeps the window's centre, unless it is following now.
  if (zoom.end === null) return { span, end: null };
  const centre = (window.start + window.end) / 2;
  return { span, end: centre + span / 2 };
}

/** Moves the window by a fraction of its width (negative: earlier); reaching now follows it again. */
export function panBy(window: TimeWindow, now: number, fraction: number): TimelineZoom {
  const span = window.end - window.start;
  const end = window.end + span * fraction;
  return end >= now ? { span, end: null } : { span, end };
}
