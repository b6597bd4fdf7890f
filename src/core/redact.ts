import type { ApiCall } from './http/apiCall';
import type { TabChanges } from './tabChanges';
import type { PageRecord, SocketRecord, TabState } from './types';

/** What replaces a secret on screen and in exports. */
export const REDACTED = '[REDACTED]';

/** Query parameters and JSON fields whose values are secrets (README, "Secrets stay secret"). */
const SECRET_NAMES = new Set(['authorization', 'token', 'access_token', 'key', 'password', 'secret']);

// header.payload.signature, each base64url; headers of real JWTs start with eyJ ('{"').
const JWT_IN_TEXT = /\b(eyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)/g;
const SECRET_JSON_FIELD = /"(authorization|token|access_token|key|password|secret)"(\s*:\s*)("(?:[^"\\]|\\.)*")/gi;

/** Replaces every JWT signature in free text, keeping the readable header and claims. */
export function redactJwtSignatures(text: string): string {
  return text.replace(JWT_IN_TEXT, (_match, headAndClaims: string) => `${headAndClaims}.${REDACTED}`);
}

function redactQueryValue(value: string): string {
  // Already redacted (a report or view passed through twice): keep the readable part.
  if (value.includes(REDACTED)) return value;
  const withoutSignature = redactJwtSignatures(value);
  return withoutSignature !== value ? withoutSignature : REDACTED;
}

/** A URL with secret query values and JWT signatures replaced. Unparseable URLs are redacted as text. */
export function redactUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return redactText(url);
  }
  for (const [name, value] of [...parsed.searchParams]) {
    if (SECRET_NAMES.has(name.toLowerCase()) && value !== '') parsed.searchParams.set(name, redactQueryValue(value));
  }
  // URLSearchParams re-encodes; decode the marker's brackets so people can read it.
  return redactJwtSignatures(parsed.toString()).replaceAll(encodeURIComponent(REDACTED), REDACTED);
}

// A JWT whose signature redactJwtSignatures already replaced: header and claims, no secret.
const JWT_WITHOUT_SIGNATURE = /^eyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]+\.\[REDACTED\]$/;

/**
 * The value of a secret JSON field in a frame (`"token":"..."`, e.g. the JWT of Stream Video's
 * and Feeds' auth frame), redacted like the chat URL's token: a JWT keeps its readable header
 * and claims, anything else is replaced whole.
 */
export function redactSecretJsonValue(quotedValue: string): string {
  return JWT_WITHOUT_SIGNATURE.test(quotedValue.slice(1, -1)) ? quotedValue : `"${REDACTED}"`;
}

/** Frame previews and other text: secret JSON fields and JWT signatures. */
export function redactText(text: string): string {
  return redactJwtSignatures(text).replace(SECRET_JSON_FIELD, (_match, name: string, colon: string, value: string) => `"${name}"${colon}${redactSecretJsonValue(value)}`);
}

function redactSocket(socket: SocketRecord): SocketRecord {
  return {
    ...socket,
    url: redactUrl(socket.url),
    frameUrl: redactUrl(socket.frameUrl),
    frames: socket.frames.map((frame) => (frame.binary ? frame : { ...frame, preview: redactText(frame.preview) })),
  };
}

/**
 * Redacted copies by socket record. Records are immutable (the reducer shares the unchanged
 * ones between states), so a socket that did not change since the last update is not
 * redacted again: in a large tab most sockets are idle while a few chat.
 */
const redactedSockets = new WeakMap<SocketRecord, SocketRecord>();

/** A socket as it may leave the worker while redaction is on. */
function redactedSocket(socket: SocketRecord): SocketRecord {
  let redacted = redactedSockets.get(socket);
  if (redacted === undefined) redactedSockets.set(socket, (redacted = redactSocket(socket)));
  return redacted;
}

function redactPages(pages: PageRecord[]): PageRecord[] {
  return pages.map((page) => ({ ...page, url: redactUrl(page.url) }));
}

/** The tab's state as it may leave the worker while redaction is on. */
export function redactTabState(state: TabState): TabState {
  const sockets: TabState['sockets'] = {};
  for (const [id, socket] of Object.entries(state.sockets)) sockets[id] = redactedSocket(socket);
  return { ...state, sockets, pages: redactPages(state.pages), ...(state.apiCalls ? { apiCalls: redactApiCalls(state.apiCalls) } : {}) };
}

/** The page's Stream API calls, their URLs redacted like a socket's. */
function redactApiCalls(calls: ApiCall[]): ApiCall[] {
  return calls.map((call) => ({ ...call, url: redactUrl(call.url) }));
}

/** Changes to a tab (core/tabChanges) as they may leave the worker: redacted as redactTabState redacts the whole. */
export function redactTabChanges(changes: TabChanges): TabChanges {
  const redacted: TabChanges = { ...changes };
  if (changes.sockets) redacted.sockets = { ...changes.sockets, upserted: changes.sockets.upserted.map(redactedSocket) };
  if (changes.meta?.pages || changes.meta?.apiCalls) {
    redacted.meta = { ...changes.meta };
    if (changes.meta.pages) redacted.meta.pages = redactPages(changes.meta.pages);
    if (changes.meta.apiCalls) redacted.meta.apiCalls = redactApiCalls(changes.meta.apiCalls);
  }
  return redacted;
}
