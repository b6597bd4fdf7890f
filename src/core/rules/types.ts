import { isLive, type RuleId, type Settings, type Severity, type SocketRecord, type StreamProduct, type TabState } from '../types';

export { isLive };

/** A condition a rule sees right now; findings.ts turns candidates into incidents. */
export interface FindingCandidate {
  rule: RuleId;
  severity: Severity;
  /** Identifies the incident within the rule (a user id, an endpoint). */
  key: string;
  userId: string | null;
  socketIds: string[];
  message: string;
  /** The product a per-user rule counted in (rules/perProduct.ts); absent for other rules. */
  product?: StreamProduct | null;
}

export interface RuleResult {
  candidates: FindingCandidate[];
  /** Earliest future time at which this rule's answer may change without a new event. */
  nextCheckAt: number | null;
}

export type Rule = (state: TabState, now: number, settings: Settings) => RuleResult;


export function liveSockets(state: TabState): SocketRecord[] {
  const live: SocketRecord[] = [];
  for (const id of state.socketOrder) {
    const socket = state.sockets[id];
    if (socket && isLive(socket)) live.push(socket);
  }
  return live;
}

export function groupBy<T>(items: T[], keyOf: (item: T) => string | null): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    if (key === null) continue;
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

/**
 * For sockets that must not overlap: the time the overlap began (the second creation among
 * those still live) and whether it has lasted past the grace window yet.
 */
export function overlapPastGrace(sockets: SocketRecord[], now: number, graceWindowMs: number): { past: boolean; dueAt: number } | null {
  if (sockets.length < 2) return null;
  const creationTimes = sockets.map((socket) => socket.createdAt).sort((a, b) => a - b);
  const dueAt = (creationTimes[1] ?? 0) + graceWindowMs;
  return { past: now >= dueAt, dueAt };
}

/**
 * The shared shape of the overlap rules: for each group of live sockets that must not overlap,
 * a candidate once the overlap outlasts the grace window, else the time to look again.
 */
export function overlapFindings(
  groups: Map<string, SocketRecord[]>,
  now: number,
  graceWindowMs: number,
  candidateFor: (key: string, sockets: SocketRecord[]) => FindingCandidate,
): RuleResult {
  const candidates: FindingCandidate[] = [];
  let nextCheckAt: number | null = null;
  for (const [key, sockets] of groups) {
    const overlap = overlapPastGrace(sockets, now, graceWindowMs);
    if (!overlap) continue;
    if (overlap.past) candidates.push(candidateFor(key, sockets));
    else nextCheckAt = earliest(nextCheckAt, overlap.dueAt);
  }
  return { candidates, nextCheckAt };
}

export function earliest(a: number | null, b: number | null): number | null {
  if (a === null) return b;
  if (b === null) return a;
  return Math.min(a, b);
}
