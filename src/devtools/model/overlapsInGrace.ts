import { productOfGroup, userProductKey } from '../../core/rules/perProduct';
import { groupBy, liveSockets } from '../../core/rules/types';
import type { Settings, StreamProduct, TabState } from '../../core/types';

/** A user holding more than one live socket whose overlap has not (yet) become a finding. */
export interface OverlapInGrace {
  /** The user and product the sockets are counted in (duplicate-connection's key). */
  key: string;
  userId: string;
  product: StreamProduct | null;
  socketIds: string[];
  /** When the overlap outlasts the grace window and becomes a duplicate-connection finding. */
  dueAt: number;
}

/**
 * What the duplicate-connection rule is waiting on: a user with two or more live sockets in one
 * product (the rule's own grouping: one chat and one video socket are no overlap) and no active
 * finding yet. The panel says so instead of an all-clear it cannot give.
 */
export function overlapsInGrace(state: TabState, settings: Settings): OverlapInGrace[] {
  const reported = new Set(state.findings.filter((finding) => finding.active && finding.rule === 'duplicate-connection').map((finding) => finding.key));
  const overlaps: OverlapInGrace[] = [];
  for (const [key, sockets] of groupBy(liveSockets(state), userProductKey)) {
    const userId = sockets[0]?.identity.userId;
    if (sockets.length < 2 || reported.has(key) || !userId) continue;
    const secondCreated = sockets.map((socket) => socket.createdAt).sort((a, b) => a - b)[1] ?? 0;
    overlaps.push({ key, userId, product: productOfGroup(sockets), socketIds: sockets.map((socket) => socket.id), dueAt: secondCreated + settings.graceWindowMs });
  }
  return overlaps;
}

/** "1 s", "500 ms", "2.5 s": a setting's length as a person says it. */
export function formatWindow(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${Number((ms / 1000).toFixed(1))} s`;
}
