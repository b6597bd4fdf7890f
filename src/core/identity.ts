import { decodeJwtClaims } from './jwt';
import type { FrameRecord, Identity } from './types';

export const UNKNOWN_IDENTITY: Identity = {
  userId: null,
  apiKey: null,
  source: null,
  userDetails: null,
  connectionId: null,
};

function parseUrl(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

function parseJsonObject(text: string | null): Record<string, unknown> | null {
  if (!text) return null;
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

function nonEmptyString(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

/**
 * Who owns a socket, from its connect URL alone: the Stream v9 connect URL first
 * (`json` -> user_id and user_details, `api_key`), then the token's claims (user_id, else sub).
 */
export function identityFromUrl(url: string): Identity {
  const parsed = parseUrl(url);
  if (!parsed) return UNKNOWN_IDENTITY;
  const params = parsed.searchParams;
  const apiKey = nonEmptyString(params.get('api_key'));
  const payload = parseJsonObject(params.get('json'));
  const streamUser = nonEmptyString(payload?.['user_id']);
  if (streamUser) {
    return { userId: streamUser, apiKey, source: 'stream-url', userDetails: payload?.['user_details'] ?? null, connectionId: null };
  }
  const token = params.get('authorization') ?? params.get('token') ?? params.get('access_token');
  const claims = token ? decodeJwtClaims(token) : null;
  const claimedUser = nonEmptyString(claims?.['user_id']) ?? nonEmptyString(claims?.['sub']);
  if (claimedUser) {
    return { userId: claimedUser, apiKey, source: 'token', userDetails: null, connectionId: null };
  }
  return { ...UNKNOWN_IDENTITY, apiKey };
}

/**
 * Refines an identity from one frame: a server `health.check`/`connection.ok` names the user
 * (`me.id`) and the connection id; a client auth frame (newer Stream SDKs) names the user.
 */
export function refineIdentityFromFrame(identity: Identity, frame: FrameRecord): Identity {
  if (frame.binary) return identity;
  const message = parseJsonObject(frame.preview);
  if (!message) return identity;
  if (frame.direction === 'in') {
    const type = message['type'];
    if (type !== 'health.check' && type !== 'connection.ok') return identity;
    const me = message['me'] as Record<string, unknown> | undefined;
    const meId = nonEmptyString(me?.['id']);
    const connectionId = nonEmptyString(message['connection_id']) ?? identity.connectionId;
    if (identity.userId) return connectionId === identity.connectionId ? identity : { ...identity, connectionId };
    return { ...identity, userId: meId, source: meId ? 'frame' : identity.source, connectionId };
  }
  if (identity.userId) return identity;
  const authUser = nonEmptyString(message['user_id']) ?? nonEmptyString((message['user_details'] as Record<string, unknown> | undefined)?.['id']);
  if (!authUser || !('token' in message || 'user_details' in message)) return identity;
  return { ...identity, userId: authUser, source: 'frame', userDetails: message['user_details'] ?? identity.userDetails };
}

/** Origin + path: what "the same endpoint" means for sockets whose user is unknown. */
export function endpointOf(url: string): string {
  const parsed = parseUrl(url);
  return parsed ? `${parsed.protocol}//${parsed.host}${parsed.pathname}` : url;
}
