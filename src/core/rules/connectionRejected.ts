import { endpointOf } from '../identity';
import { redactText } from '../redact';
import type { SocketRecord } from '../types';
import { problemCandidates } from './currentProblems';
import type { Rule } from './types';
import { ownerLabel } from './wording';

/** What the codes Stream's SDK knows mean (docs/architecture.md, "Stream's wire"). */
const KNOWN_CODES: Record<number, string> = {
  40: 'token expired',
  43: 'token not valid',
  71: 'too many connections',
};

/** The socket ended before it ever opened, and not because the page closed it. */
function refusedBeforeOpen(socket: SocketRecord): boolean {
  return socket.transport === 'websocket' && socket.state === 'closed' && socket.connectedAt === null && socket.closeRequestedAt === undefined && socket.closeCode !== null;
}

function rejected(socket: SocketRecord): boolean {
  return socket.serverError !== undefined || refusedBeforeOpen(socket);
}

function describeRejection(socket: SocketRecord): string {
  const owner = ownerLabel(socket.identity.userId, endpointOf(socket.url));
  const error = socket.serverError;
  if (!error) return `${owner} could not connect: ${endpointOf(socket.url)} refused the connection before it opened (close code ${socket.closeCode ?? 'none'}).`;
  const code = error.code === null ? 'an error' : `error ${error.code}${KNOWN_CODES[error.code] ? ` (${KNOWN_CODES[error.code]})` : ''}`;
  // Server messages are shown as sent, minus anything that looks like a secret.
  const said = error.message === '' ? '' : `: "${redactText(error.message)}"`;
  return `${owner} was refused by the server with ${code}${said}.`;
}

/**
 * connection-rejected: the server answered with an error frame (e.g. Stream code 71, too many
 * connections; 40, token expired) or refused the connect. Resolved once a later attempt of the
 * same user connects cleanly.
 */
export const connectionRejected: Rule = (state) => ({
  candidates: problemCandidates(state, 'connection-rejected', rejected, (newest) => ({ severity: 'error', message: describeRejection(newest) })),
  nextCheckAt: null,
});
