import { productOf, PRODUCT_NAMES } from '../streamProduct';
import type { SocketRecord, StreamProduct } from '../types';

/**
 * One user in one product: what every per-user rule counts. Stream's servers count a user's
 * chat, video and feeds connections apart, and its docs tell an app using Chat and Video to
 * hold one client of each: one chat and one video socket of alice are two products, not a
 * duplicate. Null when the user is unknown. The product comes first (it has no `:`), so no
 * user id can make two keys collide.
 */
export function userProductKey(socket: SocketRecord): string | null {
  const userId = socket.identity.userId;
  if (userId === null) return null;
  return `${productOf(socket.identity) ?? 'none'}:${userId}`;
}

/** " to Stream Video" for a Stream socket, "" for another SDK's: the product a sentence names. */
export function toProduct(product: StreamProduct | null): string {
  return product === null ? '' : ` to ${PRODUCT_NAMES[product]}`;
}

/** The product of a group counted by `userProductKey` (all its sockets share it). */
export function productOfGroup(sockets: SocketRecord[]): StreamProduct | null {
  const first = sockets[0];
  return first ? productOf(first.identity) : null;
}
