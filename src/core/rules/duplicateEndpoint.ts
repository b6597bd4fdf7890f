import { endpointOf } from '../identity';
import type { FindingCandidate, Rule } from './types';
import { earliest, groupBy, liveSockets, overlapPastGrace } from './types';

/**
 * duplicate-endpoint: the owner is unknown, but two or more sockets to the same endpoint
 * (origin + path) are live together in one tab past the grace window.
 */
export const duplicateEndpoint: Rule = (state, now, settings) => {
  const candidates: FindingCandidate[] = [];
  let nextCheckAt: number | null = null;
  const anonymous = liveSockets(state).filter((socket) => socket.identity.userId === null);
  for (const [endpoint, sockets] of groupBy(anonymous, (socket) => endpointOf(socket.url))) {
    const overlap = overlapPastGrace(sockets, now, settings.graceWindowMs);
    if (!overlap) continue;
    if (!overlap.past) {
      nextCheckAt = earliest(nextCheckAt, overlap.dueAt);
      continue;
    }
    candidates.push({
      rule: 'duplicate-endpoint',
      severity: 'warning',
      key: endpoint,
      userId: null,
      socketIds: sockets.map((socket) => socket.id),
      message: `${sockets.length} connections to ${endpoint} are open at once in this tab and their user is unknown; one is usually enough.`,
    });
  }
  return { candidates, nextCheckAt };
};
