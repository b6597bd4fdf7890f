/**
 * The token a socket's URL carries, decoded for people: where it was, its claims, and what its
 * signature is, never the signature itself. The worker makes it from the unredacted URL before
 * redaction replaces the token (redact.ts); the panel shows it as the token view.
 */
import { decodeJwtClaims, looksLikeJwt } from './jwt';
import type { TokenView } from './types';

function viewOf(param: string, token: string): TokenView | null {
  if (!looksLikeJwt(token)) return null;
  const claims = decodeJwtClaims(token);
  if (!claims) return null;
  const signature = token.slice(token.lastIndexOf('.') + 1);
  return { param, claims, signature: signature === '' ? 'missing' : signature === 'devtoken' ? 'devtoken' : 'present' };
}

/** The first JWT of a URL: in a query value (in order), else in a path segment; null if none. */
export function tokenViewOfUrl(url: string): TokenView | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  for (const [name, value] of parsed.searchParams) {
    const view = viewOf(name, value);
    if (view) return view;
  }
  for (const segment of parsed.pathname.split('/')) {
    const view = viewOf('path', segment);
    if (view) return view;
  }
  return null;
}
