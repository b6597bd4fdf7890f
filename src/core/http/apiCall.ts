import { asObject } from '../jsonPath';
import type { HttpHookEvent } from '../wire/hookMessages';

/**
 * One call the page made to a Stream REST API, as the record keeps it: what the integration
 * checklist's rules need and nothing more. Of the request body only a queryChannels call's
 * query fields are kept; of an error reply only Stream's `code` and `message`.
 */
export interface ApiCall {
  /** Unique within the tab: the document's id and the call's time and order. */
  id: string;
  documentId: string | null;
  at: number;
  durationMs: number;
  method: string;
  /** The URL as the page called it (redacted before it is shown or exported). */
  url: string;
  /** Method and path without the query, e.g. `POST /channels`: what rate limits are counted per. */
  endpoint: string;
  /** 0 when the request failed without an answer. */
  status: number;
  rateLimit: { limit: number; remaining: number; reset: number | null } | null;
  error: { code: number | null; message: string } | null;
  /** For `POST .../channels` (queryChannels): the query, with filter and sort as canonical JSON. */
  queryChannels: QueryChannelsCall | null;
}

export interface QueryChannelsCall {
  filter: Record<string, unknown> | null;
  /** The filter as canonical JSON (keys sorted): the same filter is the same text. */
  filterText: string;
  sort: unknown;
  limit: number | null;
  offset: number | null;
  watch: boolean | null;
  presence: boolean | null;
  state: boolean | null;
}

const asNumber = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);
const asBoolean = (value: unknown): boolean | null => (typeof value === 'boolean' ? value : null);

function parseJson(text: string | null): unknown {
  if (text === null) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

/** JSON with object keys sorted at every level, so equal filters compare equal as text. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, inner]) => `${JSON.stringify(key)}:${canonicalJson(inner)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

function pathOf(url: string): string {
  try {
    return new URL(url, 'http://relative.invalid').pathname;
  } catch {
    return url.split('?')[0] ?? url;
  }
}

/** queryChannels is `POST <base>/channels` (the SDK's `queryChannels`); nothing else has that path. */
export function isQueryChannels(method: string, path: string): boolean {
  return method === 'POST' && /\/channels\/?$/.test(path);
}

function queryChannelsOf(body: string | null): QueryChannelsCall | null {
  const query = asObject(parseJson(body));
  if (!query) return null;
  const filter = asObject(query['filter_conditions']);
  return {
    filter,
    filterText: canonicalJson(filter ?? {}),
    sort: query['sort'] ?? null,
    limit: asNumber(query['limit']),
    offset: asNumber(query['offset']),
    watch: asBoolean(query['watch']),
    presence: asBoolean(query['presence']),
    state: asBoolean(query['state']),
  };
}

/** Stream's error body: `{code, message, StatusCode, duration, more_info, details}`. */
function errorOf(status: number, body: string | null): ApiCall['error'] {
  if (status < 400) return null;
  const error = asObject(parseJson(body));
  const message = typeof error?.['message'] === 'string' ? error['message'] : '';
  return { code: asNumber(error?.['code']), message: message.slice(0, 500) };
}

export function apiCallFromHook(event: HttpHookEvent, documentId: string | null, seq: number): ApiCall {
  const method = event.method.toUpperCase();
  const path = pathOf(event.url);
  const limit = event.rateLimitLimit;
  const remaining = event.rateLimitRemaining;
  return {
    id: `${documentId ?? 'doc'}-${event.at}-${seq}`,
    documentId,
    at: event.at,
    durationMs: event.durationMs,
    method,
    url: event.url,
    endpoint: `${method} ${path}`,
    status: event.status,
    rateLimit: limit !== null && remaining !== null && limit > 0 ? { limit, remaining, reset: event.rateLimitReset } : null,
    error: errorOf(event.status, event.errorBody),
    queryChannels: isQueryChannels(method, path) ? queryChannelsOf(event.requestBody) : null,
  };
}
