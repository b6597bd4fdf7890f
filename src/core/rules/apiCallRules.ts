import { latestBy, streamApiCalls } from '../http/streamApiCalls';
import type { ApiCall } from '../http/apiCall';
import type { FindingCandidate, Rule } from './types';
import { plural } from './wording';

/**
 * The rules of Stream's integration checklist that rest on the page's REST calls (permissions,
 * queryChannels, rate limits). Each reports a condition of the latest calls, so a finding
 * resolves once the app's next call of the same kind is right again: the checklist turns back
 * to passed when the mistake is fixed, and the resolved finding stays as the record of it.
 * The sockets they are about: none (socketIds is empty); the evidence is the calls.
 */

function candidate(rule: FindingCandidate['rule'], severity: FindingCandidate['severity'], key: string, message: string): FindingCandidate {
  return { rule, severity, key, userId: null, socketIds: [], message };
}

/** rate-limited: the latest call to an endpoint was answered 429 (Stream error code 9). */
export const rateLimited: Rule = (state) => {
  const candidates: FindingCandidate[] = [];
  for (const [endpoint, call] of latestBy(streamApiCalls(state), (c) => c.endpoint)) {
    if (call.status !== 429) continue;
    const reset = call.rateLimit?.reset ? ` until ${new Date(call.rateLimit.reset * 1000).toISOString().slice(11, 19)} UTC` : '';
    candidates.push(candidate('rate-limited', 'error', endpoint, `${endpoint} was answered 429 Too Many Requests: the app is over Stream's rate limit for this endpoint${reset}.`));
  }
  return { candidates, nextCheckAt: null };
};

/** rate-limit-headroom: the latest answer of an endpoint left less than the threshold of its limit. */
export const rateLimitHeadroom: Rule = (state, _now, settings) => {
  const candidates: FindingCandidate[] = [];
  for (const [endpoint, call] of latestBy(streamApiCalls(state), (c) => c.endpoint)) {
    const rate = call.rateLimit;
    if (!rate || call.status === 429) continue;
    if (rate.remaining / rate.limit * 100 >= settings.rateLimitHeadroomPercent) continue;
    candidates.push(
      candidate('rate-limit-headroom', 'warning', endpoint, `${endpoint} has ${rate.remaining} of ${rate.limit} calls left this minute (under ${settings.rateLimitHeadroomPercent}%): the app is close to Stream's rate limit.`),
    );
  }
  return { candidates, nextCheckAt: null };
};

/** What a 403's message names: `User 'x' with role 'user' is not allowed to access Resource CreateChannel on channel type messaging`. */
export function deniedAction(call: ApiCall): { action: string; role: string | null; scope: string | null } {
  const message = call.error?.message ?? '';
  const action = /Resource (\w+)/.exec(message)?.[1] ?? call.endpoint;
  const role = /with role '([^']+)'/.exec(message)?.[1] ?? null;
  const scope = /on (channel type \S+|channel \S+)/.exec(message)?.[1] ?? null;
  return { action, role, scope };
}

/** permission-denied: the latest call of an endpoint was answered 403, grouped by the action it names. */
export const permissionDenied: Rule = (state) => {
  const byAction = new Map<string, { role: string | null; scope: string | null; endpoints: Set<string> }>();
  for (const call of latestBy(streamApiCalls(state), (c) => c.endpoint).values()) {
    if (call.status !== 403) continue;
    const { action, role, scope } = deniedAction(call);
    const group = byAction.get(action) ?? { role, scope, endpoints: new Set<string>() };
    group.endpoints.add(call.endpoint);
    byAction.set(action, group);
  }
  const candidates = [...byAction].map(([action, { role, scope, endpoints }]) =>
    candidate(
      'permission-denied',
      'error',
      action,
      `Stream refused ${action}${role ? ` for role "${role}"` : ''}${scope ? ` on ${scope}` : ''} (403, ${plural(endpoints.size, 'endpoint')}): the app calls what its permissions forbid.`,
    ),
  );
  return { candidates, nextCheckAt: null };
};

const queryChannelsCalls = (calls: ApiCall[]): ApiCall[] => calls.filter((call) => call.queryChannels !== null && call.status !== 0);

/** A filter that narrows to the user's channels or a channel type, at its top level or in an `$and`. */
export function isNarrowFilter(filter: Record<string, unknown> | null): boolean {
  if (!filter) return false;
  if ('members' in filter || 'type' in filter || 'cid' in filter || 'id' in filter) return true;
  const all = filter['$and'];
  return Array.isArray(all) && all.some((inner) => typeof inner === 'object' && inner !== null && isNarrowFilter(inner as Record<string, unknown>));
}

/** query-channels-unfiltered: the latest queryChannels has no `members` or `type` condition. */
export const queryChannelsUnfiltered: Rule = (state) => {
  const latest = queryChannelsCalls(streamApiCalls(state)).at(-1);
  const query = latest?.queryChannels;
  if (!query || isNarrowFilter(query.filter)) return { candidates: [], nextCheckAt: null };
  return {
    candidates: [
      candidate(
        'query-channels-unfiltered',
        'warning',
        query.filterText,
        `queryChannels filters on ${query.filterText}, with no members or type condition: it scans every channel of the app; filter on members: {$in: [userID]}.`,
      ),
    ],
    nextCheckAt: null,
  };
};

/** query-channels-unbounded: the latest queryChannels has no limit, or a limit over the maximum while watching. */
export const queryChannelsUnbounded: Rule = (state, _now, settings) => {
  const latest = queryChannelsCalls(streamApiCalls(state)).at(-1);
  const query = latest?.queryChannels;
  if (!query) return { candidates: [], nextCheckAt: null };
  const max = settings.queryChannelsMaxLimit;
  const problem = query.limit === null ? 'has no limit' : query.watch === true && query.limit > max ? `watches ${query.limit} channels at once (limit over ${max})` : null;
  if (!problem) return { candidates: [], nextCheckAt: null };
  return {
    candidates: [candidate('query-channels-unbounded', 'warning', query.filterText, `queryChannels ${problem}: pass a limit of at most ${max} and page with offset.`)],
    nextCheckAt: null,
  };
};

/** query-channels-repeated: the same filter queried N+ times within the window (a query on every render). */
export const queryChannelsRepeated: Rule = (state, now, settings) => {
  const windowMs = settings.queryRepeatWindowMs;
  const recent = queryChannelsCalls(streamApiCalls(state)).filter((call) => call.at > now - windowMs);
  const byFilter = new Map<string, ApiCall[]>();
  for (const call of recent) {
    const key = call.queryChannels?.filterText ?? '';
    byFilter.set(key, [...(byFilter.get(key) ?? []), call]);
  }
  const candidates: FindingCandidate[] = [];
  let nextCheckAt: number | null = null;
  for (const [filterText, calls] of byFilter) {
    if (calls.length < settings.queryRepeatCount) continue;
    candidates.push(
      candidate(
        'query-channels-repeated',
        'warning',
        filterText,
        `queryChannels ran ${calls.length} times in ${Math.round(windowMs / 1000)} s with the same filter ${filterText}: a query on every render; query once and keep the result (or let the SDK's channel list do it).`,
      ),
    );
    // The condition ends when the oldest of the last N calls leaves the window.
    const dueAt = (calls[calls.length - settings.queryRepeatCount]?.at ?? now) + windowMs;
    nextCheckAt = nextCheckAt === null ? dueAt : Math.min(nextCheckAt, dueAt);
  }
  return { candidates, nextCheckAt };
};
