import { protocolFromFrame, protocolFromHandshake } from './decoders/index';
import { identityFromUrl, refineIdentityFromFrame } from './identity';
import { serverErrorOf } from './serverErrors';
import { apiCallFromHook, type ApiCall } from './http/apiCall';
import { IDENTITY_FRAMES_PER_DIRECTION } from './wire/constants';
import type { HookEvent } from './wire/hookMessages';
import { isLive, type FrameRecord, type PageRecord, type Settings, type SocketRecord, type TabState } from './types';

/** Everything that can happen to a tab's record, in the order it happened. */
export type TabEvent =
  | { type: 'document-started'; at: number; url: string }
  /** What a frame's hook saw; `documentId` names that frame's document (its relay). */
  | { type: 'hook'; event: HookEvent; documentId?: string }
  /** A relay message was applied: later copies of it (resent after a worker restart) are skipped. */
  | { type: 'document-seq'; documentId: string; seq: number }
  /** A frame's document is gone (navigated, removed, crashed): its sockets went with it. */
  | { type: 'document-gone'; documentId: string; at: number }
  | { type: 'clear'; at: number }
  | { type: 'set-preserve-log'; value: boolean }
  /** Messages the relay or worker refused as malformed or over a cap, counted as a diagnostic. */
  | { type: 'dropped'; count: number };


export function createTabState(tabId: number, url = '', at = 0): TabState {
  return {
    tabId,
    pages: [{ id: 'p1', url, startedAt: at }],
    sockets: {},
    socketOrder: [],
    findings: [],
    preserveLog: false,
    droppedEvents: 0,
    evictedSockets: 0,
    documentSeqs: {},
    nextFindingSeq: 0,
    nextOrdinal: 1,
    evictedOrdinals: {},
  };
}

export function currentPage(state: TabState): PageRecord {
  // pages is never empty: createTabState starts with one and nothing removes the last.
  return state.pages[state.pages.length - 1] as PageRecord;
}

/** The number the next socket gets; a record of an older build counts from its socket order. */
function nextOrdinalOf(state: TabState): number {
  return state.nextOrdinal ?? state.socketOrder.length + 1;
}

/** First stack frame that is not ours, i.e. the app code that opened the socket. */
function initiatorOf(stack: string[]): string | null {
  return stack[0] ?? null;
}

function createdSocket(state: TabState, event: Extract<HookEvent, { type: 'created' }>, settings: Settings, documentId: string | undefined): SocketRecord {
  return {
    id: event.socketId,
    ordinal: nextOrdinalOf(state),
    pageId: currentPage(state).id,
    ...(documentId === undefined ? {} : { documentId }),
    url: event.url,
    protocols: event.protocols,
    transport: event.transport ?? 'websocket',
    frameUrl: event.frameUrl,
    createdAt: event.at,
    connectedAt: null,
    closedAt: null,
    state: 'connecting',
    closeCode: null,
    closeReason: null,
    wasClean: null,
    errored: false,
    messagesSent: 0,
    messagesReceived: 0,
    bytesSent: 0,
    bytesReceived: 0,
    initiator: initiatorOf(event.stack),
    stack: event.stack,
    identity: identityFromUrl(event.url, settings.identityRules),
    frames: [],
    protocol: protocolFromHandshake(event.url, event.protocols),
  };
}

function withFrame(socket: SocketRecord, event: Extract<HookEvent, { type: 'message' }>, settings: Settings): SocketRecord {
  const frame: FrameRecord = { at: event.at, direction: event.direction, size: event.size, binary: event.binary, preview: event.preview };
  const outgoing = event.direction === 'out';
  // Identity is read from the first frames each way only; later frames never change the owner.
  const seenThisWay = outgoing ? socket.messagesSent : socket.messagesReceived;
  const frames = socket.frames.length >= settings.framesPerSocket ? socket.frames.slice(socket.frames.length - settings.framesPerSocket + 1) : socket.frames.slice();
  // With capture off, counts and sizes still add up; only the previews are not kept.
  if (settings.captureFrames && settings.framesPerSocket > 0) frames.push(frame);
  return {
    ...socket,
    frames,
    messagesSent: socket.messagesSent + (outgoing ? 1 : 0),
    messagesReceived: socket.messagesReceived + (outgoing ? 0 : 1),
    bytesSent: socket.bytesSent + (outgoing ? event.size : 0),
    bytesReceived: socket.bytesReceived + (outgoing ? 0 : event.size),
    identity: seenThisWay < IDENTITY_FRAMES_PER_DIRECTION ? refineIdentityFromFrame(socket.identity, frame, settings.identityRules) : socket.identity,
    // Like identity, the protocol is read from the first frames each way (the hook ships them whole).
    protocol: socket.protocol || (seenThisWay < IDENTITY_FRAMES_PER_DIRECTION ? protocolFromFrame(frame) : null),
    // Kept apart from the frame history: the error matters even when previews are off or rolled over.
    serverError: socket.serverError ?? serverErrorOf(frame) ?? undefined,
  };
}

function applyHookEvent(socket: SocketRecord, event: HookEvent, settings: Settings): SocketRecord {
  switch (event.type) {
    case 'created':
    case 'http':
      return socket;
    case 'open':
      return socket.state === 'connecting' ? { ...socket, state: 'open', connectedAt: event.at } : socket;
    case 'message':
      return withFrame(socket, event, settings);
    case 'traffic':
      return {
        ...socket,
        messagesSent: socket.messagesSent + event.sent,
        messagesReceived: socket.messagesReceived + event.received,
        bytesSent: socket.bytesSent + event.bytesSent,
        bytesReceived: socket.bytesReceived + event.bytesReceived,
      };
    case 'error':
      return { ...socket, errored: true };
    case 'closing':
      // closeRequestedAt tells a socket the page gave up on from one the server refused.
      return socket.state === 'closed' ? socket : { ...socket, state: 'closing', closeRequestedAt: socket.closeRequestedAt ?? event.at };
    case 'close':
      return {
        ...socket,
        state: 'closed',
        closedAt: event.at,
        closeCode: event.code,
        closeReason: event.reason,
        wasClean: event.wasClean,
      };
  }
}

/** Stream API calls kept per tab; the oldest go first (the checklist reads the recent ones). */
export const MAX_API_CALLS = 500;

function withApiCall(calls: ApiCall[], call: ApiCall): ApiCall[] {
  const kept = calls.length >= MAX_API_CALLS ? calls.slice(calls.length - MAX_API_CALLS + 1) : calls.slice();
  kept.push(call);
  return kept;
}

/** A new top-level document: a new page record; earlier ones kept only while Preserve log is on. */
function startDocument(state: TabState, url: string, at: number): TabState {
  const page: PageRecord = { id: `p${state.pages.length + 1}-${at}`, url, startedAt: at };
  if (!state.preserveLog) {
    // What was dropped from the previous page's record is no news on this one.
    return { ...state, pages: [page], sockets: {}, socketOrder: [], findings: [], evictedSockets: 0, droppedEvents: 0, nextOrdinal: 1, evictedOrdinals: {}, apiCalls: [] };
  }
  // The old document is gone, and its sockets with it, whether or not their close was seen.
  const sockets: TabState['sockets'] = {};
  for (const [id, socket] of Object.entries(state.sockets)) {
    sockets[id] = socket.state === 'closed' ? socket : { ...socket, state: 'closed', closedAt: at, closeReason: socket.closeReason ?? 'page unloaded' };
  }
  return { ...state, pages: [...state.pages, page], sockets };
}

/**
 * Clear forgets the log, never the truth: closed sockets, resolved findings, frame histories and
 * earlier pages go; sockets that are still live or closing stay with their counts, and the
 * findings still active stay (the rules re-evaluate them right after, as after any event).
 */
function clearLog(state: TabState, at: number): TabState {
  const sockets: TabState['sockets'] = {};
  const socketOrder: string[] = [];
  for (const id of state.socketOrder) {
    const socket = state.sockets[id];
    if (!socket || socket.state === 'closed') continue;
    sockets[id] = { ...socket, frames: [], pageId: currentPage(state).id };
    socketOrder.push(id);
  }
  return {
    ...state,
    pages: [{ ...currentPage(state), startedAt: at }],
    sockets,
    socketOrder,
    // An active finding about kept sockets is still true; one only about forgotten sockets is log.
    findings: state.findings.filter((finding) => finding.active && (finding.socketIds.length === 0 || finding.socketIds.some((id) => Object.hasOwn(sockets, id)))),
    evictedSockets: 0,
    droppedEvents: 0,
    // Kept sockets keep their numbers; with none kept, numbering starts again at #1.
    nextOrdinal: socketOrder.length === 0 ? 1 : nextOrdinalOf(state),
    evictedOrdinals: {},
  };
}

/**
 * The one entry point that changes a tab's record. Pure: returns a new state, shares what did
 * not change. Findings are not evaluated here; see evaluateFindings.
 */
export function applyTabEvents(state: TabState, events: TabEvent[], settings: Settings): TabState {
  let next = state;
  let socketsCopied = false;
  const writableSockets = (): TabState['sockets'] => {
    if (!socketsCopied) {
      next = { ...next, sockets: { ...next.sockets } };
      socketsCopied = true;
    }
    return next.sockets;
  };
  for (const tabEvent of events) {
    switch (tabEvent.type) {
      case 'document-started':
        next = startDocument(next, tabEvent.url, tabEvent.at);
        socketsCopied = false;
        break;
      case 'clear':
        next = clearLog(next, tabEvent.at);
        socketsCopied = false;
        break;
      case 'set-preserve-log':
        next = { ...next, preserveLog: tabEvent.value };
        break;
      case 'dropped':
        next = { ...next, droppedEvents: next.droppedEvents + tabEvent.count };
        break;
      case 'document-seq':
        next = { ...next, documentSeqs: rememberDocumentSeq(next.documentSeqs ?? {}, tabEvent.documentId, tabEvent.seq) };
        break;
      case 'document-gone': {
        const sockets = writableSockets();
        for (const [id, socket] of Object.entries(sockets)) {
          if (socket.documentId === tabEvent.documentId && socket.state !== 'closed') {
            sockets[id] = { ...socket, state: 'closed', closedAt: tabEvent.at, closeReason: socket.closeReason ?? 'document gone' };
          }
        }
        break;
      }
      case 'hook': {
        const event = tabEvent.event;
        if (event.type === 'http') {
          next = { ...next, apiCalls: withApiCall(next.apiCalls ?? [], apiCallFromHook(event, tabEvent.documentId ?? null, next.apiCalls?.length ?? 0)) };
          break;
        }
        const existing = next.sockets[event.socketId];
        if (event.type === 'created') {
          if (existing) break;
          writableSockets()[event.socketId] = createdSocket(next, event, settings, tabEvent.documentId);
          next = { ...next, socketOrder: [...next.socketOrder, event.socketId], nextOrdinal: nextOrdinalOf(next) + 1 };
        } else if (existing) {
          writableSockets()[event.socketId] = applyHookEvent(existing, event, settings);
        }
        // Events of a socket not in the record (cleared, or from a replaced document) are ignored.
        break;
      }
    }
  }
  return enforceSocketCap(next, settings.maxSocketsPerTab);
}

/** Relays (documents) remembered per tab for de-duplication; the oldest are forgotten first. */
const MAX_REMEMBERED_DOCUMENTS = 64;

function rememberDocumentSeq(seqs: Record<string, number>, documentId: string, seq: number): Record<string, number> {
  const next = { ...seqs };
  delete next[documentId];
  next[documentId] = Math.max(seq, seqs[documentId] ?? 0);
  const ids = Object.keys(next);
  for (const id of ids.slice(0, Math.max(0, ids.length - MAX_REMEMBERED_DOCUMENTS))) delete next[id];
  return next;
}

/** True when a relay message with this sequence number was applied already. */
export function alreadyApplied(state: TabState | undefined, documentId: string, seq: number): boolean {
  return (state?.documentSeqs?.[documentId] ?? 0) >= seq;
}

/**
 * Bounded memory over long sessions and against hostile pages: beyond the cap, evict closed
 * sockets oldest first, then (only if every socket is live) the oldest live ones.
 */
function enforceSocketCap(state: TabState, cap: number): TabState {
  const excess = state.socketOrder.length - cap;
  if (excess <= 0) return state;
  const evict = new Set<string>();
  for (const id of state.socketOrder) {
    if (evict.size === excess) break;
    if (state.sockets[id]?.state === 'closed') evict.add(id);
  }
  for (const id of state.socketOrder) {
    if (evict.size === excess) break;
    evict.add(id);
  }
  const sockets = { ...state.sockets };
  const named = new Set(state.findings.flatMap((finding) => finding.socketIds));
  const evictedOrdinals = { ...state.evictedOrdinals };
  const ordinals = socketOrdinals(state);
  for (const id of evict) {
    const ordinal = ordinals.get(id);
    if (named.has(id) && ordinal !== undefined) evictedOrdinals[id] = ordinal;
    delete sockets[id];
  }
  return {
    ...state,
    sockets,
    socketOrder: state.socketOrder.filter((id) => !evict.has(id)),
    evictedSockets: (state.evictedSockets ?? 0) + evict.size,
    evictedOrdinals,
  };
}

/**
 * Every socket's number ("#n") by id: the sockets held, and the evicted ones a finding still
 * names. The one naming the panel, the report and the Markdown use.
 */
export function socketOrdinals(state: Pick<TabState, 'socketOrder' | 'sockets' | 'evictedOrdinals'>): Map<string, number> {
  const ordinals = new Map<string, number>(Object.entries(state.evictedOrdinals ?? {}));
  state.socketOrder.forEach((id, index) => ordinals.set(id, state.sockets[id]?.ordinal ?? index + 1));
  return ordinals;
}

export function liveSocketCount(state: TabState): number {
  let count = 0;
  for (const socket of Object.values(state.sockets)) if (isLive(socket)) count++;
  return count;
}

export function hasActiveError(state: TabState): boolean {
  return state.findings.some((finding) => finding.active && finding.severity === 'error');
}
