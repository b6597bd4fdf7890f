import { productOf } from '../streamProduct';
import type { SocketRecord } from '../types';
import { ownerKey } from './currentProblems';
import { toProduct, userProductKey } from './perProduct';
import type { FindingCandidate, Rule } from './types';
import { earliest, groupBy } from './types';
import { describeDuration, ownerLabel } from './wording';
import { endpointOf } from '../identity';

/** One user in one product (rules/perProduct.ts), else the endpoint. */
function churnKey(socket: SocketRecord): string {
  return userProductKey(socket) ?? ownerKey(socket);
}

/**
 * reconnect-churn: 5+ sockets (churnThreshold) opened for one user in one product, or one
 * endpoint when the user is unknown, in one tab within 60 s (churnWindowMs). A reconnect hand-over opens one
 * socket; a loop opens one after another. Resolves once the window holds fewer again.
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
  for (const [key, sockets] of groupBy(recent, churnKey)) {
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
