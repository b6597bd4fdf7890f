/**
 * Observes every WebSocket the page creates, without changing one behaviour of it:
 * - `window.WebSocket` becomes a Proxy of the native constructor: `new` (and `super()` in a
 *   subclass) constructs the native socket with the page's own arguments and new.target, so
 *   the page gets the native object, and the native exceptions for a bad URL or protocol list;
 * - traffic is seen through listeners of our own (added first, never removed, never throwing)
 *   and wrappers of `send` (a method of ours, the hot path) and `close` (a Proxy) that call the
 *   native first and let its exceptions through, each printing as the native;
 * - `WebSocket.prototype.constructor` points at the Proxy, so `socket.constructor === WebSocket`
 *   stays true.
 */
import { IDENTITY_FRAMES_PER_DIRECTION, IDENTITY_PREVIEW_CHARS, WIRE_LIMITS } from '../../core/wire/constants';
import type { HookEvent } from '../../core/wire/hookMessages';
import { createFrameLog, type FrameLog } from './frameLog';
import type { HookChannel } from './hookChannel';
import type { NativeDisguise } from './nativeDisguise';
import { lateNativeGetter, lateNativeGlobal, once } from './lateNatives';
import { addEventListener, defineProperty, getOwnPropertyDescriptor, isArray, nativeGetter, NativeNumber, NativeString, now, reflectApply, reflectConstruct, SafeWeakMap, uncurryThis } from './natives';
import { clip, payloadSize, previewPayload } from './payload';


export interface WebSocketObserverContext {
  win: typeof globalThis;
  channel: HookChannel;
  disguise: NativeDisguise;
  captureStack: () => string[];
  nextId: () => string;
}

/** Text longer than this is sized by the socket's bufferedAmount rather than counted (see send). */
const LONG_TEXT_CHARS = 4_096;

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
  // The events' getters are read with the first socket, not at load (lateNatives.ts): most
  // documents open none.
  const eventGetters = once(() => {
    const messageProto = lateNativeGlobal<typeof MessageEvent>('MessageEvent')?.prototype;
    const closeProto = lateNativeGlobal<typeof CloseEvent>('CloseEvent')?.prototype;
    return {
      data: lateNativeGetter(messageProto, 'data'),
      code: lateNativeGetter(closeProto, 'code'),
      reason: lateNativeGetter(closeProto, 'reason'),
      wasClean: lateNativeGetter(closeProto, 'wasClean'),
    };
  });
  // Location's members are [LegacyUnforgeable]: the page cannot redefine `href`.
  const location = win.location;
  const observed = new SafeWeakMap<object, FrameLog>();

  /** `knownSize`: the frame's bytes when the browser already told us (see the send wrapper). */
  function recordFrame(log: FrameLog, direction: 'in' | 'out', data: unknown, knownSize = 0): void {
    const seen = direction === 'in' ? log.framesIn++ : log.framesOut++;
    const size = knownSize > 0 ? knownSize : payloadSize(data);
    const binary = typeof data !== 'string';
    const cap = channel.previewChars();
    if (seen >= IDENTITY_FRAMES_PER_DIRECTION) channel.frame(log, direction, size, binary, previewPayload(data, cap));
    else {
      // The frames that may name the user travel whole and at once, never folded into counts.
      const preview = previewPayload(data, cap < IDENTITY_PREVIEW_CHARS ? IDENTITY_PREVIEW_CHARS : cap);
      channel.recordFor(log, { type: 'message', socketId: log.socketId, at: now(), direction, size, binary, preview });
    }
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
    // Constants of this socket's scope for its listeners: the hot one calls the getter directly.
    const { data: readData, code: readCode, reason: readReason, wasClean: readWasClean } = eventGetters();
    const id = nextId();
    const log = createFrameLog(id);
    observed.set(socket, log);
    // A socket's events go after the frames its log holds, so the worker sees them in order.
    const record = (event: HookEvent): void => channel.recordFor(log, event);
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
    // The hot listener, in one function rather than listen()'s two.
    reflectApply(addListener, socket, [
      'message',
      (event: Event) => {
        try {
          recordFrame(log, 'in', readData ? readData(event) : undefined);
        } catch {
          // Never let an observation error reach the page's error handlers.
        }
      },
    ]);
    listen(socket, 'error', () => record({ type: 'error', socketId: id, at: now() }));
    listen(socket, 'close', (event) => {
      record({
        type: 'close',
        socketId: id,
        at: now(),
        code: NativeNumber(readCode?.(event) ?? 0),
        reason: clip(NativeString(readReason?.(event) ?? ''), WIRE_LIMITS.reason),
        wasClean: readWasClean?.(event) === true,
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

  // The hot path: a method of our own rather than a Proxy, whose every call took the generic
  // trap path with an argument array (bench: per frame). It has the native's name and length,
  // no prototype and no constructor (a method shorthand), and prints as the native.
  const nativeSend = nativeProto.send;
  const callNativeSend = uncurryThis(nativeSend as (this: unknown, data: unknown) => void);
  const { send } = {
    send(this: unknown, data: unknown): void {
      // send() adds the frame's UTF-8 bytes to bufferedAmount at once (WHATWG WebSockets), so
      // the difference is a long text's exact size, free: counting 64 KB of text costs ~5 µs
      // (bench). A short one is counted faster than the two reads.
      const longText = typeof data === 'string' && data.length > LONG_TEXT_CHARS;
      const bufferedBefore = longText ? bufferedAmountOf(this) : 0;
      try {
        // WebIDL ignores arguments beyond the one send() takes, so only none differs from one (the
        // native's TypeError). Passing `arguments` on made it escape, so every call allocated it;
        // read for its length only, the optimising compiler can leave it out. A rest parameter
        // would make the method's length 0, where the native's is 1.
        if (arguments.length === 0) reflectApply(nativeSend, this, []);
        else callNativeSend(this, data);
      } catch (error) {
        throw disguise.nativeThrow(error, send);
      }
      try {
        const sent = longText ? bufferedAmountOf(this) - bufferedBefore : 0;
        const log = typeof this === 'object' && this !== null ? observed.get(this) : undefined;
        if (log !== undefined) recordFrame(log, 'out', sentPayload(data), sent > 0 ? sent : 0);
      } catch {
        // ignore: see construct
      }
    },
  };
  nativeProto.send = disguise.printAs(nativeSend, send);

  nativeProto.close = disguise.wrap(nativeProto.close, {
    apply: function closeTrap(target, thisArg: unknown, args: unknown[]) {
      let result: unknown;
      try {
        result = reflectApply(target, thisArg, args);
      } catch (error) {
        throw disguise.nativeThrow(error, closeTrap);
      }
      try {
        const log = typeof thisArg === 'object' && thisArg !== null ? observed.get(thisArg) : undefined;
        if (log !== undefined) {
          const code = typeof args[0] === 'number' ? args[0] : null;
          const reason = typeof args[1] === 'string' ? clip(args[1], WIRE_LIMITS.reason) : '';
          channel.recordFor(log, { type: 'closing', socketId: log.socketId, at: now(), code, reason });
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
