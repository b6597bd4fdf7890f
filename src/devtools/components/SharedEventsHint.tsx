import { useMemo } from 'preact/hooks';
import { sharedEvents } from '../../core/decoders/sharedEvents';
import type { SocketRecord } from '../../core/types';
import { decodedFrame } from '../model/decodedFrames';

interface Props {
  sockets: readonly SocketRecord[];
  ordinals: ReadonlyMap<string, number>;
}

/** Events shown at most; a duplicate's point is made by the first few. */
const MAX_EVENTS = 6;
/** Sockets compared at most: a user with dozens of sockets makes the same point with the first ones. */
const MAX_SOCKETS = 8;

/**
 * In a duplicate's detail: the events both sockets of the user received, read from their frames
 * (each `message.new` twice is what the user sees as doubled messages).
 */
export function SharedEventsHint({ sockets: all, ordinals }: Props) {
  const sockets = all.slice(0, MAX_SOCKETS);
  // Socket records that did not change are the same objects from one snapshot to the next.
  const shared = useMemo(() => sharedEvents(sockets, decodedFrame).slice(0, MAX_EVENTS), sockets);
  if (shared.length === 0) return null;
  const names = sockets.map((socket) => `#${ordinals.get(socket.id) ?? socket.id}`);
  return (
    <div class="shared-events" role="note" aria-label="Same events on two sockets">
      <span class="muted">Same events on sockets {names.join(' and ')}: </span>
      {shared.map(({ event, counts }) => (
        <code key={event} title={counts.map((count, index) => `${names[index]}: ${count}×`).join(', ')}>
          {event} ×{counts.join('/')}
        </code>
      ))}
    </div>
  );
}
