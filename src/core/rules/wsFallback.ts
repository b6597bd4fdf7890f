import { endpointOf } from '../identity';
import { problemCandidates } from './currentProblems';
import type { Rule } from './types';
import { ownerLabel } from './wording';

/**
 * ws-fallback (info): the client fell back to XHR long-polling (Stream's enableWSFallback after
 * WebSocket failures). The session is tallied like a socket by every other rule.
 */
export const wsFallback: Rule = (state) => ({
  candidates: problemCandidates(
    state,
    'ws-fallback',
    (socket) => socket.transport === 'longpoll',
    (newest) => ({
      severity: 'info',
      message: `${ownerLabel(newest.identity.userId, endpointOf(newest.url))} is connected over XHR long-polling instead of a WebSocket; something blocked the WebSocket, and the session counts as a connection.`,
    }),
  ),
  nextCheckAt: null,
});
