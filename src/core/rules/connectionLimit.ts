import { productOf } from '../streamProduct';
import type { LimitProfile, Settings, SocketRecord, StreamProduct, TabState } from '../types';
import type { FindingCandidate } from './types';
import { earliest, groupBy, liveSockets } from './types';
import { toProduct, userProductKey } from './perProduct';
import { plural } from './wording';

/** Stream's documented per-user limits (docs/rules/connection-limit.md): development apps 3, production 50. */
const PROFILE_LIMITS: Record<Exclude<LimitProfile, 'custom'>, number> = { development: 3, production: 50 };

/**
 * The products whose per-user connection limit Stream documents: Chat's 3 and 50. Video and
 * Feeds document none (docs/rules/connection-limit.md), so only a custom limit, which the user
 * set on purpose, applies to them; two of their sockets in one tab are still a
 * duplicate-connection. A socket of another SDK (no product) keeps the profile, as before
 * products were told apart.
 */
function limitApplies(product: StreamProduct | null, profile: LimitProfile): boolean {
  return profile === 'custom' || product === null || product === 'chat';
}

export interface ConnectionLimitSetting {
  profile: LimitProfile;
  limit: number;
}

/** The limit the settings ask for; an unknown profile or a bad custom number means development. */
export function connectionLimitOf(settings: Settings): ConnectionLimitSetting {
  const custom = settings.customConnectionLimit;
  if (settings.limitProfile === 'custom' && Number.isInteger(custom) && custom >= 1) return { profile: 'custom', limit: custom };
  if (settings.limitProfile === 'production') return { profile: 'production', limit: PROFILE_LIMITS.production };
  return { profile: 'development', limit: PROFILE_LIMITS.development };
}

/** The limit for one product's sockets, or null when Stream documents none for it (video, feeds). */
export function productLimitOf(settings: Settings, product: StreamProduct | null): ConnectionLimitSetting | null {
  const setting = connectionLimitOf(settings);
  return limitApplies(product, setting.profile) ? setting : null;
}

/** A rule over every tab at once: candidates per tab, and when to look again. */
export interface BrowserRuleResult {
  candidatesByTab: Map<number, FindingCandidate[]>;
  nextCheckAt: number | null;
}

interface TabSocket {
  tabId: number;
  socket: SocketRecord;
}

/** One user of one app and one product: the server counts a user's connections per app and product. */
function userKey({ socket }: TabSocket): string | null {
  const userProduct = userProductKey(socket);
  if (userProduct === null) return null;
  const { apiKey } = socket.identity;
  return apiKey === null ? userProduct : `${userProduct}\u0000${apiKey}`;
}

/**
 * connection-limit: one user's live sockets (and long-poll sessions) across ALL tabs of the
 * browser reach the limit (warning) or pass it (error); the server counts them together and
 * refuses the next one (Stream error 71). Each level is raised once it has held for the grace
 * window, so a hand-over does not flicker it. The finding appears in every tab holding one of
 * the user's sockets, naming the total and the tabs.
 */
export function connectionLimit(states: readonly TabState[], now: number, settings: Settings): BrowserRuleResult {
  const { profile, limit } = connectionLimitOf(settings);
  const candidatesByTab = new Map<number, FindingCandidate[]>();
  let nextCheckAt: number | null = null;
  const all: TabSocket[] = states.flatMap((state) => liveSockets(state).map((socket) => ({ tabId: state.tabId, socket })));
  for (const [key, held] of groupBy(all, userKey)) {
    const product = held[0] ? productOf(held[0].socket.identity) : null;
    if (held.length < limit || !limitApplies(product, profile)) continue;
    const starts = held.map(({ socket }) => socket.createdAt).sort((a, b) => a - b);
    const atLimitDue = (starts[limit - 1] ?? now) + settings.graceWindowMs;
    const overLimitDue = held.length > limit ? (starts[limit] ?? now) + settings.graceWindowMs : null;
    const over = overLimitDue !== null && now >= overLimitDue;
    if (!over && overLimitDue !== null) nextCheckAt = earliest(nextCheckAt, overLimitDue);
    if (now < atLimitDue) {
      nextCheckAt = earliest(nextCheckAt, atLimitDue);
      continue;
    }
    const userId = held[0]?.socket.identity.userId ?? '';
    const byTab = groupBy(held, ({ tabId }) => String(tabId));
    const where = byTab.size === 1 ? 'in one tab' : `across ${byTab.size} tabs`;
    for (const [tabId, mine] of byTab) {
      const here = byTab.size === 1 ? '' : ` (${mine.length} in this tab)`;
      const message = over
        ? `User "${userId}" holds ${plural(held.length, 'connection')}${toProduct(product)} ${where}${here}; the ${profile} limit is ${limit}, so the server refuses more.`
        : `User "${userId}" holds ${plural(held.length, 'connection')}${toProduct(product)} ${where}${here}, at the ${profile} limit of ${limit}; one more will be refused.`;
      const candidates = candidatesByTab.get(Number(tabId)) ?? [];
      candidates.push({
        rule: 'connection-limit',
        severity: over ? 'error' : 'warning',
        key,
        userId,
        product,
        socketIds: mine.map(({ socket }) => socket.id),
        message,
      });
      candidatesByTab.set(Number(tabId), candidates);
    }
  }
  return { candidatesByTab, nextCheckAt };
}
