import type { Rule } from './types';
import { groupBy, liveSockets, overlapFindings } from './types';

/**
 * duplicate-connection: one user holds two or more live sockets in one tab (all frames) for
 * longer than the grace window. The window absorbs reconnect hand-overs and React StrictMode's
 * mount/unmount/mount, which overlap only briefly.
 */
export const duplicateConnection: Rule = (state, now, settings) =>
  overlapFindings(groupBy(liveSockets(state), (socket) => socket.identity.userId), now, settings.graceWindowMs, (userId, sockets) => ({
    rule: 'duplicate-connection',
    severity: 'error',
    key: userId,
    userId,
    socketIds: sockets.map((socket) => socket.id),
    message: `User "${userId}" holds ${sockets.length} connections at once in this tab; a user should hold exactly one.`,
  }));
