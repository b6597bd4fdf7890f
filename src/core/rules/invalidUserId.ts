import { isStreamIdentity, problemCandidates } from './currentProblems';
import type { Rule } from './types';

/** Stream's documented user id characters. */
const ALLOWED = /^[a-z0-9@_-]+$/;

function isBadStreamUserId(userId: string | null): userId is string {
  return userId !== null && !ALLOWED.test(userId);
}

/** The characters Stream does not allow, each once, quoted: `" ", "."`. */
function offendingCharacters(userId: string): string {
  const bad = [...new Set([...userId].filter((char) => !ALLOWED.test(char.toLowerCase())))];
  return bad.map((char) => JSON.stringify(char)).join(', ');
}

/**
 * invalid-user-id: a Stream user id with characters outside a-z, 0-9, @, _ and - (error); only
 * upper-case letters outside the rule is a warning, since ids that differ only in case collide.
 * Other SDKs have other rules, so only Stream identities are checked.
 */
export const invalidUserId: Rule = (state) => ({
  candidates: problemCandidates(
    state,
    'invalid-user-id',
    (socket) => isStreamIdentity(socket) && isBadStreamUserId(socket.identity.userId),
    (newest) => {
      const userId = newest.identity.userId ?? '';
      if (ALLOWED.test(userId.toLowerCase())) {
        return {
          severity: 'warning',
          message: `User id "${userId}" has upper-case letters; Stream user ids are a-z, 0-9, @, _ and -, so "${userId}" and "${userId.toLowerCase()}" risk being mixed up.`,
        };
      }
      return {
        severity: 'error',
        message: `User id "${userId}" has characters Stream does not allow (${offendingCharacters(userId)}); only a-z, 0-9, @, _ and - are valid.`,
      };
    },
  ),
  nextCheckAt: null,
});
