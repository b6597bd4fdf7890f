import type { SocketRecord } from '../types';
import { decodeFrame } from './index';
import type { DecodedFrame, DecodedProtocol, FrameInput } from './types';

/** One event several sockets of a user received, with how often each got it (in their order). */
export interface SharedEvent {
  event: string;
  counts: number[];
}

/**
 * Events each connection gets once for itself when it connects: the same on every socket by
 * nature, they say nothing about doubled traffic.
 */
const CONNECTION_EVENTS = new Set(['health.check', 'connection.ok', 'open', 'connect', 'welcome', 'CONNECTED', 'CONNACK', 'connection_ack', 'handshake', 'confirm_subscription', 'probe', 'upgrade', 'WELCOME']);

type Decode = (protocol: DecodedProtocol | null | undefined, frame: FrameInput) => DecodedFrame | null;

/**
 * The events that at least two of the sockets received, read from their recorded frames: what
 * a user with two sockets sees twice (each `message.new` of a duplicate). Most received first.
 * `decode` lets the panel pass its memoized decoder.
 */
export function sharedEvents(sockets: readonly SocketRecord[], decode: Decode = decodeFrame): SharedEvent[] {
  const perSocket = sockets.map((socket) => {
    const counts = new Map<string, number>();
    for (const frame of socket.frames) {
      if (frame.direction !== 'in') continue;
      const decoded = decode(socket.protocol, frame);
      if (!decoded?.event || decoded.heartbeat || CONNECTION_EVENTS.has(decoded.event)) continue;
      counts.set(decoded.event, (counts.get(decoded.event) ?? 0) + 1);
    }
    return counts;
  });
  const names = new Set(perSocket.flatMap((counts) => [...counts.keys()]));
  const shared: SharedEvent[] = [];
  for (const event of names) {
    const counts = perSocket.map((socketCounts) => socketCounts.get(event) ?? 0);
    if (counts.filter((count) => count > 0).length >= 2) shared.push({ event, counts });
  }
  const total = (entry: SharedEvent): number => entry.counts.reduce((sum, count) => sum + count, 0);
  return shared.sort((a, b) => total(b) - total(a) || a.event.localeCompare(b.event));
}
