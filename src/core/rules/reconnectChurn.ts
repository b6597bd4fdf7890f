import { productOf } from '../streamProduct';
import type { SocketRecord } from '../types';
import { ownerKey } from './currentProblems';
import { toProduct, userProductKey } from './perProduct';
import type { FindingCandidate, Rule } from './types';
import { earliest, groupBy } from './types';
import { describeDuration, ownerLabel } from './wording';
import { endpointOf } from '../identity';
import { callSiteKeyOf } from '../appFrames/asyncInitiators';

/** A socket the page itself closed within this long of creating it lived short (a loop, not a session). */
export const SHORT_LIFE_MS = 2000;

/**
 * The sockets that were replaced quickly, and those that replaced them: each followed by the
 * owner's next socket after the server or the network closed it, or after a short life the page
 * ended (or never ended) from the same call site. A user's deliberate sessions (logged in, used,
 * logged out) live longer and are not churn.
 */
export function churnedSockets(sockets: readonly SocketRecord[]): SocketRecord[] {
  const churned = new Set<SocketRecord>();
  for (let i = 0; i + 1 < sockets.length; i++) {
    const socket = sockets[i] as SocketRecord;
    const next = sockets[i + 1] as SocketRecord;
    const pageEnded = socket.closeRequestedAt;
    const byServer = socket.state === 'closed' && pageEnded === undefined;
    const ended = pageEnded ?? socket.closedAt;
    const shortLived = (ended ?? next.createdAt) - socket.createdAt < SHORT_LIFE_MS;
    // The call sites are read only when they decide: stacks are the costly part of a record.
    if (byServer || (shortLived && callSiteKeyOf(socket) === callSiteKeyOf(next))) churned.add(socket).add(next);
  }
  return sockets.filter((socket) => churned.has(socket));
}

/** One user in one product (rules/perProduct.ts), else the endpoint. */
function churnKey(socket: SocketRecord): string {
  return userProductKey(socket) ?? ownerKey(socket);
}

/**
 * reconnect-churn: 5+ sockets (churnThreshold) opened for one user in one product, or one
 * endpoint when the user is unknown, in one tab within 60 s (churnWindowMs), each replaced
 * quickly (churnedSockets). A reconnect hand-over opens one socket; a loop opens one after
 * another. Resolves once the window holds fewer again. The message counts exactly the sockets
 * the finding lists.
 */
export const reconnectChurn: Rule = (state, now, settings) => {
  const candidates: FindingCandidate[] = [];
  let nextCheckAt: number | null = null;
  const threshold = Math.max(2, settings.churnThreshold);
  const windowStart = now - settings.churnWindowMs;
  const recent: SocketRecord[] = [];
  for (const id of state.socketOrder) {
    const socket = state.sockets[id];
    if (socket && socket.createdAt > windowStart && socket.createdAt <= now) recent.push(socket);
  }
  for (const [key, owned] of groupBy(recent, churnKey)) {
    const sockets = churnedSockets(owned);
    if (sockets.length < threshold) continue;
    const starts = sockets.map((socket) => socket.createdAt).sort((a, b) => a - b);
    // The count falls under the threshold when this many of the oldest have left the window.
    const leavesAt = (starts[sockets.length - threshold] ?? now) + settings.churnWindowMs;
    nextCheckAt = earliest(nextCheckAt, leavesAt);
    const first = sockets[0] as SocketRecord;
    candidates.push({
      rule: 'reconnect-churn',
      severity: 'warning',
      key,
      userId: first.identity.userId,
      ...(first.identity.userId === null ? {} : { product: productOf(first.identity) }),
      socketIds: sockets.map((socket) => socket.id),
      message: `${ownerLabel(first.identity.userId, endpointOf(first.url))} opened ${sockets.length} connections${first.identity.userId === null ? '' : toProduct(productOf(first.identity))} in ${describeDuration(now - (starts[0] ?? now))} in this tab; something keeps reconnecting or remounting the client.`,
    });
  }
  return { candidates, nextCheckAt };
};
