/**
 * Long-poll sessions, told apart by their URLs alone (no page object is touched here).
 * Stream's fallback transport (`enableWSFallback`) polls `GET <baseURL>/longpoll`:
 * - `?json=...&user_id&api_key` opens a session; the reply's `event.connection_id` names it;
 * - `?connection_id=...` polls it; each reply is one received message;
 * - `?close=true&connection_id=...` closes it.
 * A session is reported with the same hook events as a socket, with transport `longpoll`, so
 * it is counted, attributed and ruled on like one.
 */
import { WIRE_LIMITS } from '../../core/wire/constants';
import type { HookEvent } from '../../core/wire/hookMessages';
import { lateUrl } from './lateNatives';
import { emptyRecord, endsWith, parseJson } from './natives';
import { clip, previewPayload } from './payload';

export type LongPollKind = 'connect' | 'poll' | 'close';

export interface LongPollRequest {
  kind: LongPollKind;
  /** Null for a poll sent before its session's connect reply was read (see `begin`). */
  sessionId: string | null;
  connectionId: string | null;
  url: string;
}

/** How a request ended: a reply (any status), or no reply at all. */
export type LongPollOutcome =
  | { kind: 'reply'; status: number; body: string; size: number }
  | { kind: 'failed' }
  | { kind: 'aborted' };

export interface LongPollTrackerContext {
  record(event: HookEvent): void;
  flushNow(): void;
  nextId(): string;
  now(): number;
  frameUrl(): string;
  captureStack(): string[];
  previewChars(): number;
}

export interface LongPollTracker {
  /** Called as a request to `url` is sent; null when it is no long-poll request. */
  begin(url: string, base: string): LongPollRequest | null;
  end(request: LongPollRequest, outcome: LongPollOutcome): void;
}

/** Whether `url` (absolute or relative to `base`) is a long-poll endpoint. */
export function isLongPollUrl(url: string, base: string): boolean {
  const NativeURL = lateUrl()?.NativeURL;
  if (NativeURL === undefined) return false;
  try {
    return endsWith(new NativeURL(url, base).pathname, '/longpoll');
  } catch {
    return false;
  }
}

function connectionIdOf(body: string): string | null {
  try {
    const reply = parseJson(body) as { event?: { connection_id?: unknown } } | null;
    const id = reply?.event?.connection_id;
    return typeof id === 'string' && id !== '' ? id : null;
  } catch {
    return null;
  }
}

export function createLongPollTracker(context: LongPollTrackerContext): LongPollTracker {
  /** Live sessions by the connection id the server gave them. */
  const sessions = emptyRecord<string>();
  /**
   * A reply is read asynchronously (fetch: from a clone), so the page may poll or close with a
   * connection id before we have read the connect reply that names it. While connects are in
   * flight, such requests are matched to their session when they end, or when it opens.
   */
  let connectsInFlight = 0;
  const closesAwaitingSession = emptyRecord<true>();
  /** Closed sessions by connection id, for the replies of polls that were already under way. */
  const closed = emptyRecord<string>();
  const { record } = context;

  function closeSession(connectionId: string | null, sessionId: string, code: number, reason: string, wasClean: boolean): void {
    if (connectionId !== null) {
      delete sessions[connectionId];
      closed[connectionId] = sessionId;
    }
    record({ type: 'close', socketId: sessionId, at: context.now(), code, reason, wasClean });
    context.flushNow();
  }

  function openSession(url: string): string {
    const sessionId = context.nextId();
    record({
      type: 'created',
      socketId: sessionId,
      at: context.now(),
      url: clip(url, WIRE_LIMITS.url),
      protocols: [],
      frameUrl: clip(context.frameUrl(), WIRE_LIMITS.url),
      stack: context.captureStack(),
      transport: 'longpoll',
    });
    return sessionId;
  }

  /** A session named by a poll of a connection whose connect we did not see: recorded from here on. */
  function adopt(url: string, connectionId: string): string {
    const sessionId = openSession(url);
    sessions[connectionId] = sessionId;
    record({ type: 'open', socketId: sessionId, at: context.now(), protocol: '', extensions: '' });
    return sessionId;
  }

  /** The session of a poll sent before its connect reply was read: known by now, or adopted. */
  function sessionOf(request: LongPollRequest): string {
    const connectionId = request.connectionId ?? '';
    return sessions[connectionId] ?? closed[connectionId] ?? adopt(request.url, connectionId);
  }

  function received(sessionId: string, body: string, size: number): void {
    record({ type: 'message', socketId: sessionId, at: context.now(), direction: 'in', size, binary: false, preview: previewPayload(body, context.previewChars()) });
  }

  return {
    begin(url, base) {
      const NativeURL = lateUrl()?.NativeURL;
      if (NativeURL === undefined) return null;
      let parsed: URL;
      try {
        parsed = new NativeURL(url, base);
      } catch {
        return null;
      }
      if (!endsWith(parsed.pathname, '/longpoll')) return null;
      const params = parsed.searchParams;
      const connectionId = params.get('connection_id');
      if (params.get('close') === 'true') {
        if (connectionId === null) return null;
        const sessionId = sessions[connectionId];
        if (sessionId === undefined) {
          if (connectsInFlight > 0) closesAwaitingSession[connectionId] = true;
          return null;
        }
        closeSession(connectionId, sessionId, 1000, 'long-poll session closed by the client', true);
        return { kind: 'close', sessionId, connectionId, url: parsed.href };
      }
      if (connectionId !== null && connectionId !== '') {
        const sessionId = sessions[connectionId] ?? (connectsInFlight > 0 ? null : adopt(parsed.href, connectionId));
        return { kind: 'poll', sessionId, connectionId, url: parsed.href };
      }
      connectsInFlight++;
      return { kind: 'connect', sessionId: openSession(parsed.href), connectionId: null, url: parsed.href };
    },

    end(request, outcome) {
      if (request.kind === 'connect') connectsInFlight--;
      if (request.kind === 'close' || outcome.kind === 'aborted') return;
      const sessionId = request.sessionId ?? sessionOf(request);
      const ok = outcome.kind === 'reply' && outcome.status >= 200 && outcome.status < 300;
      if (outcome.kind === 'reply') received(sessionId, outcome.body, outcome.size);
      if (request.kind === 'connect') {
        const connectionId = ok && outcome.kind === 'reply' ? connectionIdOf(outcome.body) : null;
        if (connectionId !== null) {
          sessions[connectionId] = sessionId;
          record({ type: 'open', socketId: sessionId, at: context.now(), protocol: '', extensions: '' });
          if (connectionId in closesAwaitingSession && delete closesAwaitingSession[connectionId]) closeSession(connectionId, sessionId, 1000, 'long-poll session closed by the client', true);
          return;
        }
        record({ type: 'error', socketId: sessionId, at: context.now() });
        closeSession(null, sessionId, 1006, outcome.kind === 'reply' ? `long-poll connect failed (HTTP ${outcome.status})` : 'long-poll connect failed (network error)', false);
        return;
      }
      if (ok) return;
      record({ type: 'error', socketId: sessionId, at: context.now() });
      // A 4xx reply ends the session (unknown connection id, auth); 5xx and network errors are retried.
      const connectionId = request.connectionId ?? '';
      if (outcome.kind === 'reply' && outcome.status >= 400 && outcome.status < 500 && sessions[connectionId] === sessionId) {
        closeSession(connectionId, sessionId, 1006, `long-poll failed (HTTP ${outcome.status})`, false);
      }
    },
  };
}
