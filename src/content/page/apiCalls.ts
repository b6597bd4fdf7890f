/**
 * Stream REST calls, for the integration checklist: a request whose URL carries `api_key` is
 * timed, and its answer's status, rate-limit headers and (for an error) body are reported as one
 * `http` event. Of a request body only a queryChannels call's (`POST .../channels`) is copied,
 * capped; the worker keeps only its query fields. Which calls are Stream's is decided by the
 * worker (it knows the hosts of the tab's Stream sockets); the page only does the cheap test.
 */
import { WIRE_LIMITS } from '../../core/wire/constants';
import type { HookEvent } from '../../core/wire/hookMessages';
import { endsWith, includes, indexOf, NativeNumber, slice, toUpperCase } from './natives';
import { clip } from './payload';

export interface ApiCallRequest {
  at: number;
  method: string;
  url: string;
  requestBody: string | null;
}

/** What the observer read of the answer; `header` reads one response header (null if absent). */
export interface ApiCallAnswer {
  status: number;
  header: (name: string) => string | null;
  /** The reply's text, read only for an error status (null otherwise or when unreadable). */
  errorBody: string | null;
}

export interface ApiCallRecorder {
  /** A request to watch, or null for one that is not a Stream API call. */
  begin(url: string, method: string, body: unknown): ApiCallRequest | null;
  end(request: ApiCallRequest, answer: ApiCallAnswer): void;
}

/** Cheap: a Stream API call carries its app's key in the query. */
export function isApiCallUrl(url: string): boolean {
  return includes(url, 'api_key=') && !includes(url, '/longpoll');
}

function pathEndsWithChannels(url: string): boolean {
  const query = indexOf(url, '?');
  const path = query === -1 ? url : slice(url, 0, query);
  return endsWith(path, '/channels') || endsWith(path, '/channels/');
}

const numberOrNull = (text: string | null): number | null => {
  if (text === null || text === '') return null;
  const value = NativeNumber(text);
  return value === value ? value : null;
};

export function createApiCallRecorder(record: (event: HookEvent) => void, now: () => number): ApiCallRecorder {
  return {
    begin(url, method, body) {
      if (!isApiCallUrl(url)) return null;
      const upper = toUpperCase(method);
      const requestBody = upper === 'POST' && typeof body === 'string' && pathEndsWithChannels(url) ? clip(body, WIRE_LIMITS.httpBody) : null;
      return { at: now(), method: clip(upper, WIRE_LIMITS.method), url: clip(url, WIRE_LIMITS.url), requestBody };
    },
    end(request, answer) {
      record({
        type: 'http',
        at: request.at,
        durationMs: now() - request.at,
        method: request.method,
        url: request.url,
        status: answer.status,
        rateLimitLimit: numberOrNull(answer.header('x-ratelimit-limit')),
        rateLimitRemaining: numberOrNull(answer.header('x-ratelimit-remaining')),
        rateLimitReset: numberOrNull(answer.header('x-ratelimit-reset')),
        requestBody: request.requestBody,
        errorBody: answer.errorBody === null ? null : clip(answer.errorBody, WIRE_LIMITS.httpBody),
      });
    },
  };
}
