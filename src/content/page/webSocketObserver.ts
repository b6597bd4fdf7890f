/**
 * Observes every WebSocket the page creates, without changing one behaviour of it:
 * - `window.WebSocket` becomes a Proxy of the native constructor: `new` (and `super()` in a
 *   subclass) constructs the native socket with the page's own arguments and new.target, so
 *   the page gets the native object, and the native exceptions for a bad URL or protocol list;
 * - traffic is seen through listeners of our own (added first, never removed, never throwing)
 *   and Proxies of `send` and `close` that call the native first and let its exceptions through;
 * - `WebSocket.prototype.constructor` points at the Proxy, so `socket.constructor === WebSocket`
 *   stays true.
 */
import { IDENTITY_FRAMES_PER_DIRECTION, IDENTITY_PREVIEW_CHARS, WIRE_LIMITS } from '../../core/wire/constants';
import type { HookEvent } from '../../core/wire/hookMessages';
import type { HookChannel } from './hookChannel';
import type { NativeDisguise } from './nativeDisguise';
import { addEventListener, defineProperty, getOwnPropertyDescriptor, isArray, nativeGetter, NativeNumber, NativeString, now, reflectApply, reflectConstruct, SafeWeakMap } from './natives';
import { clip, payloadSize, previewPayload } from './payload';


interface Observed {
  id: string;
  framesIn: number;
  framesOut: number;
}

export interface WebSocketObserverContext {
  win: typeof globalThis;
  channel: HookChannel;
  disguise: NativeDisguise;
  captureStack: () => string[];
  nextId: () => string;
}

/** What send() puts on the wire for a primitive (WebIDL converts it to a string). */
function sentPayload(data: unknown): unknown {
  const type = typeof data;
  return type === 'number' || type === 'boolean' || type === 'bigint' || data === null || data === undefined ? NativeString(data) : data;
}

/** String entries of the page's `protocols` argument, read without running page code. */
function protocolList(arg: unknown): string[] {
  if (typeof arg === 'string') return [clip(arg, WIRE_LIMITS.protocol)];
  const list: string[] = [];
  if (!isArray(arg)) return list;
  for (let i = 0; i < arg.length && list.length < WIRE_LIMITS.protocols; i++) {
    const protocol: unknown = arg[i];
    if (typeof protocol === 'string') list[list.length] = clip(protocol, WIRE_LIMITS.protocol);
  }
  return list;
}

export function observeWebSockets({ win, channel, disguise, captureStack, nextId }: WebSocketObserverContext): void {
  const NativeWebSocket = win.WebSocket;
  const nativeProto = NativeWebSocket.prototype;
  const addListener = addEventListener;
  const getUrl = nativeGetter(nativeProto, 'url');
  const getProtocol = nativeGetter(nativeProto, 'protocol');
  const getExtensions = nativeGetter(nativeProto, 'extensions');
  const getBufferedAmount = nativeGetter(nativeProto, 'bufferedAmount');
  const getData = nativeGetter(MessageEvent.prototype, 'data');
  const getCode = nativeGetter(CloseEvent.prototype, 'code');
  const getReason = nativeGetter(CloseEvent.prototype, 'reason');
  const getWasClean = nativeGetter(CloseEvent.prototype, 'wasClean');
  // Location's members are [LegacyUnforgeable]: the page cannot redefine `href`.
  const location = win.location;
  const observed = new SafeWeakMap<object, Observed>();

  /** `knownSize`: the frame's bytes when the browser already told us (see the send wrapper). */
  function recordFrame(socket: object, direction: 'in' | 'out', data: unknown, knownSize = 0): void {
    const entry = observed.get(socket);
    if (entry === undefined) return;
    const seen = direction === 'in' ? entry.framesIn++ : entry.framesOut++;
    const cap = channel.previewChars();
    const preview = previewPayload(data, seen < IDENTITY_FRAMES_PER_DIRECTION && cap < IDENTITY_PREVIEW_CHARS ? IDENTITY_PREVIEW_CHARS : cap);
    const size = knownSize > 0 ? knownSize : payloadSize(data);
    channel.record({ type: 'message', socketId: entry.id, at: now(), direction, size, binary: typeof data !== 'string', preview }, seen < IDENTITY_FRAMES_PER_DIRECTION);
  }

  function listen(socket: object, type: string, listener: (event: Event) => void): void {
    reflectApply(addListener, socket, [
      type,
      (event: Event) => {
        try {
          listener(event);
        } catch {
          // Never let an observation error reach the page's error handlers.
        }
      },
    ]);
  }

  function observe(socket: WebSocket, args: unknown[]): void {
    const id = nextId();
    observed.set(socket, { id, framesIn: 0, framesOut: 0 });
    const record = (event: HookEvent): void => channel.record(event);
    record({
      type: 'created',
      socketId: id,
      at: now(),
      url: clip(getUrl ? NativeString(getUrl(socket)) : '', WIRE_LIMITS.url),
      protocols: protocolList(args[1]),
      frameUrl: clip(location.href, WIRE_LIMITS.url),
      stack: captureStack(),
      transport: 'websocket',
    });
    listen(socket, 'open', () =>
      record({
        type: 'open',
        socketId: id,
        at: now(),
        protocol: clip(getProtocol ? NativeString(getProtocol(socket)) : '', WIRE_LIMITS.protocol),
        extensions: clip(getExtensions ? NativeString(getExtensions(socket)) : '', WIRE_LIMITS.extensions),
      }),
    );
    listen(socket, 'message', (event) => recordFrame(socket, 'in', getData ? getData(event) : undefined));
    listen(socket, 'error', () => record({ type: 'error', socketId: id, at: now() }));
    listen(socket, 'close', (event) => {
      record({
        type: 'close',
        socketId: id,
        at: now(),
        code: NativeNumber(getCode?.(event) ?? 0),
        reason: clip(NativeString(getReason?.(event) ?? ''), WIRE_LIMITS.reason),
        wasClean: getWasClean?.(event) === true,
      });
      channel.flushNow();
    });
  }

  /** The socket's bufferedAmount, or NaN when it cannot be read (not a socket). */
  function bufferedAmountOf(socket: unknown): number {
    try {
      return getBufferedAmount && typeof socket === 'object' && socket !== null ? NativeNumber(getBufferedAmount(socket)) : NaN;
    } catch {
      return NaN;
    }
  }

  const HookedWebSocket = disguise.wrap(NativeWebSocket, {
    construct: function constructTrap(target, args, newTarget) {
      // Throws exactly what the native throws (bad URL, bad protocols), with the page's stack.
      let socket: WebSocket;
      try {
        socket = reflectConstruct(target, args, newTarget) as WebSocket;
      } catch (error) {
        throw disguise.nativeThrow(error, constructTrap);
      }
      try {
        observe(socket, args);
      } catch {
        // Observation failed; the page still gets its socket.
      }
      return socket;
    },
  });

  nativeProto.send = disguise.wrap(nativeProto.send, {
    apply: function sendTrap(target, thisArg: unknown, args: unknown[]) {
      const bufferedBefore = bufferedAmountOf(thisArg);
      let result: unknown;
      try {
        result = reflectApply(target, thisArg, args);
      } catch (error) {
        throw disguise.nativeThrow(error, sendTrap);
      }
      try {
        // send() adds the frame's UTF-8 bytes to bufferedAmount at once (WHATWG WebSockets), so
        // the difference is its exact size, free: counting 64 KB of text costs ~5 µs (bench).
        const sent = bufferedAmountOf(thisArg) - bufferedBefore;
        if (typeof thisArg === 'object' && thisArg !== null) recordFrame(thisArg, 'out', sentPayload(args[0]), sent > 0 ? sent : 0);
      } catch {
        // ignore: see construct
      }
      return result;
    },
  });

  nativeProto.close = disguise.wrap(nativeProto.close, {
    apply: function closeTrap(target, thisArg: unknown, args: unknown[]) {
      let result: unknown;
      try {
        result = reflectApply(target, thisArg, args);
      } catch (error) {
        throw disguise.nativeThrow(error, closeTrap);
      }
      try {
        const entry = typeof thisArg === 'object' && thisArg !== null ? observed.get(thisArg) : undefined;
        if (entry !== undefined) {
          const code = typeof args[0] === 'number' ? args[0] : null;
          const reason = typeof args[1] === 'string' ? clip(args[1], WIRE_LIMITS.reason) : '';
          channel.record({ type: 'closing', socketId: entry.id, at: now(), code, reason });
        }
      } catch {
        // ignore: see construct
      }
      return result;
    },
  });

  defineProperty(nativeProto, 'constructor', { ...getOwnPropertyDescriptor(nativeProto, 'constructor'), value: HookedWebSocket });
  defineProperty(win, 'WebSocket', { ...getOwnPropertyDescriptor(win, 'WebSocket'), value: HookedWebSocket });
}
