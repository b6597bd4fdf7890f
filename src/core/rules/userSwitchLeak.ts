import type { SocketRecord } from '../types';
import type { FindingCandidate, Rule } from './types';
import { earliest, groupBy, liveSockets } from './types';
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
 * user-switch-leak: a socket of user A is still open when a socket of user B (same app) opens
 * in the same tab: connectUser for a new user without disconnectUser for the old one. A clean
 * switch closes A first, so A is no longer live; the grace window absorbs a close that is on
 * its way. One incident per leaked user.
 */
export const userSwitchLeak: Rule = (state, now, settings) => {
  const candidates: FindingCandidate[] = [];
  let nextCheckAt: number | null = null;
  const identified = liveSockets(state).filter((socket) => socket.identity.userId !== null);
  for (const sockets of groupBy(identified, appOf).values()) {
    for (const [userId, own] of groupBy(sockets, (socket) => socket.identity.userId)) {
      // Sockets are in creation order: the other users' sockets opened after this user's first.
      const later = sockets.slice(sockets.indexOf(own[0] as SocketRecord) + 1).filter((socket) => socket.identity.userId !== userId);
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
        key: userId,
        userId,
        socketIds: sockets.filter((socket) => own.includes(socket) || later.includes(socket)).map((socket) => socket.id),
        message: `User "${userId}" is still connected after ${listNames(others.map((other) => `"${other}"`))} connected in this tab: the app switched users without disconnectUser().`,
      });
    }
  }
  return { candidates, nextCheckAt };
};
