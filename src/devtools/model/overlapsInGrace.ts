import { groupBy, liveSockets } from '../../core/rules/types';
import type { Settings, TabState } from '../../core/types';

/** A user holding more than one live socket whose overlap has not (yet) become a finding. */
export interface OverlapInGrace {
  userId: string;
  socketIds: string[];
  /** When the overlap outlasts the grace window and becomes a duplicate-connection finding. */
  dueAt: number;
}

/**
 * What the duplicate-connection rule is waiting on: users with two or more live sockets and no
 * active finding yet. The panel says so instead of an all-clear it cannot give.
 */
export function overlapsInGrace(state: TabState, settings: Settings): OverlapInGrace[] {
  const reported = new Set(state.findings.filter((finding) => finding.active && finding.rule === 'duplicate-connection').map((finding) => finding.userId));
  const overlaps: OverlapInGrace[] = [];
  for (const [userId, sockets] of groupBy(liveSockets(state), (socket) => socket.identity.userId)) {
    if (sockets.length < 2 || reported.has(userId)) continue;
    const secondCreated = sockets.map((socket) => socket.createdAt).sort((a, b) => a - b)[1] ?? 0;
    overlaps.push({ userId, socketIds: sockets.map((socket) => socket.id), dueAt: secondCreated + settings.graceWindowMs });
  }
  return overlaps;
}

/** "1 s", "500 ms", "2.5 s": a setting's length as a person says it. */
export function formatWindow(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${Number((ms / 1000).toFixed(1))} s`;
}
