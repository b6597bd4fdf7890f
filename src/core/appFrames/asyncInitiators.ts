import { redactUrl } from '../redact';
import type { SocketRecord, TabState } from '../types';
import { appFrames, firstAppFrame } from './libraryFrames';

/**
 * The browser's own record of who created a socket: the initiator stack DevTools shows, async
 * parents included (`await`, `then`, timers), which reaches the app's code where the stack the
 * hook captures at `new WebSocket` holds only the SDK's frames. From CDP's
 * `Network.webSocketCreated` (CLI) or a DevTools HAR entry's `_initiator` (panel).
 */
export interface AsyncInitiator {
  url: string;
  /** Frames newest first, in the record's text form (see stackFrames.ts), source-mapped where possible. */
  frames: string[];
}

/** The app code that opened the socket: from the async stack when there is one, else the hook's stack. */
export function appFrameOf(socket: SocketRecord): string | null {
  if (socket.appFrame !== undefined) return socket.appFrame;
  return firstAppFrame(socket.stack);
}

/** Every app frame of the creation stack (async when seen, else the hook's), newest first. */
export function appFramesOf(socket: SocketRecord): string[] {
  return appFrames(socket.asyncStack ?? socket.stack);
}

/**
 * Where in the app the socket was opened, as one key: its whole chain of app frames. Two clients
 * opened through one shared helper (`connectAs`) share the first app frame but not the chain;
 * an effect that runs again runs the very same chain. Null when no frame is app code.
 */
export function callSiteKeyOf(socket: SocketRecord): string | null {
  const frames = appFramesOf(socket);
  return frames.length === 0 ? null : frames.join('\n');
}

/** Whether the record holds the browser's async stack for this socket (else only the SDK's sync frames may show). */
export function hasAsyncStack(socket: SocketRecord): boolean {
  return socket.asyncStack !== undefined;
}

/**
 * The tab's sockets with their async initiator stacks and app frames. The browser reports one
 * initiator per socket it created, in creation order; the record's WebSocket sockets with the same
 * URL are matched in the same order. Sockets that already carry one keep it.
 */
export function withAsyncInitiators(state: TabState, initiators: readonly AsyncInitiator[]): TabState {
  if (initiators.length === 0) return state;
  const queues = new Map<string, AsyncInitiator[]>();
  for (const initiator of initiators) {
    const queue = queues.get(normalized(initiator.url));
    if (queue) queue.push(initiator);
    else queues.set(normalized(initiator.url), [initiator]);
  }
  let sockets: TabState['sockets'] | null = null;
  for (const id of state.socketOrder) {
    const socket = state.sockets[id];
    if (!socket || socket.transport !== 'websocket') continue;
    const initiator = queues.get(normalized(socket.url))?.shift();
    if (!initiator || socket.asyncStack !== undefined) continue;
    sockets ??= { ...state.sockets };
    // The async stack starts where the sync one does: its own frames first, then the parents.
    sockets[id] = { ...socket, asyncStack: initiator.frames, appFrame: firstAppFrame(initiator.frames) ?? firstAppFrame(socket.stack) };
  }
  return sockets ? { ...state, sockets } : state;
}

/**
 * One form for both sides: the browser reports the resolved URL (the page may have passed it
 * with other escaping), and the panel's view of the record is redacted while the browser's is not.
 */
function normalized(url: string): string {
  let href = url;
  try {
    href = new URL(url).href;
  } catch {
    // Not a URL: compared as it is.
  }
  return redactUrl(href);
}
