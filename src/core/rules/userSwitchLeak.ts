import { productOf } from '../streamProduct';
import type { SocketRecord } from '../types';
import type { FindingCandidate, Rule } from './types';
import { earliest, groupBy, liveSockets } from './types';
import { userProductKey } from './perProduct';
import { listNames } from './wording';

/** Sockets of one app: the same API key, else the same origin. */
function appOf(socket: SocketRecord): string {
  if (socket.identity.apiKey !== null) return `key:${socket.identity.apiKey}`;
  try {
    return `origin:${new URL(socket.url).origin}`;
  } catch {
    return `url:${socket.url}`;
  }
}

/**
 * The document (one frame's page, one JavaScript realm) a socket was created in. A record
 * without one (an imported report) falls back to its frame's URL.
 */
function documentOf(socket: SocketRecord): string {
  return socket.documentId === undefined ? `frame:${socket.frameUrl}` : `document:${socket.documentId}`;
}

/** Where a switch can happen: one document, one app (API key), one product. */
function switchScopeOf(socket: SocketRecord): string {
  return `${documentOf(socket)}\u0000${appOf(socket)}\u0000${productOf(socket.identity) ?? 'none'}`;
}

/**
 * user-switch-leak: a socket of user A is still open when a socket of user B opens in the same
 * document, for the same API key and product: connectUser for a new user without
 * disconnectUser for the old one. A clean switch closes A first, so A is no longer live; the
 * grace window absorbs a close that is on its way. Two users in two frames of one tab (a
 * widget per user, a side-by-side demo) are two documents, each with its own client: no
 * switch. One incident per leaked user.
 */
export const userSwitchLeak: Rule = (state, now, settings) => {
  const candidates: FindingCandidate[] = [];
  let nextCheckAt: number | null = null;
  const identified = liveSockets(state).filter((socket) => socket.identity.userId !== null);
  for (const sockets of groupBy(identified, switchScopeOf).values()) {
    for (const own of groupBy(sockets, userProductKey).values()) {
      const first = own[0] as SocketRecord;
      const userId = first.identity.userId ?? '';
      // Sockets are in creation order: the other users' sockets opened after this user's first.
      const later = sockets.slice(sockets.indexOf(first) + 1).filter((socket) => socket.identity.userId !== userId);
      if (later.length === 0) continue;
      const dueAt = Math.min(...later.map((socket) => socket.createdAt)) + settings.graceWindowMs;
      if (now < dueAt) {
        nextCheckAt = earliest(nextCheckAt, dueAt);
        continue;
      }
      const others = [...new Set(later.map((socket) => socket.identity.userId ?? ''))];
      candidates.push({
        rule: 'user-switch-leak',
        severity: 'error',
        key: userProductKey(first) ?? userId,
        userId,
        product: productOf(first.identity),
        socketIds: sockets.filter((socket) => own.includes(socket) || later.includes(socket)).map((socket) => socket.id),
        message: `User "${userId}" is still connected after ${listNames(others.map((other) => `"${other}"`))} connected in this tab: the app switched users without disconnectUser().`,
      });
    }
  }
  return { candidates, nextCheckAt };
};
