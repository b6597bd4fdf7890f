import { extensionRuntime, type ExtensionPort } from './extensionRuntime';

/**
 * A runtime port that survives the service worker's death (about 30 s idle in MV3): a dropped
 * port is rebuilt on the next post, or at once when `eager`, and `onConnect` runs after every
 * (re)connection so the caller can re-subscribe. Anchor: apollo-client-devtools'
 * createPortMessageAdapter; counter-example: redux-devtools' content script gives up.
 *
 * When the extension itself was reloaded or removed, this context is orphaned: connect()
 * throws "Extension context invalidated". The port then goes quiet for good (isDead()).
 */
export interface ReconnectingPort<TIn, TOut> {
  post(message: TOut): boolean;
  listen(listener: (message: TIn) => void): void;
  isDead(): boolean;
  /**
   * Lets go of the current port; the next post connects afresh. For a page entering the
   * back/forward cache: Chrome closes its ports without telling the frozen side, and after
   * the restore a post on the stale port is silently lost.
   */
  reset(): void;
  /** Disconnects for good: nothing is posted or received any more, and onDead is not called. */
  close(): void;
}

export interface ReconnectingPortOptions<TOut> {
  /** Reconnect right after a disconnect instead of on the next post (for receivers). */
  eager?: boolean;
  /** Asked after a disconnect: reconnect at once (e.g. messages await delivery)? */
  reconnectWhen?: () => boolean;
  onConnect?: (post: (message: TOut) => void) => void;
  /** Called when the port drops (the worker died or restarted). */
  onDisconnect?: () => void;
  /** Called once when the extension context is gone for good. */
  onDead?: () => void;
}

const RECONNECT_DELAY_MS = 100;

export function createReconnectingPort<TIn, TOut>(name: string, options: ReconnectingPortOptions<TOut> = {}): ReconnectingPort<TIn, TOut> {
  let port: ExtensionPort | null = null;
  let dead = false;
  const listeners: Array<(message: TIn) => void> = [];

  function markDead(): void {
    if (dead) return;
    dead = true;
    port = null;
    options.onDead?.();
  }

  function connect(): ExtensionPort | null {
    if (dead) return null;
    if (port) return port;
    try {
      const runtime = extensionRuntime();
      if (!runtime?.id) {
        markDead();
        return null;
      }
      const fresh = runtime.connect({ name });
      port = fresh;
      fresh.onMessage.addListener((message: unknown) => {
        for (const listener of listeners) listener(message as TIn);
      });
      fresh.onDisconnect.addListener(() => {
        // Read, so Chrome does not log an unchecked lastError for a worker that was not there.
        void runtime.lastError;
        if (port === fresh) port = null;
        options.onDisconnect?.();
        if (!extensionRuntime()?.id) markDead();
        else if (options.eager || options.reconnectWhen?.()) setTimeout(connect, RECONNECT_DELAY_MS);
      });
      options.onConnect?.((message) => fresh.postMessage(message));
      return fresh;
    } catch {
      markDead();
      return null;
    }
  }

  if (options.eager) connect();

  return {
    post(message) {
      const target = connect();
      if (!target) return false;
      try {
        target.postMessage(message);
        return true;
      } catch {
        // The port died between connect() and post: try once on a fresh one.
        port = null;
        const retry = connect();
        if (!retry) return false;
        retry.postMessage(message);
        return true;
      }
    },
    listen(listener) {
      listeners.push(listener);
    },
    isDead: () => dead,
    close() {
      dead = true;
      this.reset();
    },
    reset() {
      const current = port;
      port = null;
      try {
        current?.disconnect();
      } catch {
        // Already closed by the browser.
      }
    },
  };
}
