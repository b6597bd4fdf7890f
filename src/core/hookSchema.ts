import * as v from 'valibot';
import { HOOK_LIMITS, HOOK_SOURCE, MAX_HOOK_BATCH_EVENTS, PROTOCOL_VERSION, type HookMessage } from './protocol';

/**
 * The schema every hook message must pass before it leaves the page's window. The page can
 * forge any DOM event, so each field is bounded: a forged message can cost us little.
 */
const MAX_ID = HOOK_LIMITS.id;
const MAX_URL = HOOK_LIMITS.url;
const MAX_TEXT = HOOK_LIMITS.text;
const MAX_STACK_FRAMES = HOOK_LIMITS.stackFrames;

const socketId = v.pipe(v.string(), v.minLength(1), v.maxLength(MAX_ID));
const time = v.pipe(v.number(), v.finite(), v.minValue(0));
const boundedText = (max: number) => v.pipe(v.string(), v.maxLength(max));

const hookEvent = v.variant('type', [
  v.strictObject({
    type: v.literal('created'),
    socketId,
    at: time,
    url: boundedText(MAX_URL),
    protocols: v.pipe(v.array(boundedText(HOOK_LIMITS.protocol)), v.maxLength(HOOK_LIMITS.protocols)),
    frameUrl: boundedText(MAX_URL),
    stack: v.pipe(v.array(boundedText(HOOK_LIMITS.stackFrame)), v.maxLength(MAX_STACK_FRAMES)),
    transport: v.optional(v.picklist(['websocket', 'longpoll'])),
  }),
  v.strictObject({ type: v.literal('open'), socketId, at: time, protocol: boundedText(256), extensions: boundedText(1_000) }),
  v.strictObject({
    type: v.literal('message'),
    socketId,
    at: time,
    direction: v.picklist(['in', 'out']),
    size: v.pipe(v.number(), v.integer(), v.minValue(0)),
    binary: v.boolean(),
    preview: boundedText(MAX_TEXT),
  }),
  v.strictObject({
    type: v.literal('traffic'),
    socketId,
    at: time,
    sent: v.pipe(v.number(), v.integer(), v.minValue(0)),
    received: v.pipe(v.number(), v.integer(), v.minValue(0)),
    bytesSent: v.pipe(v.number(), v.integer(), v.minValue(0)),
    bytesReceived: v.pipe(v.number(), v.integer(), v.minValue(0)),
  }),
  v.strictObject({ type: v.literal('error'), socketId, at: time }),
  v.strictObject({
    type: v.literal('closing'),
    socketId,
    at: time,
    code: v.nullable(v.pipe(v.number(), v.integer())),
    reason: boundedText(1_000),
  }),
  v.strictObject({
    type: v.literal('close'),
    socketId,
    at: time,
    code: v.pipe(v.number(), v.integer()),
    reason: boundedText(1_000),
    wasClean: v.boolean(),
  }),
]);

export const hookMessageSchema = v.strictObject({
  source: v.literal(HOOK_SOURCE),
  version: v.literal(PROTOCOL_VERSION),
  events: v.pipe(v.array(hookEvent), v.maxLength(MAX_HOOK_BATCH_EVENTS)),
});

export type ParsedHookMessage = { ok: true; message: HookMessage } | { ok: false; error: string };

/** Validates an already JSON-parsed hook message; never throws. */
export function parseHookMessage(value: unknown): ParsedHookMessage {
  const result = v.safeParse(hookMessageSchema, value);
  if (result.success) return { ok: true, message: result.output as HookMessage };
  const issue = result.issues[0];
  return { ok: false, error: `${v.getDotPath(issue) ?? 'message'}: ${issue.message}` };
}
