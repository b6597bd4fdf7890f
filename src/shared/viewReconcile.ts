import type { Finding, SocketRecord, TabView } from '../core/types';

function sameSocket(a: SocketRecord, b: SocketRecord): boolean {
  return (
    a.state === b.state &&
    a.url === b.url &&
    a.pageId === b.pageId &&
    a.openAt === b.openAt &&
    a.closedAt === b.closedAt &&
    a.closeCode === b.closeCode &&
    a.errored === b.errored &&
    a.messagesSent === b.messagesSent &&
    a.messagesReceived === b.messagesReceived &&
    a.identity.userId === b.identity.userId &&
    a.identity.connectionId === b.identity.connectionId &&
    a.frames.length === b.frames.length &&
    a.frames.at(-1)?.at === b.frames.at(-1)?.at
  );
}

function sameFinding(a: Finding, b: Finding): boolean {
  return a.id === b.id && a.active === b.active && a.message === b.message && a.severity === b.severity && a.socketIds.join() === b.socketIds.join();
}

function sameList(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((value, i) => value === b[i]);
}

/**
 * Every snapshot arrives as a fresh copy (it crossed a port), so nothing is === to what the
 * panel had. Keeping the previous object for each socket and finding that did not change lets
 * memoised rows skip re-rendering: one busy socket re-renders one row, not the table.
 */
export function reuseUnchanged(previous: TabView | null, next: TabView): TabView {
  if (!previous || previous.state.tabId !== next.state.tabId || JSON.stringify(previous.settings) !== JSON.stringify(next.settings)) return next;
  const sockets: Record<string, SocketRecord> = {};
  for (const [id, socket] of Object.entries(next.state.sockets)) {
    const before = previous.state.sockets[id];
    sockets[id] = before && sameSocket(before, socket) ? before : socket;
  }
  const findingsBefore = new Map(previous.state.findings.map((finding) => [finding.id, finding]));
  const findings = next.state.findings.map((finding) => {
    const before = findingsBefore.get(finding.id);
    return before && sameFinding(before, finding) ? before : finding;
  });
  const unchangedFindings = findings.length === previous.state.findings.length && findings.every((finding, i) => finding === previous.state.findings[i]);
  return {
    ...next,
    state: {
      ...next.state,
      sockets,
      socketOrder: sameList(previous.state.socketOrder, next.state.socketOrder) ? previous.state.socketOrder : next.state.socketOrder,
      findings: unchangedFindings ? previous.state.findings : findings,
    },
  };
}
