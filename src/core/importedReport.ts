import { identityFromUrl } from './identity';
import type { Report } from './report';
import { createTabState } from './tabState';
import type { Finding, SocketRecord, TabView } from './types';
import { DEFAULT_SETTINGS } from './settings/defaults';

export interface ImportedReport {
  fileName: string;
  report: Report;
  /** The report as a tab's state, so every view of the panel shows it like a live tab. */
  view: TabView;
}

/**
 * A report turned back into the panel's own state. A report keeps no frames and only the
 * initiator line of each stack, so those views say so instead of showing nothing.
 */
export function importedView(report: Report): TabView {
  const createdAt = Date.parse(report.createdAt);
  const sockets: Record<string, SocketRecord> = {};
  for (const socket of report.sockets) {
    const fromUrl = identityFromUrl(socket.url);
    sockets[socket.id] = {
      id: socket.id,
      ...(socket.ordinal === undefined ? {} : { ordinal: socket.ordinal }),
      pageId: 'p1',
      url: socket.url,
      protocols: [],
      transport: socket.transport,
      frameUrl: socket.frameUrl ?? '',
      // The schema allows null for a time nobody saw; draw such a socket from the report's start.
      createdAt: socket.openedAt ?? createdAt,
      connectedAt: socket.connectedAt ?? null,
      closedAt: socket.closedAt,
      state: socket.state,
      closeCode: socket.closeCode,
      closeReason: socket.closeReason,
      wasClean: null,
      errored: false,
      messagesSent: socket.messagesSent,
      messagesReceived: socket.messagesReceived,
      bytesSent: socket.bytesSent,
      bytesReceived: socket.bytesReceived,
      initiator: socket.initiator,
      stack: socket.initiator === null ? [] : [socket.initiator],
      ...(socket.appFrame === undefined ? {} : { appFrame: socket.appFrame }),
      // A report of an older build has no product or client: the URL's reading stands in.
      identity: { ...fromUrl, userId: socket.userId, apiKey: socket.apiKey, source: 'report', product: socket.product === undefined ? fromUrl.product : socket.product, client: socket.client === undefined ? fromUrl.client : socket.client },
      frames: [],
      protocol: socket.protocol ?? null,
    };
  }
  const findings: Finding[] = report.findings.map((finding, index) => ({
    ...finding,
    id: `f${index + 1}`,
    // Reports of older builds carry no resolvedAt: such a finding shows resolved, without a time.
    resolvedAt: finding.resolvedAt ?? null,
    key: `${finding.rule}:${finding.userId ?? ''}:${index}`,
  }));
  const startedAt = Math.min(createdAt, ...report.sockets.map((socket) => socket.openedAt ?? createdAt));
  return {
    // From a fresh record, so fields the report does not carry start as a new tab's would.
    state: { ...createTabState(report.page.tabId, report.page.url, startedAt), sockets, socketOrder: report.sockets.map((socket) => socket.id), findings, nextFindingSeq: findings.length, evictedSockets: report.dropped?.sockets ?? 0, droppedEvents: report.dropped?.events ?? 0 },
    settings: DEFAULT_SETTINGS,
    // The picture is frozen at the moment the report was made: live bars end there.
    now: createdAt,
  };
}
