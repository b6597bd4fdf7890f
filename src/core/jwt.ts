/**
 * Reads a JWT's claims without verifying it. The signature is a secret we never keep or show.
 * Hand-rolled rather than a dependency because it is a base64url decode and a JSON.parse, and
 * it must work unchanged in the worker, the panel and Node.
 */
import type { TokenSummary } from './types';

export type JwtClaims = Record<string, unknown>;

const JWT_SHAPE = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;

export function looksLikeJwt(value: string): boolean {
  return JWT_SHAPE.test(value);
}

function decodeBase64Url(part: string): string {
  const base64 = part.replace(/-/g, '+').replace(/_/g, '/');
  const padded = base64 + '='.repeat((4 - (base64.length % 4)) % 4);
  const binary = atob(padded);
  const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
  return new TextDecoder().decode(bytes);
}

/** The payload of a JWT, or null when the value is not a decodable JWT. */
export function decodeJwtClaims(token: string): JwtClaims | null {
  if (!looksLikeJwt(token)) return null;
  try {
    const claims: unknown = JSON.parse(decodeBase64Url(token.split('.')[1] ?? ''));
    return typeof claims === 'object' && claims !== null && !Array.isArray(claims) ? (claims as JwtClaims) : null;
  } catch {
    return null;
  }
}

/** The signature segment, e.g. 'devtoken' for Stream development tokens. */
export function jwtSignature(token: string): string | null {
  return looksLikeJwt(token) ? (token.split('.')[2] ?? null) : null;
}

/**
 * What rules need from a token: its user claims, expiry and whether it is a Stream development
 * token. Null when the value is not a decodable JWT. The signature itself is not kept.
 */
export function summarizeToken(token: string): TokenSummary | null {
  const claims = decodeJwtClaims(token);
  if (!claims) return null;
  const exp = claims['exp'];
  return {
    userId: stringClaim(claims['user_id']),
    subject: stringClaim(claims['sub']),
    expiresAt: typeof exp === 'number' && Number.isFinite(exp) ? exp * 1000 : null,
    devToken: jwtSignature(token) === 'devtoken',
  };
}

function stringClaim(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}
