/**
 * Stream Chat's built-in identity reading (docs/identity.md):
 * - v9 connect URL: `json` = {user_id, user_details, ...}, `api_key`, `authorization` = JWT;
 * - the token's claims: `user_id`, else `sub`;
 * - the first frames: a `health.check` / `connection.ok` from the server with `me.id` and
 *   `connection_id`; a v10-style auth frame from the client with `token` and `user_details`.
 */
import { summarizeToken } from './jwt';
import { asObject, nonEmptyString, userIdText } from './jsonPath';
import type { Direction } from './wire/hookMessages';
import type { TokenSummary } from './types';

/** Query parameters that carry the connect token (Stream uses `authorization`). */
const TOKEN_PARAMS = ['authorization', 'token', 'access_token'];

export function tokenFromQuery(params: URLSearchParams): TokenSummary | null {
  for (const name of TOKEN_PARAMS) {
    const value = params.get(name);
    const token = value ? summarizeToken(value) : null;
    if (token) return token;
  }
  return null;
}

export interface StreamUrlUser {
  userId: string;
  source: 'stream-url' | 'token';
  userDetails: unknown;
}

/** The user of a connect URL: the `json` payload's user_id, else the token's claims. */
export function streamUserFromQuery(params: URLSearchParams, token: TokenSummary | null): StreamUrlUser | null {
  let payload: Record<string, unknown> | null = null;
  try {
    payload = asObject(JSON.parse(params.get('json') ?? ''));
  } catch {
    payload = null;
  }
  const streamUser = userIdText(payload?.['user_id']);
  if (streamUser) return { userId: streamUser, source: 'stream-url', userDetails: payload?.['user_details'] ?? null };
  const claimedUser = token?.userId ?? token?.subject ?? null;
  return claimedUser ? { userId: claimedUser, source: 'token', userDetails: null } : null;
}

export interface StreamFrameFacts {
  userId: string | null;
  connectionId: string | null;
  userDetails: unknown;
  token: TokenSummary | null;
}

/** What one of the first frames says about the connection, or null when it is no Stream hello/auth. */
export function streamFactsFromFrame(message: unknown, direction: Direction): StreamFrameFacts | null {
  const object = asObject(message);
  if (!object) return null;
  if (direction === 'in') {
    const type = object['type'];
    if (type !== 'health.check' && type !== 'connection.ok') return null;
    return {
      userId: userIdText(asObject(object['me'])?.['id']),
      connectionId: nonEmptyString(object['connection_id']),
      userDetails: null,
      token: null,
    };
  }
  if (!('token' in object || 'user_details' in object)) return null;
  const userDetails = object['user_details'];
  const token = nonEmptyString(object['token']);
  return {
    userId: userIdText(object['user_id']) ?? userIdText(asObject(userDetails)?.['id']),
    connectionId: null,
    userDetails: userDetails ?? null,
    token: token ? summarizeToken(token) : null,
  };
}
