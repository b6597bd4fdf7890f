import { protocolFromFrame, protocolFromHandshake } from './decoders/index';
import { identityFromUrl, refineIdentityFromFrame } from './identity';
import { serverErrorOf } from './serverErrors';
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
  };
}

export function currentPage(state: TabState): PageRecord {
  // pages is never empty: createTabState starts with one and nothing removes the last.
  return state.pages[state.pages.length - 1] as PageRecord;
}

/** First stack frame that is not ours, i.e. the app code that opened the socket. */
function initiatorOf(stack: string[]): string | null {
  return stack[0] ?? null;
}

function createdSocket(state: TabState, event: Extract<HookEvent, { type: 'created' }>, settings: Settings, documentId: string | undefined): SocketRecord {
  return {
    id: event.socketId,
    pageId: currentPage(state).id,
    ...(documentId === undefined ? {} : { documentId }),
    url: event.url,
    protocols: event.protocols,
    transport: event.transport ?? 'websocket',
    frameUrl: event.frameUrl,
    createdAt: event.at,
    openAt: null,
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
      return socket;
    case 'open':
      return socket.state === 'connecting' ? { ...socket, state: 'open', openAt: event.at } : socket;
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

/** A new top-level document: a new page record; earlier ones kept only while Preserve log is on. */
function startDocument(state: TabState, url: string, at: number): TabState {
  const page: PageRecord = { id: `p${state.pages.length + 1}-${at}`, url, startedAt: at };
  if (!state.preserveLog) {
    return { ...state, pages: [page], sockets: {}, socketOrder: [], findings: [] };
  }
  // The old document is gone, and its sockets with it, whether or not their close was seen.
  const sockets: TabState['sockets'] = {};
  for (const [id, socket] of Object.entries(state.sockets)) {
    sockets[id] = socket.state === 'closed' ? socket : { ...socket, state: 'closed', closedAt: at, closeReason: socket.closeReason ?? 'page unloaded' };
  }
  return { ...state, pages: [...state.pages, page], sockets };
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
        next = { ...next, pages: [{ ...currentPage(next), startedAt: tabEvent.at }], sockets: {}, socketOrder: [], findings: [] };
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
        const existing = next.sockets[event.socketId];
        if (event.type === 'created') {
          if (existing) break;
          writableSockets()[event.socketId] = createdSocket(next, event, settings, tabEvent.documentId);
          next = { ...next, socketOrder: [...next.socketOrder, event.socketId] };
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
  for (const id of evict) delete sockets[id];
  return {
    ...state,
    sockets,
    socketOrder: state.socketOrder.filter((id) => !evict.has(id)),
    evictedSockets: (state.evictedSockets ?? 0) + evict.size,
  };
}

export function liveSocketCount(state: TabState): number {
  let count = 0;
  for (const socket of Object.values(state.sockets)) if (isLive(socket)) count++;
  return count;
}

export function hasActiveError(state: TabState): boolean {
  return state.findings.some((finding) => finding.active && finding.severity === 'error');
}
