import type { Rule } from './types';
import { groupBy, liveSockets, overlapFindings } from './types';
import { productOfGroup, toProduct, userProductKey } from './perProduct';

/**
 * duplicate-connection: one user holds two or more live sockets of one product in one tab (all
 * frames: the same user in an iframe is still a second socket) for longer than the grace
 * window. The window absorbs reconnect hand-overs and React StrictMode's mount/unmount/mount,
 * which overlap only briefly. One chat and one video socket are two products, not a duplicate.
 */
export const duplicateConnection: Rule = (state, now, settings) =>
  overlapFindings(groupBy(liveSockets(state), userProductKey), now, settings.graceWindowMs, (key, sockets) => {
    const userId = sockets[0]?.identity.userId ?? '';
    const product = productOfGroup(sockets);
    return {
      rule: 'duplicate-connection',
      severity: 'error',
      key,
      userId,
      product,
      socketIds: sockets.map((socket) => socket.id),
      message: `User "${userId}" holds ${sockets.length} connections${toProduct(product)} at once in this tab; a user should hold exactly one${product === null ? '' : ' per product'}.`,
    };
  });
