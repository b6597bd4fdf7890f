import { redactUrl } from './redact';
import { productOf } from './streamProduct';
import { currentPage } from './tabState';
import { isLive, type Finding, type Severity, type StreamProduct, type TabState } from './types';

/** One tab at a glance: what the popup lists and the panel's cross-tab view sums up. */
export interface TabTally {
  tabId: number;
  url: string;
  liveSockets: number;
  users: number;
  /** Active findings by severity. */
  findings: Record<Severity, number>;
  activeFindings: Array<Pick<Finding, 'rule' | 'severity' | 'userId' | 'message'>>;
}

/**
 * One user's live sockets of one product across every tab, the count the connection limit
 * applies to (per-user rules count per user and product: rules/perProduct.ts).
 */
export interface UserTally {
  userId: string;
  /** The Stream product; null for sockets of another SDK. */
  product: StreamProduct | null;
  total: number;
  perTab: Array<{ tabId: number; url: string; sockets: number }>;
}

export interface CrossTabTally {
  tabs: TabTally[];
  /** Most sockets first. */
  users: UserTally[];
}


type UserProduct = Pick<UserTally, 'userId' | 'product'>;

function tallyTab(state: TabState, redact: boolean): { tab: TabTally; perUser: Map<string, UserProduct & { sockets: number }> } {
  const perUser = new Map<string, UserProduct & { sockets: number }>();
  const users = new Set<string>();
  let liveSockets = 0;
  for (const socket of Object.values(state.sockets)) {
    if (!isLive(socket)) continue;
    liveSockets += 1;
    const userId = socket.identity.userId;
    if (userId === null) continue;
    users.add(userId);
    const product = productOf(socket.identity);
    const key = `${product ?? 'none'}:${userId}`;
    const entry = perUser.get(key) ?? { userId, product, sockets: 0 };
    entry.sockets += 1;
    perUser.set(key, entry);
  }
  const active = state.findings.filter((finding) => finding.active);
  const findings: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const finding of active) findings[finding.severity] += 1;
  return {
    tab: {
      tabId: state.tabId,
      url: redact ? redactUrl(currentPage(state).url) : currentPage(state).url,
      liveSockets,
      users: users.size,
      findings,
      activeFindings: active.map(({ rule, severity, userId, message }) => ({ rule, severity, userId, message })),
    },
    perUser,
  };
}

/** Per tab and per user, from every tab's record; page URLs redacted while redaction is on. */
export function crossTabTally(states: TabState[], options: { redact: boolean }): CrossTabTally {
  const tabs: TabTally[] = [];
  const users = new Map<string, UserTally>();
  for (const state of [...states].sort((a, b) => a.tabId - b.tabId)) {
    const { tab, perUser } = tallyTab(state, options.redact);
    tabs.push(tab);
    for (const [key, { userId, product, sockets }] of perUser) {
      const user = users.get(key) ?? { userId, product, total: 0, perTab: [] };
      user.total += sockets;
      user.perTab.push({ tabId: state.tabId, url: tab.url, sockets });
      users.set(key, user);
    }
  }
  return { tabs, users: [...users.values()].sort((a, b) => b.total - a.total || a.userId.localeCompare(b.userId) || (a.product ?? '').localeCompare(b.product ?? '')) };
}
