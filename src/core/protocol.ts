/**
 * The one message protocol shared by every context: the page hook, the isolated relay, the
 * background worker, the panel and the CLI. Every message carries a version so a panel of one
 * build never misreads a worker of another.
 */
export const PROTOCOL_VERSION = 1;

/** Name of the DOM event the MAIN-world hook dispatches; its detail is a JSON string. */
export const HOOK_EVENT_NAME = '__onesocket_hook__';
/** Tag inside every hook message, so the relay can tell ours from a page's own events. */
export const HOOK_SOURCE = 'onesocket-hook';
/** Name of the DOM event the relay dispatches to the hook with its config (a JSON string). */
export const HOOK_CONFIG_EVENT_NAME = '__onesocket_hook_config__';

/** Characters a frame preview keeps unless the user set another cap (Settings.previewChars). */
export const DEFAULT_PREVIEW_CHARS = 512;
/** Largest preview cap the hook accepts (the schema allows a little more for the ellipsis). */
export const MAX_PREVIEW_CHARS = 16_384;

export const PORT_RELAY = 'onesocket-relay';
export const PORT_PANEL = 'onesocket-panel';

/** Largest hook message the relay will parse; anything bigger is a forgery or a bug. */
export const MAX_HOOK_MESSAGE_CHARS = 1_000_000;
/** Most events in one hook batch. */
export const MAX_HOOK_BATCH_EVENTS = 2_000;

/**
 * Bounds of single hook event fields (checked by the relay's schema, kept by the hook, which
 * cuts what is longer rather than have its whole batch refused). URLs are generous: a Stream
 * connect URL carries the user object, which may legitimately pass 5 KB.
 */
export const HOOK_LIMITS = {
  id: 64,
  url: 65_536,
  text: 20_000,
  stackFrames: 50,
  stackFrame: 1_000,
  protocols: 32,
  protocol: 256,
  reason: 1_000,
} as const;

export type Transport = 'websocket' | 'longpoll';
export type Direction = 'in' | 'out';

/** What the hook observes, one event per fact. Times are epoch milliseconds. */
export type HookEvent =
  | {
      type: 'created';
      socketId: string;
      at: number;
      url: string;
      protocols: string[];
      frameUrl: string;
      /** Creation stack with our own frames trimmed, newest first. */
      stack: string[];
      /** 'longpoll' for an HTTP long-poll session (Stream's WS fallback); absent means 'websocket'. */
      transport?: Transport;
    }
  | { type: 'open'; socketId: string; at: number; protocol: string; extensions: string }
  | {
      type: 'message';
      socketId: string;
      at: number;
      direction: Direction;
      /** Exact payload size in bytes (UTF-8 length for text). */
      size: number;
      binary: boolean;
      /** Capped preview: text as is, binary in hex. */
      preview: string;
    }
  /**
   * Frames the hook counted but did not ship one by one: in a busy flush window only the
   * newest frames of a socket (as many as the worker's history keeps) travel with previews.
   */
  | { type: 'traffic'; socketId: string; at: number; sent: number; received: number; bytesSent: number; bytesReceived: number }
  | { type: 'error'; socketId: string; at: number }
  | { type: 'closing'; socketId: string; at: number; code: number | null; reason: string }
  | {
      type: 'close';
      socketId: string;
      at: number;
      code: number;
      reason: string;
      wasClean: boolean;
    };

export type HookEventType = HookEvent['type'];

/** The envelope the hook dispatches (serialised to JSON). */
export interface HookMessage {
  source: typeof HOOK_SOURCE;
  version: typeof PROTOCOL_VERSION;
  events: HookEvent[];
}

/** Relay -> background, over a PORT_RELAY port. The background knows the tab and frame. */
export type RelayPayload =
  | {
      kind: 'document-started';
      version: typeof PROTOCOL_VERSION;
      url: string;
      isTopFrame: boolean;
      at: number;
    }
  | { kind: 'document-restored'; version: typeof PROTOCOL_VERSION; url: string; at: number }
  | { kind: 'hook-events'; version: typeof PROTOCOL_VERSION; events: HookEvent[]; dropped: number };

/**
 * What the relay actually posts: a payload stamped with its document's relay id and a
 * sequence number. The worker acknowledges each message once it is persisted; the relay
 * resends what is unacknowledged after a worker restart, and the worker skips what it already
 * applied, so nothing is lost or counted twice across a restart.
 */
export type RelayMessage = RelayPayload & { relayId: string; seq: number };

/** Background -> relay: every message up to `seq` is applied and persisted. */
export type RelayAck = { kind: 'ack'; version: typeof PROTOCOL_VERSION; seq: number };

/** Background -> relay, over the same port: what the hook in that frame should use. */
export type RelayConfigMessage = { kind: 'hook-config'; version: typeof PROTOCOL_VERSION; previewChars: number; framesKept: number };

/** Frames per socket the hook ships with previews per flush until the worker says otherwise. */
export const DEFAULT_FRAMES_KEPT = 50;
/** Largest number of frames kept per socket that the hook accepts. */
export const MAX_FRAMES_KEPT = 1_000;

/** The config the relay hands the hook (serialised to JSON in a HOOK_CONFIG_EVENT_NAME event). */
export interface HookConfig {
  source: typeof HOOK_SOURCE;
  previewChars: number;
  /** Frames per socket worth a preview (the worker's history size; 0 with capture off). */
  framesKept: number;
}

/** Panel -> background, over a PORT_PANEL port. */
export type PanelRequest =
  | { kind: 'subscribe'; version: typeof PROTOCOL_VERSION; tabId: number }
  | { kind: 'clear'; version: typeof PROTOCOL_VERSION; tabId: number }
  | { kind: 'set-preserve-log'; version: typeof PROTOCOL_VERSION; tabId: number; value: boolean }
  /** Every tab's tally (per tab, per user across tabs), now and after every change until the port closes. */
  | { kind: 'subscribe-tally'; version: typeof PROTOCOL_VERSION };

/** Background -> panel (and popup). */
export type PanelUpdate =
  | { kind: 'snapshot'; version: typeof PROTOCOL_VERSION; tab: import('./types').TabView }
  | { kind: 'tally'; version: typeof PROTOCOL_VERSION; tally: import('./tally').CrossTabTally; settings: import('./types').Settings };
