import { endpointOf } from '../identity';
import type { Rule } from './types';
import { groupBy, liveSockets, overlapFindings } from './types';

/**
 * duplicate-endpoint: the owner is unknown, but two or more sockets to the same endpoint
 * (origin + path) are live together in one tab past the grace window.
 */
export const duplicateEndpoint: Rule = (state, now, settings) => {
  const anonymous = liveSockets(state).filter((socket) => socket.identity.userId === null);
  return overlapFindings(groupBy(anonymous, (socket) => endpointOf(socket.url)), now, settings.graceWindowMs, (endpoint, sockets) => ({
    rule: 'duplicate-endpoint',
    severity: 'warning',
    key: endpoint,
    userId: null,
    socketIds: sockets.map((socket) => socket.id),
    message: `${sockets.length} connections to ${endpoint} are open at once in this tab and their user is unknown; one is usually enough.`,
  }));
};
