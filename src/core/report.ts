import { redactTabState } from './redact';
import { currentPage } from './tabState';
import type { RuleId, Severity, SocketState, TabState } from './types';
import type { Transport } from './protocol';

export const REPORT_FORMAT = 'onesocket-report';
export const REPORT_VERSION = 1;

export interface ReportSocket {
  id: string;
  url: string;
  transport: Transport;
  userId: string | null;
  apiKey: string | null;
  frameUrl: string | null;
  /** When the page created the socket. */
  openedAt: number;
  closedAt: number | null;
  state: SocketState;
  closeCode: number | null;
  closeReason: string | null;
  messagesSent: number;
  messagesReceived: number;
  bytesSent: number;
  bytesReceived: number;
  initiator: string | null;
}

export interface ReportFinding {
  rule: RuleId;
  severity: Severity;
  userId: string | null;
  socketIds: string[];
  message: string;
  at: number;
  active: boolean;
}

/** The `onesocket-report` format, version 1 (see docs/report-format.md and report.schema.json). */
export interface Report {
  format: typeof REPORT_FORMAT;
  version: typeof REPORT_VERSION;
  createdAt: string;
  tool: { name: string; version: string };
  page: { tabId: number; url: string };
  sockets: ReportSocket[];
  findings: ReportFinding[];
}

export interface ReportOptions {
  now: number;
  toolVersion: string;
  /** On by default: secrets never leave in a report unless the user turned redaction off. */
  redact: boolean;
}

export function buildReport(tabState: TabState, options: ReportOptions): Report {
  const state = options.redact ? redactTabState(tabState) : tabState;
  const sockets: ReportSocket[] = [];
  for (const id of state.socketOrder) {
    const socket = state.sockets[id];
    if (!socket) continue;
    sockets.push({
      id: socket.id,
      url: socket.url,
      transport: socket.transport,
      userId: socket.identity.userId,
      apiKey: socket.identity.apiKey,
      frameUrl: socket.frameUrl || null,
      openedAt: socket.createdAt,
      closedAt: socket.closedAt,
      state: socket.state,
      closeCode: socket.closeCode,
      closeReason: socket.closeReason,
      messagesSent: socket.messagesSent,
      messagesReceived: socket.messagesReceived,
      bytesSent: socket.bytesSent,
      bytesReceived: socket.bytesReceived,
      initiator: socket.initiator,
    });
  }
  return {
    format: REPORT_FORMAT,
    version: REPORT_VERSION,
    createdAt: new Date(options.now).toISOString(),
    tool: { name: 'OneSocket', version: options.toolVersion },
    page: { tabId: state.tabId, url: currentPage(state).url },
    sockets,
    findings: state.findings.map((finding) => ({
      rule: finding.rule,
      severity: finding.severity,
      userId: finding.userId,
      socketIds: finding.socketIds,
      message: finding.message,
      at: finding.at,
      active: finding.active,
    })),
  };
}

/** File name for a downloaded report, e.g. onesocket-report-tab12-2026-11-22T18-30-00.json. */
export function reportFileName(report: Report): string {
  return `onesocket-report-tab${report.page.tabId}-${report.createdAt.replace(/[:.]/g, '-')}.json`;
}
