import type { RelayMessage, RelayPayload } from '../../core/wire/relayMessages';

/**
 * At-least-once delivery from the relay to a worker that may die at any moment: each message
 * gets the next sequence number and stays held until the worker acknowledges it; after a
 * reconnect everything held is sent again in order (the worker skips sequence numbers it has
 * already applied). Held messages are bounded by their size (a message may carry thousands of
 * events): beyond the cap the oldest are given up and reported, so a worker that never answers
 * cannot make the page's memory grow.
 */
export interface ReliableSender {
  /** `size` is the message's weight against the cap (e.g. the characters it was parsed from). */
  send(payload: RelayPayload, size?: number): void;
  /** The worker has applied and persisted everything up to `seq`. */
  acknowledge(seq: number): void;
  /** Sends every held message again, oldest first (after a reconnect). */
  resendHeld(): void;
  heldCount(): number;
  /** Lets go of everything held (the worker asked this document to stop). */
  forgetHeld(): void;
}

export interface ReliableSenderOptions {
  documentId: string;
  /** Posts on the current port; false when there is no port to post on. */
  post: (message: RelayMessage) => boolean;
  /** Total size of the held messages; the newest message is always held, whatever its size. */
  maxHeldSize: number;
  /** Called with a message given up because too much was held. */
  onGiveUp: (message: RelayMessage) => void;
}

export function createReliableSender({ documentId, post, maxHeldSize, onGiveUp }: ReliableSenderOptions): ReliableSender {
  let seq = 0;
  const held: Array<{ message: RelayMessage; size: number }> = [];
  let heldSize = 0;
  return {
    send(payload, size = 1) {
      const message: RelayMessage = { ...payload, documentId, seq: ++seq };
      post(message);
      held.push({ message, size });
      heldSize += size;
      while (heldSize > maxHeldSize && held.length > 1) {
        const oldest = held.shift() as { message: RelayMessage; size: number };
        heldSize -= oldest.size;
        onGiveUp(oldest.message);
      }
    },
    acknowledge(upTo) {
      while (held.length > 0 && (held[0] as { message: RelayMessage }).message.seq <= upTo) {
        heldSize -= (held.shift() as { size: number }).size;
      }
    },
    resendHeld() {
      for (const { message } of held) if (!post(message)) return;
    },
    heldCount: () => held.length,
    forgetHeld() {
      held.length = 0;
      heldSize = 0;
    },
  };
}
