import type { Report, ReportFinding } from '../core/report';
import { CHECKLIST_SECTIONS } from '../core/checklist';
import { plural, reportOrdinals, socketRefs } from '../core/reportMarkdown';
import { isLive } from '../core/types';

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

/** True when the session raised an error finding, resolved since or not: the audit fails. */
export function raisedAnError(report: Report): boolean {
  return report.findings.some((finding) => finding.severity === 'error');
}

function findingLines(finding: ReportFinding, ordinals: ReadonlyMap<string, number>): string[] {
  const state = finding.active ? '' : ' (resolved before the end)';
  return [
    `${finding.severity.toUpperCase().padEnd(7)} ${finding.rule}  ${finding.userId ?? 'unknown user'}${state}`,
    `        ${finding.message}`,
    `        sockets ${socketRefs(finding.socketIds, ordinals)} · why and how to fix: docs/rules/${finding.rule}.md`,
  ];
}

/** The audit as a person reads it in a terminal or a CI log: what was seen, then each finding. */
export function formatReport(report: Report, durationMs: number): string {
  const open = report.sockets.filter(isLive).length;
  const perUser = new Map<string, number>();
  for (const socket of report.sockets) if (socket.userId !== null) perUser.set(socket.userId, (perUser.get(socket.userId) ?? 0) + 1);
  const users = [...perUser].map(([user, count]) => `${user} (${count})`).join(', ');
  const lines = [
    `OneSocket audit of ${report.page.url || 'the page'}, watched ${(durationMs / 1000).toFixed(1)} s`,
    `${plural(report.sockets.length, 'socket')} (${open} still open)${users ? `; by user: ${users}` : '; no user identified'}`,
  ];
  if (report.dropped && (report.dropped.sockets > 0 || report.dropped.events > 0)) {
    lines.push(`Not in this record: ${plural(report.dropped.sockets, 'socket')} evicted past the per-tab cap, ${plural(report.dropped.events, 'event')} refused.`);
  }
  lines.push('');
  const findings = [...report.findings].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || a.at - b.at);
  if (findings.length === 0) lines.push('No findings.');
  const ordinals = reportOrdinals(report);
  for (const finding of findings) lines.push(...findingLines(finding, ordinals));
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
