import type { RelayMessage, RelayPayload } from '../core/protocol';

/**
 * At-least-once delivery from the relay to a worker that may die at any moment: each message
 * gets the next sequence number and stays held until the worker acknowledges it; after a
 * reconnect everything held is sent again in order (the worker skips sequence numbers it has
 * already applied). Held messages are bounded: beyond the cap the oldest are given up and
 * reported, so a worker that never answers cannot make the page's memory grow.
 */
export interface ReliableSender {
  send(payload: RelayPayload): void;
  /** The worker has applied and persisted everything up to `seq`. */
  acknowledge(seq: number): void;
  /** Sends every held message again, oldest first (after a reconnect). */
  resendHeld(): void;
  heldCount(): number;
}

export interface ReliableSenderOptions {
  relayId: string;
  /** Posts on the current port; false when there is no port to post on. */
  post: (message: RelayMessage) => boolean;
  maxHeldMessages: number;
  /** Called with a message given up because too many were held. */
  onGiveUp: (message: RelayMessage) => void;
}

export function createReliableSender({ relayId, post, maxHeldMessages, onGiveUp }: ReliableSenderOptions): ReliableSender {
  let seq = 0;
  let held: RelayMessage[] = [];
  return {
    send(payload) {
      const message: RelayMessage = { ...payload, relayId, seq: ++seq };
      post(message);
      held.push(message);
      while (held.length > maxHeldMessages) onGiveUp(held.shift() as RelayMessage);
    },
    acknowledge(upTo) {
      if (held.length > 0 && (held[0] as RelayMessage).seq <= upTo) held = held.filter((message) => message.seq > upTo);
    },
    resendHeld() {
      for (const message of held) if (!post(message)) return;
    },
    heldCount: () => held.length,
  };
}
