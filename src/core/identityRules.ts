/**
 * Configurable identity rules (docs/identity.md): how to name the user of a socket whose
 * SDK is not Stream. Each rule reads one place: a query parameter of the connect URL, a JSON
 * path into the first frames, or a claim of a JWT found in either.
 */
import { decodeJwtClaims, looksLikeJwt } from './jwt';
import { asObject, readJsonPath, userIdText } from './jsonPath';
import type { Direction } from './wire/hookMessages';
import type { IdentityRule } from './types';

/**
 * Shipped presets, in the order they are tried: Stream's built-in reading first (the spec's
 * order: connect URL, token claims, first frames), then where other SDKs put the user
 * (docs/identity.md), then common names, and a JWT `sub` as the last resort.
 */
export const DEFAULT_IDENTITY_RULES: IdentityRule[] = [
  { kind: 'stream', name: 'Stream Chat', enabled: true },
  { kind: 'query', name: 'Sendbird URL', enabled: true, param: 'user_id' },
  { kind: 'frame', name: 'Sendbird LOGI reply', enabled: true, path: 'user_id', direction: 'in' },
  { kind: 'query', name: 'Ably', enabled: true, param: 'clientId' },
  { kind: 'query', name: 'userId', enabled: true, param: 'userId' },
  { kind: 'query', name: 'uid', enabled: true, param: 'uid' },
  { kind: 'query', name: 'user', enabled: true, param: 'user' },
  { kind: 'jwt', name: 'JWT sub', enabled: true, claim: 'sub' },
];

const isText = (value: unknown): value is string => typeof value === 'string' && value !== '';

function isIdentityRule(value: unknown): value is IdentityRule {
  const rule = asObject(value);
  if (!rule || !isText(rule['name']) || rule['enabled'] !== true) return false;
  switch (rule['kind']) {
    case 'stream':
      return true;
    case 'query':
      return isText(rule['param']) && (rule['path'] === undefined || isText(rule['path']));
    case 'frame':
      return isText(rule['path']) && ['in', 'out', 'any'].includes(String(rule['direction']));
    case 'jwt':
      return isText(rule['claim']);
    default:
      return false;
  }
}

/**
 * The enabled, well-formed rules of a settings value. Settings come from storage, which may
 * hold anything (an older build, a hand edit): a malformed rule is skipped, never thrown on.
 */
export function usableIdentityRules(value: unknown): IdentityRule[] {
  return Array.isArray(value) ? value.filter(isIdentityRule) : DEFAULT_IDENTITY_RULES;
}

/** How a rule is named in Identity.source. */
export function ruleSource(rule: IdentityRule): string {
  return `rule:${rule.name}`;
}

/** A query value that is JSON (e.g. `user={"id":"x"}`) is read at `path`, else at `id`. */
function userFromQueryValue(value: string, path: string | undefined): string | null {
  if (path === undefined && !/^\s*[[{]/.test(value)) return userIdText(value.trim());
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    return null;
  }
  return userIdText(readJsonPath(parsed, path ?? 'id'));
}

/** A claim of the first JWT among `values`. */
function claimOfJwts(values: Iterable<string>, claim: string): string | null {
  for (const value of values) {
    if (!looksLikeJwt(value)) continue;
    const found = userIdText(decodeJwtClaims(value)?.[claim]);
    if (found) return found;
  }
  return null;
}

/** Every string inside a parsed frame, a few levels deep: where a client puts its token. */
function stringsIn(value: unknown, depth = 3): string[] {
  if (typeof value === 'string') return [value];
  if (depth === 0 || typeof value !== 'object' || value === null) return [];
  return Object.values(value as Record<string, unknown>).flatMap((child) => stringsIn(child, depth - 1));
}

/** The user a non-Stream rule reads from a connect URL's query. */
export function userFromQueryByRule(rule: IdentityRule, params: URLSearchParams): string | null {
  if (rule.kind === 'query') {
    const value = params.get(rule.param);
    return value === null ? null : userFromQueryValue(value, rule.path);
  }
  if (rule.kind === 'jwt') return claimOfJwts(params.values(), rule.claim);
  return null;
}

/** The user a non-Stream rule reads from one of the first frames (already parsed). */
export function userFromFrameByRule(rule: IdentityRule, message: unknown, direction: Direction): string | null {
  if (rule.kind === 'frame') {
    if (rule.direction !== 'any' && rule.direction !== direction) return null;
    return userIdText(readJsonPath(message, rule.path));
  }
  // A token is something the client sends; a server's frames may quote other users' tokens.
  if (rule.kind === 'jwt' && direction === 'out') return claimOfJwts(stringsIn(message), rule.claim);
  return null;
}
