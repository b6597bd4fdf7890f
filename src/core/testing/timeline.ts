import { evaluateFindings } from '../findings';
import type { HookEvent, HttpHookEvent } from '../wire/hookMessages';
import { connectionLimit } from '../rules';
import type { FindingCandidate } from '../rules/types';
import { earliest } from '../rules/types';
import { applyTabEvents, createTabState, type TabEvent } from '../tabState';
import type { Finding, RuleId, Settings, TabState } from '../types';
import { DEFAULT_SETTINGS } from '../settings/defaults';

function base64Url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}

/** An (unsigned) JWT with these claims; `devtoken` as signature makes a Stream dev token. */
export function testToken(claims: Record<string, unknown>, signature = 'sig'): string {
  return `${base64Url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }))}.${base64Url(JSON.stringify(claims))}.${signature}`;
}

export interface StreamUrlOptions {
  /** The `authorization` token; by default a token for the user. Null leaves it out. */
  token?: string | null;
  /** The user object (`user_details`); by default `{ id }`. */
  userDetails?: unknown;
  apiKey?: string;
}

/** A Stream v9 connect URL for `userId`, as the SDK builds it. */
export function streamConnectUrl(userId: string, host = 'chat.example', options: StreamUrlOptions = {}): string {
  const json = encodeURIComponent(JSON.stringify({ user_id: userId, user_details: options.userDetails ?? { id: userId }, client_request_id: 'r1' }));
  const token = options.token === undefined ? testToken({ user_id: userId }) : options.token;
  const auth = token === null ? '&stream-auth-type=anonymous' : `&authorization=${token}&stream-auth-type=jwt`;
  return `wss://${host}/connect?json=${json}&api_key=${options.apiKey ?? 'demo-key'}${auth}`;
}

/**
 * Readable fixtures for the reducer and rules: a timeline of socket events in, the state and
 * findings out. Each step may name its time in ms; `check(at)` evaluates the rules then.
 */
export class Timeline {
  state: TabState;
  private readonly events: TabEvent[] = [];

  constructor(
    readonly settings: Settings = DEFAULT_SETTINGS,
    tabId = 1,
  ) {
    this.state = createTabState(tabId, 'https://app.example/', 0);
  }

  /** The document (frame) the next hook events come from; undefined: the record has none. */
  private documentId: string | undefined;

  private hook(event: HookEvent): this {
    this.state = applyTabEvents(this.state, [{ type: 'hook', event, ...(this.documentId === undefined ? {} : { documentId: this.documentId }) }], this.settings);
    return this;
  }

  /** Events from here on come from the frame document `documentId` (until the next `inDocument`). */
  inDocument(documentId: string): this {
    this.documentId = documentId;
    return this;
  }

  /** `new WebSocket(url)` at `at`; it stays connecting until `open`. */
  create(socketId: string, url: string, at: number, transport: 'websocket' | 'longpoll' = 'websocket'): this {
    return this.hook({ type: 'created', socketId, at, url, protocols: [], frameUrl: 'https://app.example/', stack: ['connect (https://app.example/app.js:1:1)'], transport });
  }

  open(socketId: string, at: number): this {
    return this.hook({ type: 'open', socketId, at, protocol: '', extensions: '' });
  }

  /** `new WebSocket(url)` at `at`, then its open event at `at`. */
  connect(socketId: string, url: string, at: number): this {
    return this.create(socketId, url, at).open(socketId, at);
  }

  /** A long-poll session (Stream's WS fallback), opened at `at`. */
  longPoll(socketId: string, url: string, at: number): this {
    return this.create(socketId, url, at, 'longpoll').open(socketId, at);
  }

  /** The page calls close() at `at`; the close event follows at once. */
  close(socketId: string, at: number, code = 1000): this {
    this.hook({ type: 'closing', socketId, at, code, reason: '' });
    return this.hook({ type: 'close', socketId, at, code, reason: '', wasClean: true });
  }

  /** The page calls close() but the close event has not arrived yet. */
  closing(socketId: string, at: number): this {
    return this.hook({ type: 'closing', socketId, at, code: 1000, reason: '' });
  }

  /** The server or the network ends the socket (the page never called close()). */
  dropped(socketId: string, at: number, code = 1006): this {
    return this.hook({ type: 'close', socketId, at, code, reason: '', wasClean: code !== 1006 });
  }

  /** A connect the server refuses before it opens: error, then close 1006. */
  refused(socketId: string, url: string, at: number): this {
    this.create(socketId, url, at);
    this.hook({ type: 'error', socketId, at });
    return this.dropped(socketId, at, 1006);
  }

  receive(socketId: string, at: number, text: string): this {
    return this.hook({ type: 'message', socketId, at, direction: 'in', size: new TextEncoder().encode(text).length, binary: false, preview: text });
  }

  send(socketId: string, at: number, text: string): this {
    return this.hook({ type: 'message', socketId, at, direction: 'out', size: new TextEncoder().encode(text).length, binary: false, preview: text });
  }

  /** A new top-level document (navigation or reload). */
  /** The page called a Stream API (the hook's `http` event). */
  apiCall(at: number, call: Partial<Omit<HttpHookEvent, 'type' | 'at'>> & { url: string }): this {
    return this.apply({
      type: 'hook',
      documentId: 'doc-1',
      event: { type: 'http', at, durationMs: 20, method: 'GET', status: 200, rateLimitLimit: null, rateLimitRemaining: null, rateLimitReset: null, requestBody: null, errorBody: null, ...call },
    });
  }

  navigate(at: number, url = 'https://app.example/next'): this {
    return this.apply({ type: 'document-started', at, url });
  }

  apply(event: TabEvent): this {
    this.events.push(event);
    this.state = applyTabEvents(this.state, [event], this.settings);
    return this;
  }

  /** Evaluates the rules at `at` and returns when they want to look again. */
  check(at: number, fromOtherTabs: readonly FindingCandidate[] = []): number | null {
    const result = evaluateFindings(this.state, at, this.settings, fromOtherTabs);
    this.state = result.state;
    return result.nextCheckAt;
  }

  /** Active findings as `rule:key`, e.g. `duplicate-connection:alice`. */
  activeRules(): string[] {
    return this.state.findings.filter((finding) => finding.active).map((finding) => `${finding.rule}:${finding.key}`);
  }

  /** The findings (active or resolved) of one rule. */
  findingsOf(rule: RuleId): Finding[] {
    return this.state.findings.filter((finding) => finding.rule === rule);
  }
}

/**
 * Several tabs of one browser, for the rule that counts across tabs (connection-limit): `check`
 * does what the background's tab store does, over every tab at once.
 */
export class Browser {
  private readonly tabs = new Map<number, Timeline>();

  constructor(readonly settings: Settings = DEFAULT_SETTINGS) {}

  tab(tabId: number): Timeline {
    const existing = this.tabs.get(tabId);
    if (existing) return existing;
    const created = new Timeline(this.settings, tabId);
    this.tabs.set(tabId, created);
    return created;
  }

  closeTab(tabId: number): this {
    this.tabs.delete(tabId);
    return this;
  }

  check(at: number): number | null {
    const limit = connectionLimit([...this.tabs.values()].map((tab) => tab.state), at, this.settings);
    let next = limit.nextCheckAt;
    for (const [tabId, tab] of this.tabs) next = earliest(next, tab.check(at, limit.candidatesByTab.get(tabId) ?? []));
    return next;
  }
}
