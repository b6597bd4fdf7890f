import type { Report, ReportFinding } from '../core/report';
import { CHECKLIST_SECTIONS } from '../core/checklist';
import { plural, reportOrdinals, socketRefs } from '../core/reportMarkdown';
import { isLive } from '../core/types';

export { raisedAnError } from './verdict';

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

export interface FormatOptions {
  /** The first line; by default "OneSocket audit of <url>, watched <s> s". */
  heading?: string;
  /** Where a rule's page is, as the reader can open it; by default docs/rules/<rule>.md. */
  rulePage?: (rule: string) => string;
}

/** Sockets are named as in the panel and the Markdown: #1, #2... by their number, "N dropped" for evicted ones. */
export function socketNames(report: Report): (ids: string[]) => string {
  const ordinals = reportOrdinals(report);
  return (ids) => socketRefs(ids, ordinals);
}

function findingLines(finding: ReportFinding, names: (ids: string[]) => string, rulePage: (rule: string) => string): string[] {
  const state = finding.active ? '' : ' (resolved before the end)';
  const product = finding.product ? ` (${finding.product})` : '';
  const lines = [`${finding.severity.toUpperCase().padEnd(7)} ${finding.rule}  ${finding.userId ?? 'unknown user'}${product}${state}`, `        ${finding.message}`];
  if (finding.cause) lines.push(`        cause ${finding.cause.id}: ${finding.cause.message}`);
  lines.push(`        sockets ${names(finding.socketIds)} · why and how to fix: ${rulePage(finding.rule)}`);
  return lines;
}

/** The audit as a person reads it in a terminal or a CI log: what was seen, then each finding. */
export function formatReport(report: Report, durationMs: number, options: FormatOptions = {}): string {
  const rulePage = options.rulePage ?? ((rule: string) => `docs/rules/${rule}.md`);
  const names = socketNames(report);
  const open = report.sockets.filter(isLive).length;
  const perUser = new Map<string, number>();
  for (const socket of report.sockets) if (socket.userId !== null) perUser.set(socket.userId, (perUser.get(socket.userId) ?? 0) + 1);
  const users = [...perUser].map(([user, count]) => `${user} (${count})`).join(', ');
  const lines = [options.heading ?? `OneSocket audit of ${report.page.url || 'the page'}, watched ${(durationMs / 1000).toFixed(1)} s`];
  lines.push(
    report.sockets.length === 0
      ? 'No sockets seen: the page opened no WebSocket (or long-poll session) while it was watched, so there was nothing to check. Does the flow open the chat?'
      : `${plural(report.sockets.length, 'socket')} (${open} still open)${users ? `; by user: ${users}` : '; no user identified'}`,
  );
  if (report.dropped && (report.dropped.sockets > 0 || report.dropped.events > 0)) {
    lines.push(`Not in this record: ${plural(report.dropped.sockets, 'socket')} evicted past the per-tab cap, ${plural(report.dropped.events, 'event')} refused.`);
  }
  for (const limitation of report.limitations ?? []) lines.push(`Limitation: ${limitation}`);
  lines.push('');
  const findings = [...report.findings].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || a.at - b.at);
  if (findings.length === 0) lines.push('No findings.');
  for (const finding of findings) lines.push(...findingLines(finding, names, rulePage));
  if (report.checklist) {
    lines.push('', 'Stream integration checklist:');
    for (const { id, title } of CHECKLIST_SECTIONS) {
      const section = report.checklist[id];
      if (section) lines.push(`  ${section.status.toUpperCase().padEnd(14)} ${title}${section.status === 'not-applicable' ? '' : `: ${section.evidence[0] ?? ''}`}`);
    }
  }
  const count = (severity: ReportFinding['severity']): number => findings.filter((finding) => finding.severity === severity).length;
  lines.push('', `${plural(count('error'), 'error')}, ${plural(count('warning'), 'warning')}, ${count('info')} info.`);
  return lines.join('\n');
}
