import type { ApiCall } from './http/apiCall';
import type { Direction, Transport } from './wire/hookMessages';

/** Why a duplicate happened, when the evidence shows it (src/core/causes/). */
export type CauseId = 'sdk-copies' | 'separate-clients' | 'effect-rerun' | 'missing-disconnect' | 'strictmode-double-mount' | 'server-reconnect';

/** The protocol a socket's frames decode as (src/core/decoders). */
export type DecodedProtocol = 'stream' | 'socket.io' | 'sockjs' | 'signalr' | 'stomp' | 'wamp' | 'mqtt' | 'phoenix' | 'graphql-ws' | 'actioncable';

export type SocketState = 'connecting' | 'open' | 'closing' | 'closed';

/**
 * Whether a socket counts against its user: connecting or open. A closing socket no longer
 * carries traffic for the app, so it is no duplicate. The one definition every rule, tally,
 * report and view uses.
 */
export function isLive(socket: { state: SocketState }): boolean {
  return socket.state === 'connecting' || socket.state === 'open';
}
export type Severity = 'error' | 'warning' | 'info';

/** The Stream product a socket serves (src/core/streamProduct.ts); null when it is not Stream's. */
export type StreamProduct = 'chat' | 'video' | 'feeds';

export type RuleId =
  | 'duplicate-connection'
  | 'connection-limit'
  | 'connection-rejected'
  | 'user-switch-leak'
  | 'reconnect-churn'
  | 'duplicate-endpoint'
  | 'invalid-user-id'
  | 'user-object-too-large'
  | 'token-user-mismatch'
  | 'token-expired'
  | 'dev-token'
  | 'ws-fallback'
  | 'rate-limited'
  | 'rate-limit-headroom'
  | 'permission-denied'
  | 'query-channels-unfiltered'
  | 'query-channels-repeated'
  | 'query-channels-unbounded';

/** One recorded frame (a bounded history is kept per socket). */
export interface FrameRecord {
  at: number;
  direction: Direction;
  size: number;
  binary: boolean;
  preview: string;
}

/**
 * What the connect token says, decoded without verifying. The signature is never kept: only
 * whether it is Stream's development marker.
 */
export interface TokenSummary {
  /** The `user_id` claim, null when the token has none (e.g. a server-side token). */
  userId: string | null;
  subject: string | null;
  /** The `exp` claim in epoch milliseconds, null when the token never expires. */
  expiresAt: number | null;
  /** Stream's `client.devToken(id)`: an unsigned token whose signature reads `devtoken`. */
  devToken: boolean;
}

/**
 * A token a socket's URL carries, decoded for people (core/tokenView.ts): where it was, its
 * claims, and what its signature is, never the signature itself.
 */
export interface TokenView {
  /** The query parameter that carried it, or `path` for a segment of the path. */
  param: string;
  claims: Record<string, unknown>;
  /** `present` only while redaction is off; a redacted view says `redacted`. */
  signature: 'redacted' | 'devtoken' | 'present' | 'missing';
}

/** Who owns a socket, and how we know. */
export interface Identity {
  userId: string | null;
  apiKey: string | null;
  /**
   * Where the user id came from: 'stream-url', 'token', 'stream-frame', or `rule:<name>` for a
   * configurable identity rule (see IdentityRule).
   */
  source: string | null;
  /** The connect payload's user object (Stream `user_details`), if any. */
  userDetails: unknown;
  connectionId: string | null;
  /** The token the socket connected with (URL or auth frame), if one was seen. */
  token: TokenSummary | null;
  /**
   * The Stream product (path, `X-Stream-Client`, the auth frame's `products`); null when the
   * socket is not Stream's. Absent on records of older builds: read it with `productOf`.
   */
  product?: StreamProduct | null;
  /** The SDK and version from `X-Stream-Client` (e.g. `stream-chat-js-v9.53.0-browser`). */
  client?: string | null;
}

/**
 * A configurable way to name a socket's user, for SDKs other than Stream (docs/identity.md). Rules are tried in order after Stream's built-in reading.
 */
export type IdentityRule =
  /** Stream Chat's built-in reading: connect URL, token claims, the first frames each way. */
  | { kind: 'stream'; name: string; enabled: boolean }
  /** A query parameter of the connect URL; `path` reads into it when its value is JSON. */
  | { kind: 'query'; name: string; enabled: boolean; param: string; path?: string }
  /** A dotted JSON path (e.g. `me.id`, `0.user.id`) into the first frames each way. */
  | { kind: 'frame'; name: string; enabled: boolean; path: string; direction: Direction | 'any' }
  /** A claim of any JWT found in the URL's query values or the first client frames. */
  | { kind: 'jwt'; name: string; enabled: boolean; claim: string };

/** A server's error frame (e.g. Stream `{"error":{"code":71,...}}`). */
export interface ServerError {
  at: number;
  code: number | null;
  message: string;
}

export interface SocketRecord {
  /** Unique within the tab (the hook makes it unique per document). */
  id: string;
  /**
   * The socket's number in the tab ("#3"), in order of creation; kept when older sockets are
   * cleared or evicted. Absent on records of an older build (see socketOrdinals).
   */
  ordinal?: number;
  /** The page record this socket belongs to (see TabState.pages). */
  pageId: string;
  /** The document (relay) of the frame that created it; absent in imported reports. */
  documentId?: string;
  url: string;
  protocols: string[];
  transport: Transport;
  frameUrl: string;
  /** Time the page created the socket (`new WebSocket`). */
  createdAt: number;
  /** Time the `open` event fired, null if it never opened. */
  connectedAt: number | null;
  closedAt: number | null;
  state: SocketState;
  closeCode: number | null;
  closeReason: string | null;
  wasClean: boolean | null;
  errored: boolean;
  /**
   * When the page itself called close(); absent when it never did (the server or the network
   * ended the socket). Absent too on records from an older build or an imported report.
   */
  closeRequestedAt?: number;
  /** The first error frame the server sent on this socket, if any. */
  serverError?: ServerError;
  messagesSent: number;
  messagesReceived: number;
  bytesSent: number;
  bytesReceived: number;
  /** First app frame of the creation stack, e.g. "connectUser (https://app/x.js:10:5)". */
  initiator: string | null;
  stack: string[];
  /**
   * The browser's async initiator stack (DevTools' Initiator, from CDP or the DevTools network
   * log), newest first, source-mapped where possible; absent when none was seen.
   */
  asyncStack?: string[];
  /**
   * The first frame of app code (SDK, library and React frames skipped), from the async stack;
   * absent until one was seen (then appFrameOf reads the hook's stack), null when none is app code.
   */
  appFrame?: string | null;
  identity: Identity;
  /** The most recent frames, oldest first, at most Settings.framesPerSocket. */
  frames: FrameRecord[];
  /**
   * The URL's token decoded (claims, never the signature). Set only on a redacted copy, whose
   * `url` no longer holds the token; without redaction the panel decodes `url` itself.
   */
  urlToken?: TokenView;
  /**
   * The protocol its frames decode as (src/core/decoders), from the handshake or its first
   * frames each way; null while unknown. Absent on records of older builds.
   */
  protocol?: DecodedProtocol | null;
}

export interface Finding {
  /** Stable id of this incident. */
  id: string;
  rule: RuleId;
  severity: Severity;
  userId: string | null;
  socketIds: string[];
  message: string;
  /** When the incident was first raised. */
  at: number;
  /** False once the condition has ended (kept, shown resolved). */
  active: boolean;
  resolvedAt: number | null;
  /** Rule-specific key (e.g. user id or endpoint) that identifies the incident. */
  key: string;
  /** The product a per-user finding counts in; absent for rules that do not count per product. */
  product?: StreamProduct | null;
  /** Why it happened, when the evidence shows it (src/core/causes/). */
  cause?: Cause;
}

/** The cause of a finding: its id and one line naming it and the fix. */
export interface Cause {
  id: CauseId;
  message: string;
}

export interface PageRecord {
  id: string;
  url: string;
  startedAt: number;
}

export interface TabState {
  tabId: number;
  /** Documents seen in the tab, oldest first; the last one is the current page. */
  pages: PageRecord[];
  sockets: Record<string, SocketRecord>;
  /** Socket ids in creation order. */
  socketOrder: string[];
  findings: Finding[];
  preserveLog: boolean;
  /** Events the relay or the reducer dropped as malformed or over a cap. */
  droppedEvents: number;
  /** Sockets evicted (oldest closed first) to keep the record within Settings.maxSocketsPerTab. */
  evictedSockets: number;
  /** Last applied sequence number per relay (document), to skip messages resent after a restart. */
  documentSeqs: Record<string, number>;
  /** Sequence number for finding ids within the tab. */
  nextFindingSeq: number;
  /**
   * The page's calls to Stream REST APIs, oldest first, at most MAX_API_CALLS (the integration
   * checklist rests on them). Absent in records of older builds and imported reports.
   */
  apiCalls?: ApiCall[];
  /** The number the next socket gets (SocketRecord.ordinal); absent on older records. */
  nextOrdinal?: number;
  /** Numbers of evicted sockets a finding still names, so it can name them as "#n". */
  evictedOrdinals?: Record<string, number>;
}

export interface Settings {
  /** Overlap a duplicate must outlast before it is reported (ms). */
  graceWindowMs: number;
  framesPerSocket: number;
  /** Sockets kept per tab; beyond it the oldest closed ones are evicted (and counted). */
  maxSocketsPerTab: number;
  redact: boolean;
  /** Keep frame previews at all (counts and sizes are kept either way). */
  captureFrames: boolean;
  /** Characters a frame preview keeps (binary: three per byte of hex); the page hook applies it. */
  previewChars: number;
  /** Host patterns to watch (e.g. `localhost:8765`, `*.example.com`); empty means every site. */
  watchedSites: string[];
  /** connection-limit: Stream's development (3) or production (50) limit, or customConnectionLimit. */
  limitProfile: LimitProfile;
  customConnectionLimit: number;
  /** reconnect-churn: this many sockets for one user (or endpoint) in one tab within churnWindowMs. */
  churnThreshold: number;
  churnWindowMs: number;
  /** user-object-too-large: the user object sent on connect may not reach this many bytes. */
  userObjectLimitBytes: number;
  /** How to name a socket's user, tried in order (see IdentityRule). */
  identityRules: IdentityRule[];
  /** rate-limit-headroom: an endpoint's remaining calls fell under this share of its limit (%). */
  rateLimitHeadroomPercent: number;
  /** query-channels-repeated: the same filter this many times within queryRepeatWindowMs. */
  queryRepeatCount: number;
  queryRepeatWindowMs: number;
  /** query-channels-unbounded: the largest `limit` Stream recommends for a watched query. */
  queryChannelsMaxLimit: number;
}

export type LimitProfile = 'development' | 'production' | 'custom';


/** What the panel receives: the tab's state as it may be shown (redacted when on). */
export interface TabView {
  state: TabState;
  settings: Settings;
  /** Background's clock when the view was made, so durations tick consistently. */
  now: number;
}
