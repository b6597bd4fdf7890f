/**
 * What leaves the worker while redaction is on (docs/redaction.md): a secret's whole value is
 * replaced by REDACTED, and so is every JWT, header and claims included. The claims a person
 * needs are decoded once, from the unredacted record, into the socket's `urlToken` (the
 * panel's token view); the signature is never shown.
 */
import { isSecretName } from './secretNames';
import { tokenViewOfUrl } from './tokenView';
import type { ApiCall } from './http/apiCall';
import type { TabChanges } from './tabChanges';
import type { Finding, FrameRecord, PageRecord, SocketRecord, TabState } from './types';

/** What replaces a secret on screen and in exports. */
export const REDACTED = '[REDACTED]';

const BASE64URL = '[A-Za-z0-9_-]';
/**
 * A JWT anywhere in text: a header (base64url of `{"`, so `eyJ`), the claims, and a signature
 * that may be empty (unsigned tokens); encrypted tokens (JWE) have two more parts. Not preceded
 * by a base64url character, so the middle of a longer word is left alone.
 */
const JWT_IN_TEXT = new RegExp(`(?<!${BASE64URL})eyJ${BASE64URL}*\\.${BASE64URL}+\\.${BASE64URL}*(?:\\.${BASE64URL}*\\.${BASE64URL}*)?`, 'g');
/** A JSON string field: `"name": "value"` (escapes inside either string allowed). */
const JSON_STRING_FIELD = /"([^"\\]*(?:\\.[^"\\]*)*)"(\s*:\s*)"[^"\\]*(?:\\.[^"\\]*)*"/g;
/** A query-style `name=value` in free text: after `?`, `&`, `;`, `#`, whitespace or at the start. */
const TEXT_PARAM = /(^|[?&;#\s])([A-Za-z0-9_.[\]-]+)=([^&;#\s"'<>]*)/g;
/** A header-style line (`Authorization: Bearer …`, STOMP's `passcode:…`). */
const HEADER_LINE = /^([A-Za-z0-9_-]+)([ \t]*:[ \t]*)(\S[^\r\n]*)$/gm;
const HAS_SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*:\S*$/;
/** `scheme://user:password@host`: the password is a secret. */
const URL_PASSWORD = /^([A-Za-z][A-Za-z0-9+.-]*:\/\/[^/?#@:]*:)([^/?#@]+)(@)/;

/** Replaces every JWT in `text` whole. */
export function redactJwts(text: string): string {
  return text.replace(JWT_IN_TEXT, REDACTED);
}

/**
 * Free text (a frame preview, a close reason, a stack line, a message): JWTs, string values of
 * secret JSON fields, secret `name=value` pairs and secret header lines.
 */
export function redactText(text: string): string {
  // Each pass only where its shape can occur: previews are redacted by the thousand.
  let redacted = text.includes('eyJ') ? redactJwts(text) : text;
  if (redacted.includes('"')) redacted = redacted.replace(JSON_STRING_FIELD, (field: string, name: string, colon: string) => (isSecretName(name) ? `"${name}"${colon}"${REDACTED}"` : field));
  if (redacted.includes('=')) redacted = redacted.replace(TEXT_PARAM, (pair: string, before: string, name: string, value: string) => (value !== '' && isSecretName(name) ? `${before}${name}=${REDACTED}` : pair));
  if (redacted.includes(':')) redacted = redacted.replace(HEADER_LINE, (line: string, name: string, colon: string) => (isSecretName(name) ? `${name}${colon}${REDACTED}` : line));
  return redacted;
}

function decodeComponent(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}

/** One query value as written in the URL: left exactly as it was unless something in it is secret. */
function redactQueryValue(encoded: string): string {
  const decoded = decodeComponent(encoded);
  const redacted = redactText(decoded);
  if (redacted === decoded) return encoded;
  // Re-encoded, with the marker left readable.
  return encodeURIComponent(redacted).replaceAll(encodeURIComponent(REDACTED), REDACTED);
}

/** `a=1&token=x` (a query or a fragment written like one): secret names lose their whole value. */
function redactQuery(query: string): string {
  return query
    .split('&')
    .map((pair) => {
      const equals = pair.indexOf('=');
      if (equals < 0) return redactQueryValue(pair);
      const name = pair.slice(0, equals);
      const value = pair.slice(equals + 1);
      if (value !== '' && isSecretName(decodeComponent(name))) return `${name}=${REDACTED}`;
      return `${name}=${redactQueryValue(value)}`;
    })
    .join('&');
}

/**
 * A URL with the whole value of every secret parameter (query or fragment), the password of
 * its user info and every JWT (in a value, a path segment, anywhere) replaced. Everything else
 * is left exactly as written; text that is no URL is redacted all the same.
 */
export function redactUrl(url: string): string {
  if (!HAS_SCHEME.test(url)) return redactText(url);
  const hashAt = url.indexOf('#');
  const beforeHash = hashAt < 0 ? url : url.slice(0, hashAt);
  const queryAt = beforeHash.indexOf('?');
  const base = queryAt < 0 ? beforeHash : beforeHash.slice(0, queryAt);
  let redacted = redactJwts(base).replace(URL_PASSWORD, `$1${REDACTED}$3`);
  if (queryAt >= 0) redacted += `?${redactQuery(beforeHash.slice(queryAt + 1))}`;
  if (hashAt >= 0) redacted += `#${redactQuery(url.slice(hashAt + 1))}`;
  return redacted;
}

/**
 * A socket record changes with every frame, but its stack and most of its frames are the same
 * objects as in its previous version (the reducer shares them): each is redacted once.
 */
const redactedFrames = new WeakMap<FrameRecord, FrameRecord>();
const redactedStacks = new WeakMap<string[], string[]>();

function redactFrame(frame: FrameRecord): FrameRecord {
  if (frame.binary) return frame;
  let redacted = redactedFrames.get(frame);
  if (redacted === undefined) redactedFrames.set(frame, (redacted = { ...frame, preview: redactText(frame.preview) }));
  return redacted;
}

function redactStack(stack: string[]): string[] {
  let redacted = redactedStacks.get(stack);
  if (redacted === undefined) redactedStacks.set(stack, (redacted = stack.map(redactText)));
  return redacted;
}

function redactSocket(socket: SocketRecord): SocketRecord {
  const urlToken = socket.urlToken ?? tokenViewOfUrl(socket.url);
  const redacted: SocketRecord = {
    ...socket,
    url: redactUrl(socket.url),
    frameUrl: redactUrl(socket.frameUrl),
    closeReason: socket.closeReason === null ? null : redactText(socket.closeReason),
    initiator: socket.initiator === null ? null : redactText(socket.initiator),
    stack: redactStack(socket.stack),
    frames: socket.frames.map(redactFrame),
  };
  if (socket.serverError) redacted.serverError = { ...socket.serverError, message: redactText(socket.serverError.message) };
  // The claims stay readable in the token view; the signature leaves as what it is, never as itself.
  if (urlToken) redacted.urlToken = { ...urlToken, signature: urlToken.signature === 'present' ? 'redacted' : urlToken.signature };
  return redacted;
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

/** A finding's message and key may quote an endpoint, whose path may hold a token. */
function redactFinding(finding: Finding): Finding {
  return { ...finding, message: redactText(finding.message), key: redactText(finding.key) };
}

/** The page's Stream API calls, their URLs redacted like a socket's. */
function redactApiCalls(calls: ApiCall[]): ApiCall[] {
  return calls.map((call) => ({ ...call, url: redactUrl(call.url) }));
}

/** The tab's state as it may leave the worker while redaction is on. Redacting twice changes nothing. */
export function redactTabState(state: TabState): TabState {
  const sockets: TabState['sockets'] = {};
  for (const [id, socket] of Object.entries(state.sockets)) sockets[id] = redactedSocket(socket);
  return {
    ...state,
    sockets,
    findings: state.findings.map(redactFinding),
    pages: redactPages(state.pages),
    ...(state.apiCalls ? { apiCalls: redactApiCalls(state.apiCalls) } : {}),
  };
}

/** Changes to a tab (core/tabChanges) as they may leave the worker: redacted as redactTabState redacts the whole. */
export function redactTabChanges(changes: TabChanges): TabChanges {
  const redacted: TabChanges = { ...changes };
  if (changes.sockets) redacted.sockets = { ...changes.sockets, upserted: changes.sockets.upserted.map(redactedSocket) };
  if (changes.findings) redacted.findings = { ...changes.findings, upserted: changes.findings.upserted.map(redactFinding) };
  if (changes.meta?.pages || changes.meta?.apiCalls) {
    redacted.meta = { ...changes.meta };
    if (changes.meta.pages) redacted.meta.pages = redactPages(changes.meta.pages);
    if (changes.meta.apiCalls) redacted.meta.apiCalls = redactApiCalls(changes.meta.apiCalls);
  }
  return redacted;
}
