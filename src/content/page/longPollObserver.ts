/**
 * Sees the requests of a long-poll fallback (see longPollSessions.ts) and the app's Stream API
 * calls (see apiCalls.ts), over XMLHttpRequest (what stream-chat's axios uses in a browser) and
 * fetch: one wrapper each for both views. Only requests to a `/longpoll` URL or a URL carrying
 * `api_key` are touched; every other request goes straight to the native, which returns its own
 * result. An API call is only timed and its answer read (status, headers, an error's body).
 * - XHR: Proxies of `open` (remembers the URL) and `send` (adds our listeners before sending);
 *   the page's handlers, events and exceptions are the native ones.
 * - fetch: for a long-poll URL the page gets a promise chained on the native one, settling
 *   with the same Response or the same rejection (one microtask later); the reply is read
 *   from a clone, so the page's body stays unread.
 */
import { isApiCallUrl, type ApiCallAnswer, type ApiCallRecorder, type ApiCallRequest } from './apiCalls';
import type { NativeDisguise } from './nativeDisguise';
import { lateDomException, lateNativeGetter, lateNativeGlobal, lateNativeMethod, lateUrl, once } from './lateNatives';
import { addEventListener, nativeGetter, NativeNumber, NativeString, ownValue, promiseThen, reflectApply, SafeWeakMap, stringify } from './natives';
import { isLongPollUrl, type LongPollOutcome, type LongPollRequest, type LongPollTracker } from './longPollSessions';
import { payloadSize, utf8Length } from './payload';

export interface LongPollObserverContext {
  win: typeof globalThis;
  disguise: NativeDisguise;
  tracker: LongPollTracker;
  apiCalls: ApiCallRecorder;
}

export function observeLongPolls(context: LongPollObserverContext): void {
  if (typeof context.win.XMLHttpRequest === 'function') observeXhr(context);
  if (typeof context.win.fetch === 'function') observeFetch(context);
}

/** The request URL from what the page passed, without running page code (no toString calls). */
function urlArgument(input: unknown): string | null {
  if (typeof input === 'string') return input;
  if (typeof input !== 'object' || input === null) return null;
  const url = lateUrl();
  if (url?.getHref && input instanceof url.NativeURL) return NativeString(url.getHref(input));
  const fetchApi = lateFetchApi();
  if (fetchApi.getRequestUrl && fetchApi.NativeRequest && input instanceof fetchApi.NativeRequest) return NativeString(fetchApi.getRequestUrl(input));
  return null;
}

/**
 * What the fetch view reads of requests and responses, read with the first request it observes
 * (lateNatives.ts): Request, Response and Headers are built in a document only when read.
 */
const lateFetchApi = once(() => {
  const NativeRequest = lateNativeGlobal<typeof Request>('Request');
  const responseProto = lateNativeGlobal<typeof Response>('Response')?.prototype;
  const headersProto = lateNativeGlobal<typeof Headers>('Headers')?.prototype;
  return {
    NativeRequest,
    getRequestUrl: lateNativeGetter(NativeRequest?.prototype, 'url'),
    getRequestMethod: lateNativeGetter(NativeRequest?.prototype, 'method'),
    clone: lateNativeMethod(responseProto, 'clone'),
    text: lateNativeMethod(responseProto, 'text'),
    getStatus: lateNativeGetter(responseProto, 'status'),
    getHeaders: lateNativeGetter(responseProto, 'headers'),
    headersGet: lateNativeMethod(headersProto, 'get'),
  };
});

function baseOf(win: typeof globalThis): string {
  return win.document?.baseURI ?? win.location.href;
}

function observeXhr({ win, disguise, tracker, apiCalls }: LongPollObserverContext): void {
  const proto = win.XMLHttpRequest.prototype;
  const getResponseHeader = proto.getResponseHeader;
  /** API calls opened (method and URL), and those sent and awaiting their answer. */
  const openedApiCalls = new SafeWeakMap<object, { method: string; url: string }>();
  const apiCallsInFlight = new SafeWeakMap<object, ApiCallRequest>();
  const addListener = addEventListener;
  const getStatus = nativeGetter(proto, 'status');
  const getResponseType = nativeGetter(proto, 'responseType');
  const getResponseText = nativeGetter(proto, 'responseText');
  const getResponse = nativeGetter(proto, 'response');
  const openedUrls = new SafeWeakMap<object, string>();
  const inFlight = new SafeWeakMap<object, LongPollRequest>();
  const listening = new SafeWeakMap<object, true>();

  function replyOf(xhr: object): LongPollOutcome {
    const status = NativeNumber(getStatus?.(xhr) ?? 0);
    const type = getResponseType?.(xhr);
    if (type === '' || type === 'text') {
      const body = NativeString(getResponseText?.(xhr) ?? '');
      return { kind: 'reply', status, body, size: utf8Length(body) };
    }
    const response = getResponse?.(xhr);
    // A 'json' reply is already parsed: its text is gone, so its size is that of the JSON.
    const body = type === 'json' ? (stringify(response) ?? '') : '';
    return { kind: 'reply', status, body, size: type === 'json' ? utf8Length(body) : payloadSize(response) };
  }

  function apiAnswerOf(xhr: object): ApiCallAnswer {
    const status = NativeNumber(getStatus?.(xhr) ?? 0);
    const reply = status >= 400 ? replyOf(xhr) : null;
    return {
      status,
      header: (name) => {
        const value: unknown = reflectApply(getResponseHeader, xhr, [name]);
        return typeof value === 'string' ? value : null;
      },
      errorBody: reply !== null && reply.kind === 'reply' ? reply.body : null,
    };
  }

  /** One `loadend` listener per request: it fires after load, error, abort and timeout alike. */
  function listenForApiAnswer(xhr: object, request: ApiCallRequest): void {
    apiCallsInFlight.set(xhr, request);
    reflectApply(addListener, xhr, [
      'loadend',
      () => {
        try {
          const pending = apiCallsInFlight.get(xhr);
          if (pending === undefined) return;
          apiCallsInFlight.delete(xhr);
          apiCalls.end(pending, apiAnswerOf(xhr));
        } catch {
          // Never let an observation error reach the page.
        }
      },
    ]);
  }

  function settle(xhr: object, outcome: (xhr: object) => LongPollOutcome): void {
    const request = inFlight.get(xhr);
    if (request === undefined) return;
    inFlight.delete(xhr);
    tracker.end(request, outcome(xhr));
  }

  function listenOnce(xhr: object): void {
    if (listening.get(xhr)) return;
    listening.set(xhr, true);
    const on = (type: string, outcome: (xhr: object) => LongPollOutcome): void =>
      reflectApply(addListener, xhr, [
        type,
        () => {
          try {
            settle(xhr, outcome);
          } catch {
            // Never let an observation error reach the page.
          }
        },
      ]);
    on('load', replyOf);
    on('error', () => ({ kind: 'failed' }));
    on('timeout', () => ({ kind: 'failed' }));
    on('abort', () => ({ kind: 'aborted' }));
  }

  proto.open = disguise.wrap(proto.open, {
    apply: function openTrap(target, thisArg: unknown, args: unknown[]) {
      let result: unknown;
      try {
        result = reflectApply(target, thisArg, args);
      } catch (error) {
        throw disguise.nativeThrow(error, openTrap);
      }
      try {
        if (typeof thisArg === 'object' && thisArg !== null) {
          const url = urlArgument(args[1]);
          if (url !== null && isLongPollUrl(url, baseOf(win))) openedUrls.set(thisArg, url);
          else openedUrls.delete(thisArg);
          if (url !== null && isApiCallUrl(url) && typeof args[0] === 'string') openedApiCalls.set(thisArg, { method: args[0], url });
          else openedApiCalls.delete(thisArg);
        }
      } catch {
        // ignore: the page's request goes on untouched
      }
      return result;
    },
  });

  proto.send = disguise.wrap(proto.send, {
    apply: function xhrSendTrap(target, thisArg: unknown, args: unknown[]) {
      try {
        const url = typeof thisArg === 'object' && thisArg !== null ? openedUrls.get(thisArg) : undefined;
        if (url !== undefined) {
          const request = tracker.begin(url, baseOf(win));
          if (request !== null) {
            // Listeners first: a synchronous request fires its events inside send().
            listenOnce(thisArg as object);
            inFlight.set(thisArg as object, request);
          }
        }
        const apiCall = typeof thisArg === 'object' && thisArg !== null ? openedApiCalls.get(thisArg) : undefined;
        const apiRequest = apiCall !== undefined ? apiCalls.begin(apiCall.url, apiCall.method, args[0]) : null;
        // Listener first: a synchronous request ends inside send().
        if (apiRequest !== null) listenForApiAnswer(thisArg as object, apiRequest);
      } catch {
        // ignore: the page's request goes on untouched
      }
      try {
        return reflectApply(target, thisArg, args);
      } catch (error) {
        throw disguise.nativeThrow(error, xhrSendTrap);
      }
    },
  });
}

function observeFetch({ win, disguise, tracker, apiCalls }: LongPollObserverContext): void {
  /** The method of a fetch call: the init's own `method`, else the Request's, else GET. */
  function methodOf(args: unknown[]): string {
    const fromInit = ownValue(args[1], 'method');
    if (typeof fromInit === 'string') return fromInit;
    const { NativeRequest, getRequestMethod } = lateFetchApi();
    if (getRequestMethod && NativeRequest && args[0] instanceof NativeRequest) return NativeString(getRequestMethod(args[0]));
    return 'GET';
  }

  /** Reads an API call's answer on a branch of its own: the page's promise is returned untouched. */
  function watchApiAnswer(request: ApiCallRequest, promise: Promise<unknown>): void {
    const { getStatus, getHeaders, headersGet, clone, text } = lateFetchApi();
    if (!getStatus || !getHeaders || !headersGet || !clone || !text) return;
    const ended = (status: number, headers: object | null, errorBody: string | null): void =>
      apiCalls.end(request, { status, header: (name) => (headers ? ((reflectApply(headersGet, headers, [name]) as string | null) ?? null) : null), errorBody });
    reflectApply(promiseThen, promise, [
      (response: unknown) => {
        try {
          const status = NativeNumber(getStatus(response as object));
          const headers = getHeaders(response as object) as object;
          if (status < 400) return ended(status, headers, null);
          const copy = reflectApply(clone, response, []) as Response;
          reflectApply(promiseThen, reflectApply(text, copy, []), [(body: string) => ended(status, headers, body), () => ended(status, headers, null)]);
        } catch {
          // ignore: the page has its response
        }
      },
      () => {
        try {
          ended(0, null, null);
        } catch {
          // ignore: the page has its rejection (this branch only observes it)
        }
      },
    ]);
  }

  function readReply(request: LongPollRequest, response: unknown): void {
    const { getStatus, clone, text } = lateFetchApi();
    if (!clone || !text || !getStatus) return;
    const status = NativeNumber(getStatus(response as object));
    const copy = reflectApply(clone, response, []) as Response;
    reflectApply(promiseThen, reflectApply(text, copy, []), [
      (body: string) => tracker.end(request, { kind: 'reply', status, body, size: utf8Length(body) }),
      () => tracker.end(request, { kind: 'failed' }),
    ]);
  }

  win.fetch = disguise.wrap(win.fetch, {
    apply: function fetchTrap(target, thisArg: unknown, args: unknown[]) {
      let request: LongPollRequest | null = null;
      let apiRequest: ApiCallRequest | null = null;
      try {
        const url = urlArgument(args[0]);
        if (url !== null && isLongPollUrl(url, baseOf(win))) request = tracker.begin(url, baseOf(win));
        else if (url !== null && isApiCallUrl(url)) apiRequest = apiCalls.begin(url, methodOf(args), ownValue(args[1], 'body'));
      } catch {
        request = null;
        apiRequest = null;
      }
      let promise: Promise<unknown>;
      try {
        promise = reflectApply(target, thisArg, args) as Promise<unknown>;
      } catch (error) {
        // fetch reports bad arguments as a rejection; a throw here is an engine's own.
        throw disguise.nativeThrow(error, fetchTrap);
      }
      if (apiRequest !== null) {
        try {
          watchApiAnswer(apiRequest, promise);
        } catch {
          // ignore: the page gets its promise
        }
      }
      if (request === null) return promise;
      const observed = request;
      return reflectApply(promiseThen, promise, [
        (response: unknown) => {
          try {
            readReply(observed, response);
          } catch {
            // ignore: the page gets its response
          }
          return response;
        },
        (reason: unknown) => {
          try {
            const NativeDOMException = lateDomException();
            const aborted = NativeDOMException !== undefined && reason instanceof NativeDOMException && reason.name === 'AbortError';
            tracker.end(observed, { kind: aborted ? 'aborted' : 'failed' });
          } catch {
            // ignore: the page gets its rejection
          }
          throw reason;
        },
      ]);
    },
  });
}
