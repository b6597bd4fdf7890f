import type { SocketRecord } from '../types';
import { problemCandidates } from './currentProblems';
import type { Rule } from './types';

/** Sources that name the user apart from the token, so the two can disagree. */
function userNamedBesideToken(socket: SocketRecord): boolean {
  const source = socket.identity.source;
  return source === 'stream-url' || source === 'stream-frame' || (source?.startsWith('rule:') ?? false);
}

function isStream(socket: SocketRecord): boolean {
  return socket.identity.source === 'stream-url' || socket.identity.source === 'stream-frame';
}

function mismatched(socket: SocketRecord): boolean {
  const { token, userId } = socket.identity;
  if (!token || userId === null || !userNamedBesideToken(socket)) return false;
  // Stream user tokens always carry user_id: none means a server-side (admin) token. Other
  // SDKs' tokens may name no user at all, which says nothing.
  if (token.userId === null) return isStream(socket);
  return token.userId !== userId;
}

/**
 * token-user-mismatch: the token's user_id claim differs from the connecting user, or a Stream
 * connect carries a token without user_id (a server-side token shipped to the browser).
 */
export const tokenUserMismatch: Rule = (state) => ({
  candidates: problemCandidates(state, 'token-user-mismatch', mismatched, (newest) => {
    const userId = newest.identity.userId ?? '?';
    const claimed = newest.identity.token?.userId ?? null;
    return {
      severity: 'error',
      message:
        claimed === null
          ? `User "${userId}" connects with a token that has no user_id claim: a server-side token is in the browser, where anyone can read it.`
          : `User "${userId}" connects with a token issued for "${claimed}"; the token must be made for the user who connects.`,
    };
  }),
  nextCheckAt: null,
});
