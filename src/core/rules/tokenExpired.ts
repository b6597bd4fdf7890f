import type { SocketRecord } from '../types';
import { problemCandidates } from './currentProblems';
import type { Rule } from './types';
import { describeDuration, ownerLabel } from './wording';
import { endpointOf } from '../identity';

function expiredAtConnect(socket: SocketRecord): boolean {
  const expiresAt = socket.identity.token?.expiresAt ?? null;
  return expiresAt !== null && expiresAt < socket.createdAt;
}

/** token-expired: the token's exp was already in the past when the socket connected. */
export const tokenExpired: Rule = (state) => ({
  candidates: problemCandidates(state, 'token-expired', expiredAtConnect, (newest) => ({
    severity: 'error',
    message: `${ownerLabel(newest.identity.userId, endpointOf(newest.url))} connects with a token that expired ${describeDuration(newest.createdAt - (newest.identity.token?.expiresAt ?? newest.createdAt))} earlier; refresh it (a tokenProvider) before connecting.`,
  })),
  nextCheckAt: null,
});
