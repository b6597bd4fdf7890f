import type { Cause, Finding, SocketRecord, TabState } from '../types';
import { effectRerun } from './effectRerun';
import { callSitesUnknown, closedByClient, isLiveAt, NO_CALL_SITE_HINT } from './evidence';
import { missingDisconnect } from './missingDisconnect';
import { sdkCopies } from './sdkCopies';
import { separateClients, separateClientsCause } from './separateClients';
import { serverReconnect } from './serverReconnect';

export { strictModeDoubleMount, strictModePair } from './strictModeDoubleMount';

/** Sockets created this close together without known call sites look like two clients at mount. */
const SAME_MOMENT_MS = 1000;

/**
 * Why a duplicate-connection, reconnect-churn or user-switch-leak happened, from the evidence
 * its sockets carry (SDK builds, call sites, timing, who closed them); null when it shows none.
 */
export function causeOf(finding: Pick<Finding, 'rule' | 'socketIds'>, state: TabState): Cause | null {
  const sockets = finding.socketIds.map((id) => state.sockets[id]).filter((socket): socket is SocketRecord => socket !== undefined);
  if (sockets.length < 2) return null;
  sockets.sort((a, b) => a.createdAt - b.createdAt);
  switch (finding.rule) {
    case 'duplicate-connection':
      return sdkCopies(sockets) ?? separateClients(sockets) ?? withoutCallSites(sockets) ?? missingDisconnect(sockets);
    case 'user-switch-leak':
      return sdkCopies(sockets) ?? separateClients(sockets) ?? missingDisconnect(sockets, true);
    case 'reconnect-churn':
      return churnCause(sockets);
    default:
      return null;
  }
}

/** Two clients at once, or a later connect while the first stayed open, told apart by timing alone. */
function withoutCallSites(sockets: SocketRecord[]): Cause | null {
  if (!callSitesUnknown(sockets).unknown) return null;
  const first = sockets[0] as SocketRecord;
  const last = sockets[sockets.length - 1] as SocketRecord;
  const base = last.createdAt - first.createdAt <= SAME_MOMENT_MS ? separateClientsCause(`${sockets.length} clients connecting together`) : missingDisconnect(sockets);
  return { ...base, message: `${base.message} (The app code is not known: ${NO_CALL_SITE_HINT}.)` };
}

function churnCause(sockets: SocketRecord[]): Cause {
  const replaced = sockets.slice(0, -1);
  const server = serverReconnect(replaced);
  if (server) return server;
  // Each replaced socket still open when the next one came: nothing disconnects them.
  const leftOpen = replaced.filter((socket, i) => !closedByClient(socket) && isLiveAt(socket, (sockets[i + 1] as SocketRecord).createdAt));
  if (leftOpen.length * 2 > replaced.length) return missingDisconnect(sockets);
  return effectRerun(sockets);
}

/** The findings with their causes brought up to date; the same array when nothing changed. */
export function withCauses(state: TabState): TabState {
  let changed = false;
  const findings = state.findings.map((finding) => {
    if (!finding.active) return finding;
    const cause = causeOf(finding, state) ?? undefined;
    if (cause?.id === finding.cause?.id && cause?.message === finding.cause?.message) return finding;
    changed = true;
    const { cause: _old, ...rest } = finding;
    return cause ? { ...rest, cause } : rest;
  });
  return changed ? { ...state, findings } : state;
}
