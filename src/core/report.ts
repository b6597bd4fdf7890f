import { Validator } from '@cfworker/json-schema';
import { buildChecklist } from './checklist';
import type { ApiCall } from './http/apiCall';
import { streamApiCalls } from './http/streamApiCalls';
import { appFrameOf } from './appFrames/asyncInitiators';
import { redactTabState } from './redact';
import reportSchema from './report.schema.json';
import { currentPage, socketOrdinals } from './tabState';
import type { Finding, SocketState, StreamProduct, TabState, DecodedProtocol, CauseId } from './types';
import type { Transport } from './wire/hookMessages';

export const REPORT_FORMAT = 'onesocket-report';
export const REPORT_VERSION = 1;

export interface ReportSocket {
  id: string;
  /** Optional: the socket's number in the tab ("#3"), as the panel names it. */
  ordinal?: number;
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
  /** Optional fields added within version 1 (absent in older reports; docs/report-format.md). */
  connectedAt?: number | null;
  product?: StreamProduct | null;
  client?: string | null;
  protocol?: DecodedProtocol | null;
  appFrame?: string | null;
}

export type { StreamProduct };
export type { DecodedProtocol };
export type { CauseId };
export type ChecklistStatus = 'passed' | 'warned' | 'failed' | 'not-applicable';
export interface ChecklistSection {
  status: ChecklistStatus;
  evidence: string[];
  rules?: string[];
}

export interface ReportApiCall {
  at: number;
  durationMs: number;
  method: string;
  endpoint: string;
  url: string;
  status: number;
  rateLimit: { limit: number; remaining: number; reset: number | null } | null;
  error: { code: number | null; message: string } | null;
  queryChannels: { filter: unknown; sort: unknown; limit: number | null; offset: number | null; watch: boolean | null; presence: boolean | null; state: boolean | null } | null;
}

/** A finding as the report carries it: the incident without the panel's bookkeeping. */
export type ReportFinding = Pick<Finding, 'rule' | 'severity' | 'userId' | 'socketIds' | 'message' | 'at' | 'active'> & {
  product?: StreamProduct | null;
  cause?: { id: CauseId; message: string };
  resolvedAt?: number | null;
};

/** The `onesocket-report` format, version 1 (see docs/report-format.md and report.schema.json). */
export interface Report {
  format: typeof REPORT_FORMAT;
  version: typeof REPORT_VERSION;
  createdAt: string;
  tool: { name: string; version: string };
  page: { tabId: number; url: string };
  sockets: ReportSocket[];
  findings: ReportFinding[];
  /**
   * What the record no longer holds (optional, absent in reports of older builds): sockets
   * evicted past the per-tab cap, and malformed or over-cap events refused.
   */
  dropped?: { sockets: number; events: number };
  /** Optional: Stream's integration checklist, per section. */
  checklist?: Partial<Record<'connection' | 'permissions' | 'queryChannels' | 'rateLimits', ChecklistSection>>;
  /** Optional: the Stream API calls the checklist rests on. */
  http?: ReportApiCall[];
  /** Optional: what this record could not know (e.g. made from a HAR). */
  limitations?: string[];
  /** Optional: the steps of the routine (reloads, routes, off the site and back) and what each left. */
  routine?: RoutineStep[];
}

/** One step of the routine: live sockets per user once the grace window had passed, findings it raised. */
export interface RoutineStep {
  step: string;
  url: string;
  at: number;
  socketsByUser: Record<string, number>;
  /** `rule:user` of each finding this step raised. */
  findings: string[];
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
  const ordinals = socketOrdinals(state);
  for (const id of state.socketOrder) {
    const socket = state.sockets[id];
    if (!socket) continue;
    sockets.push({
      id: socket.id,
      ordinal: ordinals.get(id) ?? sockets.length + 1,
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
      connectedAt: socket.connectedAt,
      product: socket.identity.product ?? null,
      client: socket.identity.client ?? null,
      protocol: socket.protocol ?? null,
      appFrame: appFrameOf(socket),
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
      resolvedAt: finding.resolvedAt,
      ...(finding.product === undefined ? {} : { product: finding.product }),
      ...(finding.cause ? { cause: { id: finding.cause.id, message: finding.cause.message } } : {}),
    })),
    dropped: { sockets: state.evictedSockets ?? 0, events: state.droppedEvents },
    checklist: buildChecklist(state),
    http: streamApiCalls(state).map(reportApiCall),
  };
}

/** A Stream API call as the report carries it: its URL redacted like a socket's (the state is already redacted when redaction is on). */
function reportApiCall(call: ApiCall): ReportApiCall {
  const query = call.queryChannels;
  return {
    at: call.at,
    durationMs: call.durationMs,
    method: call.method,
    endpoint: call.endpoint,
    url: call.url,
    status: call.status,
    rateLimit: call.rateLimit,
    error: call.error,
    queryChannels: query ? { filter: query.filter, sort: query.sort, limit: query.limit, offset: query.offset, watch: query.watch, presence: query.presence, state: query.state } : null,
  };
}

/** File name for a downloaded report, e.g. onesocket-report-tab12-2026-11-22T18-30-00.json. */
export function reportFileName(report: Report): string {
  return `onesocket-report-tab${report.page.tabId}-${report.createdAt.replace(/[:.]/g, '-')}.json`;
}

export type ParsedReport = { ok: true; report: Report } | { ok: false; error: string };

/** Most schema complaints to show; the first few say what is wrong, the rest is noise. */
const MAX_SCHEMA_ERRORS = 3;
// Keywords that only say "something inside did not match"; the inner error says what.
const WRAPPER_KEYWORDS = new Set(['properties', 'items', '$ref', 'additionalProperties', 'allOf']);

let validator: Validator | null = null;

/**
 * Reads a report file, checked against report.schema.json (the one source of truth). The
 * validator interprets the schema instead of compiling code, because extension pages' CSP
 * forbids the `new Function` that ajv's compiler needs. Errors are written for a person who
 * picked the wrong file.
 */
export function parseReport(text: string): ParsedReport {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, error: `This file is not JSON (${error instanceof Error ? error.message : String(error)}).` };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { ok: false, error: 'This file is JSON, but not a OneSocket report: it is not an object.' };
  const format = (value as { format?: unknown }).format;
  if (format !== REPORT_FORMAT) return { ok: false, error: `This file is not a OneSocket report: its "format" is ${JSON.stringify(format ?? null)}, expected "${REPORT_FORMAT}".` };
  const version = (value as { version?: unknown }).version;
  if (version !== REPORT_VERSION) return { ok: false, error: `This report has version ${JSON.stringify(version ?? null)}; this OneSocket reads version ${REPORT_VERSION}.` };
  validator ??= new Validator(reportSchema as object, '7', false);
  const result = validator.validate(value);
  if (!result.valid) {
    const problems = result.errors.filter((problem) => !WRAPPER_KEYWORDS.has(problem.keyword));
    const shown = (problems.length > 0 ? problems : result.errors).slice(0, MAX_SCHEMA_ERRORS).map((problem) => `${problem.instanceLocation.replace(/^#\/?/, '') || 'report'}: ${problem.error}`);
    return { ok: false, error: `This report does not match the ${REPORT_FORMAT} v${REPORT_VERSION} schema. ${shown.join(' ')}` };
  }
  return { ok: true, report: value as Report };
}
