import { ownerKey } from '../rules/currentProblems';
import type { Cause, SocketRecord, TabState } from '../types';
import { callSiteOf, closedByClient, endedAt } from './evidence';

/** How close React's development mount, unmount and mount again are. */
export const DOUBLE_MOUNT_MS = 1000;

/**
 * strictmode-double-mount: two sockets from one call site within a moment, the first closed by
 * the client (the effect's cleanup) at once: React's development double mount with a correct
 * cleanup. No bug (production mounts once), never an error: the grace window already keeps it
 * from duplicate-connection; the socket's detail names it. Returns the pair, first socket first.
 */
export function strictModePair(state: TabState, socket: SocketRecord): [SocketRecord, SocketRecord] | null {
  const owner = ownerKey(socket);
  const same: SocketRecord[] = [];
  for (const id of state.socketOrder) {
    const other = state.sockets[id];
    if (other && other.pageId === socket.pageId && ownerKey(other) === owner) same.push(other);
  }
  const index = same.indexOf(socket);
  for (const [first, second] of [
    [same[index], same[index + 1]],
    [same[index - 1], same[index]],
  ] as const) {
    if (first && second && isDoubleMount(first, second, same[same.indexOf(first) - 1])) return [first, second];
  }
  return null;
}

function isDoubleMount(first: SocketRecord, second: SocketRecord, before: SocketRecord | undefined): boolean {
  const firstEnded = endedAt(first);
  // At mount: not itself the replacement of an earlier socket that just ended.
  const earlierEnd = before ? endedAt(before) : null;
  const atMount = !before || (earlierEnd !== null && first.createdAt - earlierEnd > DOUBLE_MOUNT_MS);
  return (
    atMount &&
    callSiteOf(first) === callSiteOf(second) &&
    closedByClient(first) &&
    (first.closeCode === 1000 || first.closeCode === null) &&
    firstEnded !== null &&
    firstEnded - first.createdAt <= DOUBLE_MOUNT_MS &&
    second.createdAt - first.createdAt <= DOUBLE_MOUNT_MS
  );
}

export function strictModeDoubleMount(state: TabState, socket: SocketRecord): Cause | null {
  if (!strictModePair(state, socket)) return null;
  return {
    id: 'strictmode-double-mount',
    message:
      "React StrictMode's development double mount: the effect connected, its cleanup disconnected (1000), and the second mount connected again. No bug: production mounts once.",
  };
}
