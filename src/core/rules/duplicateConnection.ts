import type { FindingCandidate, Rule } from './types';
import { earliest, groupBy, liveSockets, overlapPastGrace } from './types';

/**
 * duplicate-connection: one user holds two or more live sockets in one tab (all frames) for
 * longer than the grace window. The window absorbs reconnect hand-overs and React StrictMode's
 * mount/unmount/mount, which overlap only briefly.
 */
export const duplicateConnection: Rule = (state, now, settings) => {
  const candidates: FindingCandidate[] = [];
  let nextCheckAt: number | null = null;
  const byUser = groupBy(liveSockets(state), (socket) => socket.identity.userId);
  for (const [userId, sockets] of byUser) {
    const overlap = overlapPastGrace(sockets, now, settings.graceWindowMs);
    if (!overlap) continue;
    if (!overlap.past) {
      nextCheckAt = earliest(nextCheckAt, overlap.dueAt);
      continue;
    }
    candidates.push({
      rule: 'duplicate-connection',
      severity: 'error',
      key: userId,
      userId,
      socketIds: sockets.map((socket) => socket.id),
      message: `User "${userId}" holds ${sockets.length} connections at once in this tab; a user should hold exactly one.`,
    });
  }
  return { candidates, nextCheckAt };
};
