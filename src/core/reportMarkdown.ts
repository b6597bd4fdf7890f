import type { Report } from './report';
import { CHECKLIST_SECTIONS } from './checklist';
import { isLive } from './types';

/** A table cell: pipes and line breaks would end the cell or the row. */
function cell(value: string | number | null): string {
  if (value === null || value === '') return '–';
  return String(value).replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

function isoTime(epochMs: number | null): string | null {
  return epochMs === null ? null : new Date(epochMs).toISOString();
}

function endpoint(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}${parsed.pathname}`;
  } catch {
    return url;
  }
}

/** "1 socket", "2 sockets": for the regular plurals a report speaks of. */
export function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** Each socket's "#n" in a report: its ordinal, else (older reports) its place in the list. */
export function reportOrdinals(report: Report): Map<string, number> {
  return new Map(report.sockets.map((socket, index) => [socket.id, socket.ordinal ?? index + 1]));
}

/**
 * "#1, #2" for the sockets a finding names; sockets the record no longer holds (evicted past
 * the per-tab cap) are counted, never shown by their internal ids.
 */
export function socketRefs(ids: readonly string[], ordinals: ReadonlyMap<string, number>): string {
  const named = ids.flatMap((id) => {
    const ordinal = ordinals.get(id);
    return ordinal === undefined ? [] : [`#${ordinal}`];
  });
  const dropped = ids.length - named.length;
  return [...named, ...(dropped > 0 ? [`${dropped} dropped`] : [])].join(', ');
}

function table(header: string[], rows: Array<Array<string | number | null>>): string {
  return [`| ${header.join(' | ')} |`, `| ${header.map(() => '---').join(' | ')} |`, ...rows.map((row) => `| ${row.map(cell).join(' | ')} |`)].join('\n');
}


/**
 * A summary of a report for a bug tracker: what was wrong, then every socket. Built from the
 * report (already redacted when exported), so it never says more than the JSON does.
 */
export function reportMarkdown(report: Report): string {
  const live = report.sockets.filter(isLive);
  const users = new Set(report.sockets.map((socket) => socket.userId).filter((user) => user !== null));
  const active = report.findings.filter((finding) => finding.active);
  const bySeverity = (severity: string): number => active.filter((finding) => finding.severity === severity).length;
  const ordinals = reportOrdinals(report);

  const lines = [
    `# OneSocket report: ${report.page.url || 'unknown page'}`,
    '',
    `Recorded by ${report.tool.name} ${report.tool.version} on ${report.createdAt} (tab ${report.page.tabId}).`,
    '',
    `**${plural(report.sockets.length, 'socket')}** (${live.length} open at export), **${plural(users.size, 'user')}**; active findings: **${plural(bySeverity('error'), 'error')}**, ${plural(bySeverity('warning'), 'warning')}, ${bySeverity('info')} info.`,
    '',
    '## Findings',
    '',
    report.findings.length === 0
      ? 'None.'
      : table(
          ['Severity', 'Rule', 'User', 'Product', 'Sockets', 'Message', 'Raised', 'Status'],
          report.findings.map((finding) => [
            finding.severity,
            `\`${finding.rule}\``,
            finding.userId,
            finding.product ?? null,
            socketRefs(finding.socketIds, ordinals),
            finding.cause ? `${finding.message} Cause \`${finding.cause.id}\`: ${finding.cause.message}` : finding.message,
            isoTime(finding.at),
            finding.active ? 'active' : 'resolved',
          ]),
        ),
    '',
    ...checklistLines(report),
    '## Sockets',
    '',
    report.sockets.length === 0
      ? 'None.'
      : table(
          ['#', 'State', 'User', 'Product', 'Endpoint', 'Created', 'Closed', 'Close code', 'Msgs sent/received', 'Initiator'],
          report.sockets.map((socket) => [
            ordinals.get(socket.id) ?? null,
            socket.transport === 'longpoll' ? `${socket.state} (long-poll)` : socket.state,
            socket.userId,
            // "video (stream-video-plain_javascript-v1.60.0)"; absent in reports of older builds.
            socket.product ? `${socket.product}${socket.client ? ` (${socket.client})` : ''}` : null,
            // The protocol its frames decode as, where known: "ws://host/socket.io/ (socket.io)".
            socket.protocol ? `${endpoint(socket.url)} (${socket.protocol})` : endpoint(socket.url),
            isoTime(socket.openedAt),
            isoTime(socket.closedAt),
            socket.closeCode === null ? null : `${socket.closeCode}${socket.closeReason ? ` ${socket.closeReason}` : ''}`,
            `${socket.messagesSent}/${socket.messagesReceived}`,
            socket.initiator === null ? null : `\`${socket.initiator.replace(/`/g, "'")}\``,
          ]),
        ),
    '',
    'The full report (JSON, format `onesocket-report` v1) can be opened in the OneSocket panel with Import report.',
    '',
  ];
  return lines.join('\n');
}

/** Stream's integration checklist, one row per section (reports of older builds have none). */
function checklistLines(report: Report): string[] {
  if (!report.checklist) return [];
  const rows = CHECKLIST_SECTIONS.flatMap(({ id, title }) => {
    const section = report.checklist?.[id];
    return section ? [[title, section.status, section.evidence.join('; ')]] : [];
  });
  return ['## Stream integration checklist', '', table(['Section', 'Status', 'Evidence'], rows), ''];
}

/** e.g. onesocket-report-tab12-2026-11-22T18-30-00-000Z.md */
export function markdownFileName(jsonFileName: string): string {
  return jsonFileName.replace(/\.json$/, '.md');
}
