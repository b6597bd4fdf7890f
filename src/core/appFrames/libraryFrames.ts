import { parseFrame, type StackFrame } from './stackFrames';

/**
 * Which frames belong to an SDK or a library rather than the app. Two signs: where the code
 * lives (node_modules, a dev server's pre-bundled dependencies, a vendor chunk, a source-mapped
 * path naming the package) and, for code bundled into the app's own file, the function names
 * only a library has (the SDK's classes, React's reconciler).
 */
const LIBRARY_PATHS = [
  /\/node_modules\//,
  /\/\.vite\/deps\//,
  /(^|[/._~-])vendors?([/._~-]|$)/i,
  /chunk-vendors/i,
  /stream-chat|@stream-io|socket\.io|engine\.io|sockjs|graphql-ws|reconnecting-websocket/i,
  /\/react(-dom)?([/.@-]|$)/,
  /\/scheduler([/.@-]|$)/,
  /^(node|native|webpack\/runtime|chrome-extension|moz-extension):/,
];

/**
 * Functions of the SDKs and libraries that open sockets, as they appear in a bundle: V8's stack
 * text names a method with its class (`StableWSConnection._connect`), CDP's and DevTools' call
 * frames by its bare name (`connect`, `connectUser`), so Stream's connect path is listed both ways.
 * An app function of one of these bare names is skipped too; the next app frame then stands in.
 */
const LIBRARY_FUNCTIONS =
  /^_?(StableWSConnection|WSConnectionFallback|StreamChat|StreamClient|StreamVideoClient|StreamFeedsClient|TokenManager|Socket|Manager|Engine|SockJS|ReconnectingWebSocket|WebSocketTransport|Polling)\d*\.|^(new )?_?(StableWSConnection|ReconnectingWebSocket|SockJS|WebSocket)\d*$|^(connect|_connect|_reconnect|connectUser|_setUser|openConnection|_setupConnection|_setupConnectionIdPromise|_buildUrl|_waitForHealthy)$/;

/** React's own frames (reconciler, scheduler, dev-mode helpers), bundled or not. */
const REACT_FUNCTIONS =
  /^(commit[A-Z]\w*|recursivelyTraverse\w*|flush(Passive|Sync|Work|Actions|Pending|Spawned|Layout)\w*|perform(Work|Sync|Concurrent|Unit)\w*|workLoop\w*|renderWithHooks\w*|runWithFiberInDEV|react[_A-Z]\w*|callCallback\w*|invokeGuardedCallback\w*|scheduleCallback\w*|scheduleUpdateOnFiber|doubleInvoke\w*|reconnectPassiveEffects|reconnectLayoutEffects|disappearLayoutEffects|mountEffect\w*|updateEffect\w*|beginWork\w*|completeWork\w*|processRootSchedule\w*|batchedUpdates\w*|dispatch(Discrete|Continuous)?Event\w*|finishConcurrentRender|renderRoot(Sync|Concurrent)|executeDispatch\w*|processDispatchQueue\w*)$/;

export function isLibraryFrame(frame: StackFrame): boolean {
  if (LIBRARY_PATHS.some((pattern) => pattern.test(frame.url))) return true;
  const name = frame.functionName.replace(/^(async |new )/, '');
  return LIBRARY_FUNCTIONS.test(name) || REACT_FUNCTIONS.test(name);
}

/** The frames (newest first) that are the app's own code. */
export function appFrames(frames: readonly string[]): string[] {
  return frames.filter((text) => {
    const frame = parseFrame(text);
    return frame !== null && !isLibraryFrame(frame);
  });
}

/** The first frame (newest first) that is the app's own code, or null when every frame is a library's. */
export function firstAppFrame(frames: readonly string[]): string | null {
  for (const text of frames) {
    const frame = parseFrame(text);
    if (frame && !isLibraryFrame(frame)) return text;
  }
  return null;
}
