import * as v from 'valibot';
import { PROTOCOL_VERSION, WIRE_LIMITS } from './constants';

/**
 * Worker -> relay, over the relay's port: an acknowledgement, the hook's config, or stop.
 *
 * The schema is built on first use, not when the module loads: the relay runs in every frame of
 * every watched page, and most frames (ads, embeds, widgets) never connect a port, so never hear
 * from the worker. Building it at load cost each document more than everything else the relay
 * does there (bench/README.md, "What the per-document profile found").
 */
function buildWorkerToRelaySchema() {
  const version = v.literal(PROTOCOL_VERSION);
  /** Every message up to `seq` is applied and persisted. */
  const ack = v.strictObject({ kind: v.literal('ack'), version, seq: v.pipe(v.number(), v.safeInteger()) });
  /** What the hook in that frame should use. */
  const config = v.strictObject({
    kind: v.literal('hook-config'),
    version,
    /** Characters of text (three per byte of hex) a frame preview may hold. */
    previewChars: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(WIRE_LIMITS.previewChars)),
    /** Frames per socket worth a preview (the worker's history size; 0 with capture off). */
    framesKept: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(WIRE_LIMITS.framesKept)),
  });
  /**
   * This document's site is not watched (the settings narrowed the sites): stop posting and
   * hold nothing. The relay goes quiet for the rest of the document's life.
   */
  const stop = v.strictObject({ kind: v.literal('stop'), version });
  return v.variant('kind', [ack, config, stop]);
}

type WorkerToRelaySchema = ReturnType<typeof buildWorkerToRelaySchema>;
let schema: WorkerToRelaySchema | undefined;

export function workerToRelaySchema(): WorkerToRelaySchema {
  schema ??= buildWorkerToRelaySchema();
  return schema;
}

export type WorkerToRelay = v.InferOutput<WorkerToRelaySchema>;
export type RelayAck = Extract<WorkerToRelay, { kind: 'ack' }>;
export type RelayConfigMessage = Extract<WorkerToRelay, { kind: 'hook-config' }>;
export type RelayStop = Extract<WorkerToRelay, { kind: 'stop' }>;
