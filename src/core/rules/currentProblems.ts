import { endpointOf } from '../identity';
import { currentPage } from '../tabState';
import type { RuleId, Severity, SocketRecord, TabState } from '../types';
import { groupBy, isLive, type FindingCandidate } from './types';

/** Whom a socket is tallied under: its user, else its endpoint (origin + path). */
export function ownerKey(socket: SocketRecord): string {
  return socket.identity.userId ?? endpointOf(socket.url);
}

/** The moment a socket's fate was known: its server error, else its end. */
function settledAt(socket: SocketRecord): number {
  return socket.serverError?.at ?? socket.closedAt ?? socket.closeRequestedAt ?? socket.createdAt;
}

/**
 * The sockets of the current page that show a problem (`hasProblem`) which still stands: the
 * socket is live, or no later attempt of the same owner has since opened without the problem.
 *
 * This is what "resolved when the condition ends" means for rules about one connection (a
 * refused connect, an expired or development token, a bad user id): a socket the server
 * refused in a few milliseconds is still the user's current state until a retry succeeds, and a
 * problem the app fixed (a fresh token on reconnect) is resolved by the socket that shows it.
 */
export function currentProblems(state: TabState, hasProblem: (socket: SocketRecord) => boolean): SocketRecord[] {
  const pageId = currentPage(state).id;
  const onPage: SocketRecord[] = [];
  for (const id of state.socketOrder) {
    const socket = state.sockets[id];
    if (socket && socket.pageId === pageId) onPage.push(socket);
  }
  const stillStanding = new Set<SocketRecord>();
  for (const sockets of groupBy(onPage, ownerKey).values()) {
    // The latest start of an attempt that opened without the problem supersedes what ended before it.
    let latestHealthyStart = -Infinity;
    for (const socket of sockets) if (socket.connectedAt !== null && !hasProblem(socket)) latestHealthyStart = Math.max(latestHealthyStart, socket.createdAt);
    for (const socket of sockets) {
      if (hasProblem(socket) && (isLive(socket) || latestHealthyStart < settledAt(socket))) stillStanding.add(socket);
    }
  }
  return onPage.filter((socket) => stillStanding.has(socket));
}

/** One candidate per owner: a rule that flags sockets one by one reports one incident per user. */
export function byOwner(sockets: SocketRecord[]): Map<string, SocketRecord[]> {
  return groupBy(sockets, ownerKey);
}

/** The identity came from Stream's own reading (connect URL, its token, its frames). */
export function isStreamIdentity(socket: SocketRecord): boolean {
  const source = socket.identity.source;
  return source === 'stream-url' || source === 'token' || source === 'stream-frame';
}

/**
 * The candidates of a rule about single connections: its current problem sockets, one incident
 * per owner, worded from the owner's newest problem socket.
 */
export function problemCandidates(
  state: TabState,
  rule: RuleId,
  hasProblem: (socket: SocketRecord) => boolean,
  describe: (newest: SocketRecord, sockets: SocketRecord[]) => { severity: Severity; message: string },
): FindingCandidate[] {
  const candidates: FindingCandidate[] = [];
  for (const [key, sockets] of byOwner(currentProblems(state, hasProblem))) {
    const newest = sockets.reduce((a, b) => (b.createdAt >= a.createdAt ? b : a));
    candidates.push({ rule, key, userId: newest.identity.userId, socketIds: sockets.map((socket) => socket.id), ...describe(newest, sockets) });
  }
  return candidates;
}
