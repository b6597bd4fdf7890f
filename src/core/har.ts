import type { HookEvent } from './wire/hookMessages';
import type { TabEvent } from './tabState';

/**
 * Reading a HAR (HTTP Archive) recording into the tab events the extension's hook would have
 * sent, so the same reducer and rules judge it. Two writers are read:
 * - Chrome DevTools' "Save all as HAR": WebSocket entries have `_resourceType: "websocket"` and
 *   `_webSocketMessages: [{ type: "send" | "receive", time, opcode, data }]`, `time` in epoch
 *   seconds;
 * - Playwright's `recordHar` (content "embed"): the same fields, `time` in epoch milliseconds.
 * Opcode 1 is a text frame, 2 a binary one (its data base64).
 */

/** A tab event with the time it happened, so a recording can be replayed in order. */
export interface TimedTabEvent {
  at: number;
  event: TabEvent;
}

export interface HarRecording {
  /** The page the recording is of (its first page, or the first document loaded). */
  url: string;
  startedAt: number;
  /** The last moment the recording shows anything. */
  lastEventAt: number;
  events: TimedTabEvent[];
  webSocketCount: number;
  /** What this recording could not say, for the report's `limitations`. */
  limitations: string[];
}

export type ParsedHar = { ok: true; recording: HarRecording } | { ok: false; error: string };

interface HarMessage {
  type?: unknown;
  time?: unknown;
  opcode?: unknown;
  data?: unknown;
}

interface HarEntry {
  startedDateTime?: unknown;
  pageref?: unknown;
  _resourceType?: unknown;
  request?: { url?: unknown };
  response?: { status?: unknown; _failureText?: unknown; _error?: unknown };
  _webSocketMessages?: unknown;
}

interface HarPage {
  id?: unknown;
  startedDateTime?: unknown;
  title?: unknown;
}

const HAR_LIMITATIONS = [
  'Made from a HAR recording: no creation stack, so no initiator or app frame for any socket.',
  'A HAR records no close: each socket is taken as open from its start to the end of the recording, and the end as its last recorded moment plus the grace window.',
  'Times are those of the HAR (frame times to the millisecond at best; a socket taken as open when its request started); the hook measures each event in the page.',
];

/** Milliseconds since the epoch: Chrome writes seconds (with a fraction), Playwright milliseconds. */
function epochMs(time: number): number {
  return time < 1e11 ? Math.round(time * 1000) : time;
}

function isoMs(value: unknown): number | null {
  if (typeof value !== 'string') return null;
  const ms = Date.parse(value);
  return Number.isFinite(ms) ? ms : null;
}

const HEX = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));

function base64Bytes(data: string): Uint8Array {
  try {
    const binary = atob(data);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
  } catch {
    return new Uint8Array(0);
  }
}

/** A frame as the hook reports it: size in bytes, a preview within `previewChars` (binary: hex). */
function frameOf(message: HarMessage, previewChars: number): { size: number; binary: boolean; preview: string } | null {
  const data = typeof message.data === 'string' ? message.data : '';
  if (message.opcode === 1) {
    return { size: new TextEncoder().encode(data).length, binary: false, preview: data.length > previewChars ? `${data.slice(0, previewChars)}…` : data };
  }
  if (message.opcode === 2) {
    const bytes = base64Bytes(data);
    const shown = Math.min(bytes.length, Math.floor((previewChars + 1) / 3));
    const hex = Array.from(bytes.subarray(0, shown), (byte) => HEX[byte]).join(' ');
    return { size: bytes.length, binary: true, preview: bytes.length > shown ? `${hex} …` : hex };
  }
  return null; // control frames, if a writer ever records them, carry nothing the rules read
}

function isWebSocketEntry(entry: HarEntry): boolean {
  if (entry._resourceType === 'websocket') return true;
  const url = entry.request?.url;
  return typeof url === 'string' && /^wss?:/i.test(url) && Array.isArray(entry._webSocketMessages);
}

function socketEvents(entry: HarEntry, socketId: string, previewChars: number): TimedTabEvent[] | string {
  const url = entry.request?.url;
  if (typeof url !== 'string') return 'has no request.url';
  const startedAt = isoMs(entry.startedDateTime);
  if (startedAt === null) return 'has no valid startedDateTime';
  const messages = entry._webSocketMessages ?? [];
  if (!Array.isArray(messages)) return '_webSocketMessages is not a list';
  const hook = (event: HookEvent, at: number): TimedTabEvent => ({ at, event: { type: 'hook', event } });
  const events: TimedTabEvent[] = [hook({ type: 'created', socketId, at: startedAt, url, protocols: [], frameUrl: '', stack: [] }, startedAt)];
  const status = typeof entry.response?.status === 'number' ? entry.response.status : 0;
  const failed = typeof entry.response?._failureText === 'string' || typeof entry.response?._error === 'string';
  // Chrome and Playwright write 101 once the handshake succeeded; frames prove it too.
  if (failed && messages.length === 0 && status !== 101) {
    events.push(hook({ type: 'error', socketId, at: startedAt }, startedAt), hook({ type: 'close', socketId, at: startedAt, code: 1006, reason: '', wasClean: false }, startedAt));
    return events;
  }
  events.push(hook({ type: 'open', socketId, at: startedAt, protocol: '', extensions: '' }, startedAt));
  for (const [index, raw] of messages.entries()) {
    const message = raw as HarMessage;
    if (message.type !== 'send' && message.type !== 'receive') return `message ${index} has type ${JSON.stringify(message.type ?? null)} (expected "send" or "receive")`;
    if (typeof message.time !== 'number' || !Number.isFinite(message.time)) return `message ${index} has no numeric time`;
    const frame = frameOf(message, previewChars);
    if (!frame) continue;
    // A frame never comes before its socket; clock rounding can make it look so.
    const at = Math.max(startedAt, epochMs(message.time));
    events.push(hook({ type: 'message', socketId, at, direction: message.type === 'send' ? 'out' : 'in', ...frame }, at));
  }
  return events;
}

/** The pages of the recording, oldest first: each after the first is a navigation of the tab. */
function pagesOf(pages: unknown): Array<{ at: number; url: string }> {
  if (!Array.isArray(pages)) return [];
  return (pages as HarPage[])
    .map((page) => ({ at: isoMs(page.startedDateTime), url: typeof page.title === 'string' ? page.title : '' }))
    .filter((page): page is { at: number; url: string } => page.at !== null)
    .sort((a, b) => a.at - b.at);
}

function firstDocumentUrl(entries: HarEntry[]): string | null {
  const document = entries.find((entry) => entry._resourceType === 'document' && typeof entry.request?.url === 'string');
  return (document?.request?.url as string | undefined) ?? null;
}

/**
 * Parses a HAR's text into timed tab events (sockets, their frames, the page's navigations).
 * Errors are written for a person who picked the wrong file.
 */
export function parseHar(text: string, previewChars: number): ParsedHar {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, error: `This file is not JSON (${error instanceof Error ? error.message : String(error)}), so not a HAR.` };
  }
  const log = (value as { log?: unknown } | null)?.log as { entries?: unknown; pages?: unknown } | undefined;
  if (typeof log !== 'object' || log === null || !Array.isArray(log.entries)) {
    return { ok: false, error: 'This file is JSON, but not a HAR: it has no "log.entries" list.' };
  }
  const entries = log.entries as HarEntry[];
  const pages = pagesOf(log.pages);
  const events: TimedTabEvent[] = [{ at: pages[0]?.at ?? 0, event: { type: 'set-preserve-log', value: true } }];
  for (const page of pages.slice(1)) events.push({ at: page.at, event: { type: 'document-started', at: page.at, url: page.url } });
  let webSocketCount = 0;
  for (const [index, entry] of entries.entries()) {
    if (typeof entry !== 'object' || entry === null || !isWebSocketEntry(entry)) continue;
    webSocketCount += 1;
    const socketEventsOrError = socketEvents(entry, `har-${webSocketCount}`, previewChars);
    if (typeof socketEventsOrError === 'string') return { ok: false, error: `This HAR's entry ${index} (a WebSocket) ${socketEventsOrError}.` };
    events.push(...socketEventsOrError);
  }
  // Stable: a socket's created, open and frames keep their order when their times are equal.
  events.sort((a, b) => a.at - b.at);
  const times = events.map((timed) => timed.at).filter((at) => at > 0);
  const startedAt = pages[0]?.at ?? (times.length > 0 ? Math.min(...times) : 0);
  const url = firstDocumentUrl(entries) ?? pages[0]?.url ?? '';
  return {
    ok: true,
    recording: { url, startedAt, lastEventAt: times.length > 0 ? Math.max(...times) : startedAt, events, webSocketCount, limitations: HAR_LIMITATIONS },
  };
}
