// @ts-check
/**
 * Minimal HS256 JSON Web Tokens with node:crypto (no dependency), enough for Stream user tokens.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

/** @param {string | Buffer} data */
function base64url(data) {
  return Buffer.from(data).toString('base64url');
}

/**
 * Signs `payload` as an HS256 JWT.
 * @param {Record<string, unknown>} payload
 * @param {string} secret
 * @returns {string}
 */
export function signJwt(payload, secret) {
  const head = base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
  const body = base64url(JSON.stringify(payload));
  const signature = createHmac('sha256', secret).update(`${head}.${body}`).digest('base64url');
  return `${head}.${body}.${signature}`;
}

/**
 * Decodes a JWT without checking its signature.
 * @param {string} token
 * @returns {{ header: Record<string, unknown>, payload: Record<string, unknown>, signature: string } | null}
 */
export function decodeJwt(token) {
  const parts = token.split('.');
  if (parts.length !== 3) return null;
  const [head = '', body = '', signature = ''] = parts;
  try {
    const header = JSON.parse(Buffer.from(head, 'base64url').toString('utf8'));
    const payload = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
    if (!header || typeof header !== 'object' || !payload || typeof payload !== 'object') return null;
    return { header, payload, signature };
  } catch {
    return null;
  }
}

/**
 * Checks the HS256 signature of `token` with `secret`.
 * @param {string} token
 * @param {string} secret
 * @returns {boolean}
 */
export function hasValidSignature(token, secret) {
  const parts = token.split('.');
  if (parts.length !== 3) return false;
  const expected = createHmac('sha256', secret).update(`${parts[0]}.${parts[1]}`).digest();
  const actual = Buffer.from(parts[2] ?? '', 'base64url');
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
