import { endpointOf } from '../identity';
import { problemCandidates } from './currentProblems';
import type { Rule } from './types';
import { ownerLabel } from './wording';

/** dev-token: the socket connects with a Stream development token (signature `devtoken`). */
export const devToken: Rule = (state) => ({
  candidates: problemCandidates(
    state,
    'dev-token',
    (socket) => socket.identity.token?.devToken === true,
    (newest) => ({
      severity: 'warning',
      message: `${ownerLabel(newest.identity.userId, endpointOf(newest.url))} connects with an unsigned development token (client.devToken), which production apps must not accept.`,
    }),
  ),
  nextCheckAt: null,
});
