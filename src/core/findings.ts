import { withCauses } from './causes/findingCauses';
import { TAB_RULES } from './rules';
import type { FindingCandidate } from './rules/types';
import { earliest } from './rules/types';
import type { Finding, RuleId, Settings, TabState } from './types';

/**
 * Rules whose message counts the sockets it lists (reconnect-churn: "opened 5 connections in 8 s"):
 * the finding lists the sockets of the candidate now, not every socket it ever named, so the count
 * and the links agree. The others keep every socket an incident was about.
 */
const LISTS_CURRENT_SOCKETS: ReadonlySet<RuleId> = new Set<RuleId>(['reconnect-churn']);

/**
 * Findings are incidents, not events: a candidate that matches an active finding of the same
 * rule and key updates it; an active finding no rule still reports is resolved (kept, inactive).
 */
export function reconcileFindings(
  findings: Finding[],
  candidates: FindingCandidate[],
  now: number,
  nextSeq: number,
): { findings: Finding[]; nextFindingSeq: number } {
  let seq = nextSeq;
  const matched = new Set<Finding>();
  const next: Finding[] = [];
  const activeByKey = new Map<string, Finding>();
  for (const finding of findings) if (finding.active) activeByKey.set(`${finding.rule}\u0000${finding.key}`, finding);

  const updates = new Map<Finding, Finding>();
  const created: Finding[] = [];
  for (const candidate of candidates) {
    const existing = activeByKey.get(`${candidate.rule}\u0000${candidate.key}`);
    if (existing) {
      matched.add(existing);
      const socketIds = LISTS_CURRENT_SOCKETS.has(candidate.rule) ? candidate.socketIds : [...new Set([...existing.socketIds, ...candidate.socketIds])];
      const sameSockets = socketIds.length === existing.socketIds.length && socketIds.every((id, i) => id === existing.socketIds[i]);
      const unchanged = sameSockets && existing.message === candidate.message && existing.severity === candidate.severity;
      if (!unchanged) updates.set(existing, { ...existing, socketIds, message: candidate.message, severity: candidate.severity });
    } else {
      seq += 1;
      created.push({ ...candidate, id: `f${seq}`, at: now, active: true, resolvedAt: null });
    }
  }
  for (const finding of findings) {
    if (finding.active && !matched.has(finding)) next.push({ ...finding, active: false, resolvedAt: now });
    else next.push(updates.get(finding) ?? finding);
  }
  return { findings: [...next, ...created], nextFindingSeq: seq };
}

/**
 * Runs every tab rule at `now`; returns the tab with findings updated and when to look again.
 * `fromOtherTabs` are this tab's candidates of rules that look at every tab (connection-limit),
 * which the caller (the background's tab store) evaluates over all tabs.
 */
export function evaluateFindings(
  state: TabState,
  now: number,
  settings: Settings,
  fromOtherTabs: readonly FindingCandidate[] = [],
): { state: TabState; nextCheckAt: number | null } {
  const candidates: FindingCandidate[] = [...fromOtherTabs];
  let nextCheckAt: number | null = null;
  for (const rule of TAB_RULES) {
    const result = rule(state, now, settings);
    candidates.push(...result.candidates);
    nextCheckAt = earliest(nextCheckAt, result.nextCheckAt);
  }
  const reconciled = reconcileFindings(state.findings, candidates, now, state.nextFindingSeq);
  // Each finding's cause, from the evidence its sockets carry (src/core/causes/).
  const { findings } = withCauses({ ...state, findings: reconciled.findings });
  const { nextFindingSeq } = reconciled;
  const changed = nextFindingSeq !== state.nextFindingSeq || findings.length !== state.findings.length || findings.some((finding, i) => finding !== state.findings[i]);
  return { state: changed ? { ...state, findings, nextFindingSeq } : state, nextCheckAt };
}
