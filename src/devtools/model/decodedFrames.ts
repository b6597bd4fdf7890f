import { decodeFrame, type DecodedFrame, type DecodedProtocol, type FrameInput } from '../../core/decoders/index';
import type { Direction } from '../../core/wire/hookMessages';
import type { FrameRecord } from '../../core/types';

/**
 * Decoded frames by protocol and content. Every snapshot from the worker is a fresh copy, so
 * the frame objects change while their content does not: keyed by content, each frame is
 * decoded once however often the panel redraws. Bounded: the worker keeps at most
 * WIRE_LIMITS.framesKept (1000) frames per socket, and a few sockets' worth stay cached.
 */
const CACHE_LIMIT = 4_000;
const cache = new Map<string, DecodedFrame | null>();

export function decodedFrame(protocol: DecodedProtocol | null | undefined, frame: FrameInput): DecodedFrame | null {
  if (!protocol) return null;
  const key = `${protocol}\u0000${frame.direction}${frame.binary ? 'b' : 't'}${frame.size}\u0000${frame.preview}`;
  if (cache.has(key)) return cache.get(key) ?? null;
  const decoded = decodeFrame(protocol, frame);
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
  cache.set(key, decoded);
  return decoded;
}

export interface FrameRow {
  key: string;
  frame: FrameRecord;
  decoded: DecodedFrame | null;
}

export interface FrameFilter {
  /** Text to find in the frame (its preview or its decoded summary), any case. */
  search: string;
  /** An event name, exactly; '' for every event. */
  event: string;
  direction: Direction | 'all';
  hideHeartbeats: boolean;
}

export const DEFAULT_FRAME_FILTER: FrameFilter = { search: '', event: '', direction: 'all', hideHeartbeats: true };

export function frameRows(frames: readonly FrameRecord[], protocol: DecodedProtocol | null | undefined): FrameRow[] {
  return frames.map((frame, index) => ({ key: `${frame.at}-${frame.direction}-${frame.size}-${index}`, frame, decoded: decodedFrame(protocol, frame) }));
}

export function filterFrames(rows: readonly FrameRow[], filter: FrameFilter): FrameRow[] {
  const needle = filter.search.trim().toLowerCase();
  return rows.filter(({ frame, decoded }) => {
    if (filter.hideHeartbeats && decoded?.heartbeat) return false;
    if (filter.direction !== 'all' && frame.direction !== filter.direction) return false;
    if (filter.event !== '' && decoded?.event !== filter.event) return false;
    return needle === '' || frame.preview.toLowerCase().includes(needle) || (decoded?.summary.toLowerCase().includes(needle) ?? false);
  });
}

/** The event names the frames carry, for the event filter, most frequent first. */
export function eventNames(rows: readonly FrameRow[]): string[] {
  const counts = new Map<string, number>();
  for (const { decoded } of rows) if (decoded?.event) counts.set(decoded.event, (counts.get(decoded.event) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([name]) => name);
}
