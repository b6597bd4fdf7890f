import * as v from 'valibot';
import { HOOK_SOURCE, PROTOCOL_VERSION, WIRE_LIMITS } from './constants';
import { parseWire, type Parsed } from './parse';

/**
 * What the page hook observes, one event per fact (times are epoch milliseconds), as schemas
 * whose TypeScript types are inferred from them: the contract exists once. The page can forge
 * any DOM event, so every field is bounded (WIRE_LIMITS) and a forged message costs us little.
 * The hook imports only the types (erased at build), never valibot.
 */
const socketId = v.pipe(v.string(), v.minLength(1), v.maxLength(WIRE_LIMITS.id));
const time = v.pipe(v.number(), v.finite(), v.minValue(0));
const count = v.pipe(v.number(), v.integer(), v.minValue(0));
const text = (max: number) => v.pipe(v.string(), v.maxLength(max));

export const transportSchema = v.picklist(['websocket', 'longpoll']);
export const directionSchema = v.picklist(['in', 'out']);
export type Transport = v.InferOutput<typeof transportSchema>;
export type Direction = v.InferOutput<typeof directionSchema>;

const createdEvent = v.strictObject({
  type: v.literal('created'),
  socketId,
  at: time,
  url: text(WIRE_LIMITS.url),
  protocols: v.pipe(v.array(text(WIRE_LIMITS.protocol)), v.maxLength(WIRE_LIMITS.protocols)),
  frameUrl: text(WIRE_LIMITS.url),
  /** Creation stack with our own frames trimmed, newest first. */
  stack: v.pipe(v.array(text(WIRE_LIMITS.stackFrame)), v.maxLength(WIRE_LIMITS.stackFrames)),
  /** 'longpoll' for an HTTP long-poll session (Stream's WS fallback); absent means 'websocket'. */
  transport: v.optional(transportSchema),
});

const openEvent = v.strictObject({
  type: v.literal('open'),
  socketId,
  at: time,
  protocol: text(WIRE_LIMITS.protocol),
  extensions: text(WIRE_LIMITS.extensions),
});

const messageEvent = v.strictObject({
  type: v.literal('message'),
  socketId,
  at: time,
  direction: directionSchema,
  /** Exact payload size in bytes (UTF-8 length for text). */
  size: count,
  binary: v.boolean(),
  /** Capped preview: text as is, binary in hex. */
  preview: text(WIRE_LIMITS.preview),
});

/**
 * Frames the hook counted but did not ship one by one: in a busy flush window only the newest
 * frames of a socket (as many as the worker's history keeps) travel with previews.
 */
const trafficEvent = v.strictObject({
  type: v.literal('traffic'),
  socketId,
  at: time,
  sent: count,
  received: count,
  bytesSent: count,
  bytesReceived: count,
});

const errorEvent = v.strictObject({ type: v.literal('error'), socketId, at: time });

const closingEvent = v.strictObject({
  type: v.literal('closing'),
  socketId,
  at: time,
  code: v.nullable(v.pipe(v.number(), v.integer())),
  reason: text(WIRE_LIMITS.reason),
});

const closeEvent = v.strictObject({
  type: v.literal('close'),
  socketId,
  at: time,
  code: v.pipe(v.number(), v.integer()),
  reason: text(WIRE_LIMITS.reason),
  wasClean: v.boolean(),
});

/**
 * A call the page made to a Stream REST API (a URL carrying `api_key`), for the integration
 * checklist: method, URL, status and timing, the rate-limit headers, and two bodies at most: a
 * queryChannels request body (`POST .../channels`) and an error reply's body. The worker keeps
 * only the fields it needs of either and drops the rest.
 */
const nullableCount = v.nullable(v.pipe(v.number(), v.finite()));
const httpEvent = v.strictObject({
  type: v.literal('http'),
  at: time,
  durationMs: v.pipe(v.number(), v.finite(), v.minValue(0)),
  method: text(WIRE_LIMITS.method),
  url: text(WIRE_LIMITS.url),
  /** The HTTP status; 0 when the request failed without an answer. */
  status: v.pipe(v.number(), v.integer(), v.minValue(0)),
  rateLimitLimit: nullableCount,
  rateLimitRemaining: nullableCount,
  rateLimitReset: nullableCount,
  requestBody: v.nullable(text(WIRE_LIMITS.httpBody)),
  errorBody: v.nullable(text(WIRE_LIMITS.httpBody)),
});

export const hookEventSchema = v.variant('type', [createdEvent, openEvent, messageEvent, trafficEvent, errorEvent, closingEvent, closeEvent, httpEvent]);
export type HttpHookEvent = v.InferOutput<typeof httpEvent>;
export type HookEvent = v.InferOutput<typeof hookEventSchema>;
export type HookEventType = HookEvent['type'];

/** The envelope the hook dispatches (serialised to JSON). */
export const hookMessageSchema = v.strictObject({
  source: v.literal(HOOK_SOURCE),
  version: v.literal(PROTOCOL_VERSION),
  events: v.pipe(v.array(hookEventSchema), v.maxLength(WIRE_LIMITS.batchEvents)),
});
export type HookMessage = v.InferOutput<typeof hookMessageSchema>;

/** A hook message from the JSON text the hook dispatched (the page can forge it): parsed and checked, never throws. */
export function parseHookMessage(text: string): Parsed<HookMessage> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, error: 'message: not JSON' };
  }
  return parseWire(hookMessageSchema, value);
}

/**
 * The config the relay hands the hook (serialised to JSON in a HOOK_CONFIG_EVENT_NAME event): the
 * worker's `hook-config` message (workerToRelay.ts, checked there) tagged as ours. The hook checks
 * it by hand against the same limits, since the page can forge the event: the page code carries
 * no schema library.
 */
export interface HookConfig {
  source: typeof HOOK_SOURCE;
  previewChars: number;
  framesKept: number;
}
