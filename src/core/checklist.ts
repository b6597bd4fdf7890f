import { isStreamSocket, streamApiCalls } from './http/streamApiCalls';
import type { ChecklistSection, ChecklistStatus } from './report';
import type { RuleId, TabState } from './types';
import { plural } from './rules/wording';

/**
 * Stream's integration checklist, the four sections its docs give, as OneSocket can judge them
 * from what the page did: the WebSocket connection, permission settings, queryChannels filters
 * and rate limits. A section is failed while one of its rules has an active error, warned while
 * one has an active warning, passed when the page did what the section is about and nothing is
 * active, and not applicable when the page did nothing of the kind (a page with no Stream
 * traffic is never shown as passed).
 */
export type ChecklistSectionId = 'connection' | 'permissions' | 'queryChannels' | 'rateLimits';
export type Checklist = Record<ChecklistSectionId, ChecklistSection>;

export const CHECKLIST_SECTIONS: ReadonlyArray<{ id: ChecklistSectionId; title: string; rules: readonly RuleId[] }> = [
  {
    id: 'connection',
    title: 'WebSocket connection',
    rules: ['duplicate-connection', 'connection-limit', 'connection-rejected', 'user-switch-leak', 'reconnect-churn', 'invalid-user-id', 'user-object-too-large', 'token-user-mismatch', 'token-expired', 'dev-token'],
  },
  { id: 'permissions', title: 'Permission settings', rules: ['permission-denied'] },
  { id: 'queryChannels', title: 'queryChannels filters', rules: ['query-channels-unfiltered', 'query-channels-repeated', 'query-channels-unbounded'] },
  { id: 'rateLimits', title: 'Rate limits', rules: ['rate-limited', 'rate-limit-headroom'] },
];

export function buildChecklist(state: TabState): Checklist {
  const streamSockets = state.socketOrder.map((id) => state.sockets[id]).filter((socket) => socket !== undefined && isStreamSocket(socket));
  const calls = streamApiCalls(state);
  const queries = calls.filter((call) => call.queryChannels !== null);
  const applicable: Record<ChecklistSectionId, boolean> = {
    connection: streamSockets.length > 0,
    permissions: calls.length > 0,
    queryChannels: queries.length > 0,
    rateLimits: calls.length > 0,
  };
  const seen: Record<ChecklistSectionId, string> = {
    connection: `${plural(streamSockets.length, 'Stream socket')} seen`,
    permissions: `${plural(calls.length, 'Stream API call')} seen, ${plural(calls.filter((call) => call.status === 403).length, 'refused call')}`,
    queryChannels: `${plural(queries.length, 'queryChannels call')} seen`,
    rateLimits: `${plural(calls.length, 'Stream API call')} seen, ${plural(calls.filter((call) => call.status === 429).length, '429 answer')}`,
  };
  const checklist = {} as Checklist;
  for (const section of CHECKLIST_SECTIONS) {
    const findings = state.findings.filter((finding) => section.rules.includes(finding.rule));
    const active = findings.filter((finding) => finding.active);
    const resolved = findings.filter((finding) => !finding.active);
    let status: ChecklistStatus;
    if (active.some((finding) => finding.severity === 'error')) status = 'failed';
    else if (active.some((finding) => finding.severity === 'warning')) status = 'warned';
    else if (applicable[section.id] || active.length > 0) status = 'passed';
    else status = 'not-applicable';
    const evidence = [
      ...active.map((finding) => `${finding.rule}: ${finding.message}`),
      ...(status === 'not-applicable' ? [] : [seen[section.id]]),
      ...resolved.map((finding) => `${finding.rule} (resolved): ${finding.message}`),
    ];
    const rules = [...new Set(findings.map((finding) => finding.rule))];
    checklist[section.id] = { status, evidence, rules };
  }
  return checklist;
}
