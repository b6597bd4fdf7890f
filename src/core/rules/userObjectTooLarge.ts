import { isStreamIdentity, problemCandidates } from './currentProblems';
import type { Rule } from './types';
import { describeBytes } from './wording';

/** Bytes of the user object as sent (UTF-8 JSON); 0 when there is none. */
export function userObjectBytes(userDetails: unknown): number {
  if (userDetails === null || userDetails === undefined) return 0;
  try {
    return new TextEncoder().encode(JSON.stringify(userDetails)).length;
  } catch {
    return 0;
  }
}

/**
 * user-object-too-large: the user object sent on connect (Stream's `user_details`, in the
 * connect URL or the auth frame) is at or over the limit (default 5 KB); Stream refuses it.
 */
export const userObjectTooLarge: Rule = (state, _now, settings) => ({
  candidates: problemCandidates(
    state,
    'user-object-too-large',
    (socket) => isStreamIdentity(socket) && userObjectBytes(socket.identity.userDetails) >= settings.userObjectLimitBytes,
    (newest) => ({
      severity: 'error',
      message: `User "${newest.identity.userId ?? '?'}" connects with a ${describeBytes(userObjectBytes(newest.identity.userDetails))} user object; it must stay under ${describeBytes(settings.userObjectLimitBytes)}, so keep large fields out of connectUser.`,
    }),
  ),
  nextCheckAt: null,
});
