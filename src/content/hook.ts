/**
 * The only code that runs inside the page (MAIN world, document_start, every frame).
 *
 * It observes WebSocket construction and traffic and hands what it sees to the isolated relay.
 * Rules it must keep (see ../shared/architecture.md, principle 3):
 * - the page gets the native socket, with its own prototype, constants and behaviour;
 * - nothing of ours ever throws into page code: every observation is wrapped in try/catch;
 * - natives are saved before the page can patch them;
 * - no full copy of a large payload: sizes are computed, previews are capped.
 * It is built as a standalone IIFE with no imports at run time (field notes: crxjs's default
 * loader runs after the page's first inline script).
 */
import { HOOK_EVENT_NAME, HOOK_SOURCE, PROTOCOL_VERSION, type HookEvent, type HookMessage } from '../core/protocol';
import { payloadSize, previewPayload } from './payload';

const INSTALLED = Symbol.for('onesocket.hook.installed');
/** Preview cap for ordinary frames. */
const PREVIEW_CHARS = 512;
/** The first frames each way name the user (health.check, auth); keep them whole up to this. */
const IDENTITY_PREVIEW_CHARS = 16_384;
const IDENTITY_FRAMES = 2;
/** Events are batched so a busy socket costs one dispatch per flush, not one per message. */
const FLUSH_DELAY_MS = 20;
const FLUSH_AT_EVENTS = 500;

type Win = typeof globalThis & { [INSTALLED]?: true };

function installHook(win: Win): void {
  if (win[INSTALLED] || typeof win.WebSocket !== 'function') return;
  Object.defineProperty(win, INSTALLED, { value: true });

  // Natives, saved before any page script runs.
  const NativeWebSocket = win.WebSocket;
  const nativeProto = NativeWebSocket.prototype;
  const nativeSend = nativeProto.send;
  const nativeClose = nativeProto.close;
  const addListener = EventTarget.prototype.addEventListener;
  const dispatch = EventTarget.prototype.dispatchEvent;
  const NativeCustomEvent = win.CustomEvent;
  const NativeError = win.Error;
  const stringify = JSON.stringify;
  const now = Date.now;
  const schedule = win.setTimeout.bind(win);
  const reflectConstruct = Reflect.construct;
  const reflectApply = Reflect.apply;
  const random = Math.random;
  const getUrl = Object.getOwnPropertyDescriptor(nativeProto, 'url')?.get;
  const getProtocol = Object.getOwnPropertyDescriptor(nativeProto, 'protocol')?.get;
  const getExtensions = Object.getOwnPropertyDescriptor(nativeProto, 'extensions')?.get;
  const location = win.location;

  const documentTag = random().toString(36).slice(2, 8);
  let nextSocket = 0;
  const socketIds = new WeakMap<object, string>();
  const framesSeen = new WeakMap<object, { in: number; out: number }>();
  let queue: HookEvent[] = [];
  let flushScheduled = false;

  function flush(): void {
    flushScheduled = false;
    if (queue.length === 0) return;
    const message: HookMessage = { source: HOOK_SOURCE, version: PROTOCOL_VERSION, events: queue };
    queue = [];
    try {
      reflectApply(dispatch, win, [new NativeCustomEvent(HOOK_EVENT_NAME, { detail: stringify(message) })]);
    } catch {
      // The relay is gone (extension reloaded) or the page broke something: stay quiet.
    }
  }

  function record(event: HookEvent): void {
    queue.push(event);
    if (queue.length >= FLUSH_AT_EVENTS) flush();
    else if (!flushScheduled) {
      flushScheduled = true;
      schedule(flush, FLUSH_DELAY_MS);
    }
  }

  /** Creation stack without our own frames, newest first. */
  function appStack(): string[] {
    const lines = (new NativeError().stack ?? '').split('\n').slice(1);
    return lines
      .map((line) => line.trim().replace(/^at /, ''))
      .filter((line) => line !== '' && !/(chrome|moz)-extension:\/\/|^new WebSocket|^Reflect\.construct|^construct /.test(line));
  }

  function recordFrame(socket: WebSocket, direction: 'in' | 'out', data: unknown): void {
    const socketId = socketIds.get(socket);
    if (socketId === undefined) return;
    const seen = framesSeen.get(socket);
    const identityFrame = seen !== undefined && seen[direction] < IDENTITY_FRAMES;
    if (seen) seen[direction] += 1;
    const preview = previewPayload(data, identityFrame ? IDENTITY_PREVIEW_CHARS : PREVIEW_CHARS);
    record({ type: 'message', socketId, at: now(), direction, size: payloadSize(data), binary: typeof data !== 'string', preview });
  }

  function observe(socket: WebSocket, args: unknown[]): void {
    const socketId = `${documentTag}-${++nextSocket}`;
    socketIds.set(socket, socketId);
    framesSeen.set(socket, { in: 0, out: 0 });
    const protocolsArg = args[1];
    const protocols = typeof protocolsArg === 'string' ? [protocolsArg] : Array.isArray(protocolsArg) ? protocolsArg.map(String) : [];
    record({
      type: 'created',
      socketId,
      at: now(),
      url: getUrl ? String(reflectApply(getUrl, socket, [])) : String(args[0]),
      protocols,
      frameUrl: location.href,
      stack: appStack(),
    });
    const on = (type: string, listener: (event: Event) => void): void => {
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
    };
    on('open', () =>
      record({
        type: 'open',
        socketId,
        at: now(),
        protocol: getProtocol ? String(reflectApply(getProtocol, socket, [])) : '',
        extensions: getExtensions ? String(reflectApply(getExtensions, socket, [])) : '',
      }),
    );
    on('message', (event) => recordFrame(socket, 'in', (event as MessageEvent).data));
    on('error', () => record({ type: 'error', socketId, at: now() }));
    on('close', (event) => {
      const close = event as CloseEvent;
      record({ type: 'close', socketId, at: now(), code: close.code, reason: close.reason, wasClean: close.wasClean });
      // A closed socket is the moment the panel most wants to know about: do not wait.
      flush();
    });
  }

  const HookedWebSocket = new Proxy(NativeWebSocket, {
    construct(target, args, newTarget) {
      // The native constructor throws exactly as it would without us (bad URL, bad protocols).
      const socket = reflectConstruct(target, args, newTarget) as WebSocket;
      try {
        observe(socket, args);
      } catch {
        // Observation failed; the page still gets its socket.
      }
      return socket;
    },
  });

  nativeProto.send = new Proxy(nativeSend, {
    apply(target, thisArg, args) {
      const result = reflectApply(target, thisArg, args);
      try {
        recordFrame(thisArg as WebSocket, 'out', args[0]);
      } catch {
        // ignore: see construct
      }
      return result;
    },
  });

  nativeProto.close = new Proxy(nativeClose, {
    apply(target, thisArg, args) {
      const result = reflectApply(target, thisArg, args);
      try {
        const socketId = socketIds.get(thisArg as object);
        if (socketId !== undefined) {
          record({ type: 'closing', socketId, at: now(), code: typeof args[0] === 'number' ? args[0] : null, reason: typeof args[1] === 'string' ? args[1] : '' });
        }
      } catch {
        // ignore: see construct
      }
      return result;
    },
  });

  // `socket.constructor === WebSocket` must stay true for the hooked global.
  Object.defineProperty(nativeProto, 'constructor', { ...Object.getOwnPropertyDescriptor(nativeProto, 'constructor'), value: HookedWebSocket });
  Object.defineProperty(win, 'WebSocket', { ...Object.getOwnPropertyDescriptor(win, 'WebSocket'), value: HookedWebSocket });
}

try {
  installHook(globalThis as Win);
} catch {
  // A page that froze or poisoned globals before us: leave it exactly as it is.
}
