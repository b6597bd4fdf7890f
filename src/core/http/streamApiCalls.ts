import type { SocketRecord, TabState } from '../types';
import type { ApiCall } from './apiCall';

/** Stream's own API hosts (chat, video, feeds and their regional edges). */
const STREAM_HOST = /(^|\.)stream-io-api\.com$/i;

function hostOf(url: string): string | null {
  try {
    return new URL(url).host.toLowerCase();
  } catch {
    return null;
  }
}

/** A Stream socket: one whose Stream product is known, the chat connect URL, or a user read from Stream's own frames or URL. */
export function isStreamSocket(socket: SocketRecord): boolean {
  if (socket.identity.product) return true;
  const source = socket.identity.source;
  if (source === 'stream-url' || source === 'stream-frame') return true;
  try {
    const url = new URL(socket.url);
    return /\/connect\/?$/.test(url.pathname) && url.searchParams.has('api_key');
  } catch {
    return false;
  }
}

/**
 * The page's calls to Stream APIs: to Stream's own hosts, or to a host one of the tab's Stream
 * sockets uses (an app with its own base URL, a proxy, a local backend). The hook reports every
 * call that carries `api_key`; this decides which of them are Stream's.
 */
export function streamApiCalls(state: TabState): ApiCall[] {
  const calls = state.apiCalls ?? [];
  if (calls.length === 0) return calls;
  const socketHosts = new Set<string>();
  for (const id of state.socketOrder) {
    const socket = state.sockets[id];
    if (!socket || !isStreamSocket(socket)) continue;
    const host = hostOf(socket.url);
    if (host) socketHosts.add(host);
  }
  return calls.filter((call) => {
    const host = hostOf(call.url);
    return host !== null && (STREAM_HOST.test(host.split(':')[0] ?? host) || socketHosts.has(host));
  });
}

/** The most recent call of each group, in the order the groups were first seen. */
export function latestBy<K>(calls: ApiCall[], keyOf: (call: ApiCall) => K | null): Map<K, ApiCall> {
  const latest = new Map<K, ApiCall>();
  for (const call of calls) {
    const key = keyOf(call);
    if (key !== null) latest.set(key, call);
  }
  return latest;
}
