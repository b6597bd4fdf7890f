/**
 * Whose socket is it? The order docs/identity.md gives: the Stream connect URL, the token's claims, the
 * first frames each way, then the configurable identity rules (settings), of which Stream's
 * built-in reading is the first preset. A socket with no identity still counts per endpoint.
 */
import { DEFAULT_IDENTITY_RULES, ruleSource, usableIdentityRules, userFromFrameByRule, userFromQueryByRule } from './identityRules';
import { parseFrameJson, nonEmptyString } from './jsonPath';
import { streamFactsFromFrame, streamUserFromQuery, tokenFromQuery } from './streamIdentity';
import { productFromAuthFrame, productFromUrl } from './streamProduct';
import type { FrameRecord, Identity, IdentityRule } from './types';

export const UNKNOWN_IDENTITY: Identity = {
  userId: null,
  apiKey: null,
  source: null,
  userDetails: null,
  connectionId: null,
  token: null,
  product: null,
  client: null,
};

/** Sources Stream's reading gives, best first; each rule's rank is its place in the list. */
const STREAM_SOURCES = ['stream-url', 'token', 'stream-frame'];

function parseUrl(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/**
 * How trusted a source is under `rules` (lower wins). A user found by a better source later
 * (a server hello after a query-parameter guess) replaces it; a worse one never does.
 */
function rankOf(source: string, rules: IdentityRule[]): number {
  const streamRank = STREAM_SOURCES.indexOf(source);
  const index = streamRank >= 0 ? rules.findIndex((rule) => rule.kind === 'stream') : rules.findIndex((rule) => ruleSource(rule) === source);
  // A source no current rule gives (a rule since removed, an imported report) is kept as is.
  if (index < 0) return -1;
  return index * STREAM_SOURCES.length + Math.max(streamRank, 0);
}

/** Who owns a socket, from its connect URL alone. */
export function identityFromUrl(url: string, rules: readonly IdentityRule[] = DEFAULT_IDENTITY_RULES): Identity {
  const parsed = parseUrl(url);
  if (!parsed) return UNKNOWN_IDENTITY;
  const params = parsed.searchParams;
  const identity: Identity = { ...UNKNOWN_IDENTITY, apiKey: nonEmptyString(params.get('api_key')), token: tokenFromQuery(params), ...productFromUrl(parsed) };
  for (const rule of usableIdentityRules(rules)) {
    if (rule.kind === 'stream') {
      const found = streamUserFromQuery(params, identity.token);
      if (found) return { ...identity, ...found };
      continue;
    }
    const userId = userFromQueryByRule(rule, params);
    if (userId) return { ...identity, userId, source: ruleSource(rule) };
  }
  return identity;
}

/**
 * Refines an identity from one of the first frames: a Stream hello names the user and the
 * connection id, a client auth frame the user, its object and its token; a configurable rule
 * may name the user where nothing better has.
 */
export function refineIdentityFromFrame(identity: Identity, frame: FrameRecord, rules: readonly IdentityRule[] = DEFAULT_IDENTITY_RULES): Identity {
  if (frame.binary) return identity;
  const message = parseFrameJson(frame.preview);
  if (message === undefined) return identity;
  const usable = usableIdentityRules(rules);
  const currentRank = identity.userId === null || identity.source === null ? Infinity : rankOf(identity.source, usable);
  // The auth frame's `products` is the most specific word on the product, whoever names the user.
  const product = frame.direction === 'out' ? productFromAuthFrame(message) : null;
  let next = product === null || product === identity.product ? identity : { ...identity, product };
  for (const [index, rule] of usable.entries()) {
    if (rule.kind === 'stream') {
      const facts = streamFactsFromFrame(message, frame.direction);
      if (!facts) continue;
      next = {
        ...next,
        connectionId: facts.connectionId ?? next.connectionId,
        token: next.token ?? facts.token,
        userDetails: next.userDetails ?? facts.userDetails,
      };
      if (facts.userId && rankOf('stream-frame', usable) < currentRank) return { ...next, userId: facts.userId, source: 'stream-frame' };
      continue;
    }
    if (index * STREAM_SOURCES.length >= currentRank) break;
    const userId = userFromFrameByRule(rule, message, frame.direction);
    if (userId) return { ...next, userId, source: ruleSource(rule) };
  }
  return sameIdentity(next, identity) ? identity : next;
}

function sameIdentity(a: Identity, b: Identity): boolean {
  return a.userId === b.userId && a.connectionId === b.connectionId && a.token === b.token && a.userDetails === b.userDetails && a.source === b.source && a.product === b.product;
}

/** Origin + path: what "the same endpoint" means for sockets whose user is unknown. */
export function endpointOf(url: string): string {
  const known = endpointCache.get(url);
  if (known !== undefined) return known;
  const parsed = parseUrl(url);
  const endpoint = parsed ? `${parsed.protocol}//${parsed.host}${parsed.pathname}` : url;
  // Rules ask for every socket's endpoint on every evaluation; parsing URLs each time was the
  // worker's top cost in a long session (profiled). Bounded: cleared when full.
  if (endpointCache.size >= ENDPOINT_CACHE_SIZE) endpointCache.clear();
  endpointCache.set(url, endpoint);
  return endpoint;
}

const ENDPOINT_CACHE_SIZE = 5_000;
const endpointCache = new Map<string, string>();
