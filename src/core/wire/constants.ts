/**
 * The wire's constants: names, the protocol version and every limit a message is held to.
 * A leaf with no imports and no side effects, so the page hook can take it whole without
 * pulling a schema library into every document (docs/architecture.md, "The wire").
 */

/** Every message carries it, so a panel of one build never misreads a worker of another. */
export const PROTOCOL_VERSION = 1;

/** Name of the DOM event the MAIN-world hook dispatches; its detail is a JSON string. */
export const HOOK_EVENT_NAME = '__onesocket_hook__';
/** Tag inside every hook message, so the relay can tell ours from a page's own events. */
export const HOOK_SOURCE = 'onesocket-hook';
/** Name of the DOM event the relay dispatches to the hook with its config (a JSON string). */
export const HOOK_CONFIG_EVENT_NAME = '__onesocket_hook_config__';

export const PORT_RELAY = 'onesocket-relay';
export const PORT_PANEL = 'onesocket-panel';

/**
 * Bounds of what crosses from the page, in one table: the hook clips to them (so one long value
 * never gets its whole batch refused), the relay's schema checks them (the page can forge any
 * event), the worker trusts them. URLs are generous: a Stream connect URL carries the user
 * object, which may legitimately pass 5 KB.
 */
export const WIRE_LIMITS = {
  /** Characters of a socket id. */
  id: 64,
  url: 65_536,
  /** Characters of a frame preview (the largest preview cap plus room for the ellipsis). */
  preview: 20_000,
  stackFrames: 50,
  stackFrame: 1_000,
  /** Entries of the `protocols` argument kept, and characters of each (and of the chosen one). */
  protocols: 32,
  protocol: 256,
  /** Characters of the negotiated `extensions` header. */
  extensions: 1_000,
  /** Characters of a close reason (the standard caps it at 123 bytes; pages can forge more). */
  reason: 1_000,
  /** Largest hook message the relay will parse; anything bigger is a forgery or a bug. */
  messageChars: 1_000_000,
  /** Most events in one hook batch. */
  batchEvents: 2_000,
  /** Largest preview cap the hook accepts. */
  previewChars: 16_384,
  /** Largest number of frames kept per socket the hook accepts. */
  framesKept: 1_000,
  /** Characters of a Stream API call's request body (queryChannels only) or error body the hook copies. */
  httpBody: 4_000,
  /** Characters of an HTTP method name. */
  method: 16,
} as const;

/** Characters a frame preview keeps unless the user set another cap (Settings.previewChars). */
export const DEFAULT_PREVIEW_CHARS = 512;
/** Frames kept per socket with previews (Settings.framesPerSocket), and what the hook ships per flush until told otherwise. */
export const DEFAULT_FRAMES_PER_SOCKET = 50;

/**
 * The first frames each way of a socket that may name its user (a Stream auth frame, a
 * `health.check` / `connection.ok` with `me`): the hook keeps them whole and never folds them
 * away, and the worker reads identity from them and no later ones.
 */
export const IDENTITY_FRAMES_PER_DIRECTION = 2;
/** Characters of an identity frame the hook keeps whole (the user object may be large). */
export const IDENTITY_PREVIEW_CHARS = 16_384;
