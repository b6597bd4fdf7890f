import type { Report, ReportFinding } from '../core/report';
import { plural } from '../core/reportMarkdown';
import { isLive } from '../core/types';

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

/** True when the session raised an error finding, resolved since or not: the audit fails. */
export function raisedAnError(report: Report): boolean {
  return report.findings.some((finding) => finding.severity === 'error');
}

function findingLines(finding: ReportFinding): string[] {
  const state = finding.active ? '' : ' (resolved before the end)';
  return [
    `${finding.severity.toUpperCase().padEnd(7)} ${finding.rule}  ${finding.userId ?? 'unknown user'}${state}`,
    `        ${finding.message}`,
    ...(finding.cause ? [`        cause ${finding.cause.id}: ${finding.cause.message}`] : []),
    `        sockets ${finding.socketIds.join(', ')} · why and how to fix: docs/rules/${finding.rule}.md`,
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
  for (const finding of findings) lines.push(...findingLines(finding));
  const count = (severity: ReportFinding['severity']): number => findings.filter((finding) => finding.severity === severity).length;
  lines.push('', `${plural(count('error'), 'error')}, ${plural(count('warning'), 'warning')}, ${count('info')} info.`);
  return lines.join('\n');
}
