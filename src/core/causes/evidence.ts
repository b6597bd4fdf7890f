import { appFrameOf, callSiteKeyOf, hasAsyncStack } from '../appFrames/asyncInitiators';
import { isLibraryFrame } from '../appFrames/libraryFrames';
import { parseFrame, shortLocation } from '../appFrames/stackFrames';
import type { SocketRecord } from '../types';

/**
 * What the causes rest on, read from a socket's record: the SDK build that opened it, the app
 * code that did (its call site), and who closed it.
 */

/** The SDK and version Stream's clients put in the connect URL (`X-Stream-Client`), or null. */
export function streamClientOf(socket: SocketRecord): string | null {
  try {
    return new URL(socket.url).searchParams.get('X-Stream-Client');
  } catch {
    return null;
  }
}

/**
 * Which copy of the SDK opened the socket: where its `new WebSocket` is (script, line, column).
 * One copy always opens from the same spot; a second copy bundled into the same file sits at
 * other lines. Null when the innermost frame is not a library's (the app opened the socket itself).
 */
export function sdkBundleOf(socket: SocketRecord): string | null {
  const frame = socket.stack[0] === undefined ? null : parseFrame(socket.stack[0]);
  if (!frame || !isLibraryFrame(frame)) return null;
  return `${frame.url}:${frame.line}:${frame.column}`;
}

/** Where in the app the socket was opened (its chain of app frames), or null when the record holds none. */
export function callSiteOf(socket: SocketRecord): string | null {
  return callSiteKeyOf(socket);
}

/** A frame as a person reads it: "ChatPane (ChatPane.tsx:42)", with the column when asked. */
export function describeCallSite(callSite: string, withColumn = false): string {
  const frame = parseFrame(callSite);
  if (!frame) return callSite;
  const location = withColumn ? `${shortLocation(frame)}:${frame.column}` : shortLocation(frame);
  return frame.functionName ? `${frame.functionName} (${location})` : location;
}

/** The first app frame of one of these sockets, as a person reads it; null when none is known. */
export function describeFirstAppFrame(sockets: readonly SocketRecord[]): string | null {
  const frame = sockets.map(appFrameOf).find((candidate) => candidate !== null);
  return frame ? describeCallSite(frame) : null;
}

/**
 * The places that tell these sockets' call sites apart: for each distinct chain of app frames,
 * its frame at the first depth where the chains differ (the component, not a shared helper).
 */
export function differingCallSites(sockets: readonly SocketRecord[]): string[] {
  const chains = distinct(sockets.map(callSiteOf).filter((key): key is string => key !== null)).map((key) => key.split('\n'));
  if (chains.length < 2) return [];
  let depth = 0;
  while (chains.every((chain) => depth < chain.length - 1 && chain[depth] === chains[0]?.[depth])) depth += 1;
  const frames = distinct(chains.map((chain) => chain[Math.min(depth, chain.length - 1)] as string));
  const plain = frames.map((frame) => describeCallSite(frame));
  // Two calls on one line (Promise.all([connect(a), connect(b)])) differ by column only.
  return distinct(plain).length === plain.length ? plain : frames.map((frame) => describeCallSite(frame, true));
}

/** Said when a cause rests on timing alone because no socket's app code is known. */
export const NO_CALL_SITE_HINT = 'open DevTools before the page loads to see the app code';

/** Whether none of these sockets' app code is known, and whether any async stack was seen at all. */
export function callSitesUnknown(sockets: readonly SocketRecord[]): { unknown: boolean; anyAsync: boolean } {
  return { unknown: sockets.every((socket) => callSiteOf(socket) === null), anyAsync: sockets.some(hasAsyncStack) };
}

/** The page gave the socket up (close() called): a disconnect, a cleanup, the SDK's own replace. */
export function closedByClient(socket: SocketRecord): boolean {
  return socket.closeRequestedAt !== undefined;
}

/** The server or the network ended the socket: it closed without the page asking. */
export function closedByServer(socket: SocketRecord): boolean {
  return socket.state === 'closed' && socket.closeRequestedAt === undefined;
}

/** When the socket stopped serving the app: its close request, else its close. */
export function endedAt(socket: SocketRecord): number | null {
  return socket.closeRequestedAt ?? socket.closedAt;
}

export function distinct<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}

/** Whether the socket was still serving the app at `at`. */
export function isLiveAt(socket: SocketRecord, at: number): boolean {
  const ended = endedAt(socket);
  return socket.createdAt <= at && (ended === null || ended > at);
}
