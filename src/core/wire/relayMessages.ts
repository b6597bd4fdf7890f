import * as v from 'valibot';
import { PROTOCOL_VERSION, WIRE_LIMITS } from './constants';

/**
 * Relay <-> worker, over a PORT_RELAY port. The worker knows the tab and frame from the port's
 * sender; a message says only what happened in its document. The relay forwards the hook's
 * messages as the text the page dispatched, bounded in size but neither parsed nor checked: the
 * worker must check what crosses the port anyway, and doing it twice cost the page's main thread
 * more per frame than the hook's own work (bench/README.md, "What the per-frame profile found").
 * What the worker sends back is in workerToRelay.ts.
 */
const version = v.literal(PROTOCOL_VERSION);
const time = v.pipe(v.number(), v.finite(), v.minValue(0));
const url = v.pipe(v.string(), v.maxLength(WIRE_LIMITS.url));

const documentStarted = v.strictObject({ kind: v.literal('document-started'), version, url, isTopFrame: v.boolean(), at: time });
const documentRestored = v.strictObject({ kind: v.literal('document-restored'), version, url, at: time });
const hookEvents = v.strictObject({
  kind: v.literal('hook-events'),
  version,
  /**
   * One hook message (hookMessages.ts, HookMessage) as JSON text; absent when the message only
   * reports `dropped`. The worker parses and checks it, and counts it dropped if it fails.
   */
  hook: v.optional(v.pipe(v.string(), v.maxLength(WIRE_LIMITS.messageChars))),
  /** Hook messages the relay refused (not text, or over the size limit) or gave up, counted, not carried. */
  dropped: v.pipe(v.number(), v.integer(), v.minValue(0)),
});

export const relayPayloadSchema = v.variant('kind', [documentStarted, documentRestored, hookEvents]);
export type RelayPayload = v.InferOutput<typeof relayPayloadSchema>;

/**
 * What the relay actually posts: a payload stamped with its document's id and a sequence
 * number. The worker acknowledges each message once it is persisted; the relay resends what is
 * unacknowledged after a worker restart, and the worker skips what it already applied, so
 * nothing is lost or counted twice across a restart.
 */
const stamp = {
  /** The document (one per relay, so one per frame document and load): random, unique in the tab. */
  documentId: v.pipe(v.string(), v.minLength(1), v.maxLength(WIRE_LIMITS.id)),
  seq: v.pipe(v.number(), v.safeInteger(), v.minValue(1)),
};
export const relayMessageSchema = v.variant('kind', [
  v.strictObject({ ...documentStarted.entries, ...stamp }),
  v.strictObject({ ...documentRestored.entries, ...stamp }),
  v.strictObject({ ...hookEvents.entries, ...stamp }),
]);
export type RelayMessage = v.InferOutput<typeof relayMessageSchema>;
