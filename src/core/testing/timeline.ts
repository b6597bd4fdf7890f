import { evaluateFindings } from '../findings';
import type { HookEvent } from '../protocol';
import { applyTabEvents, createTabState, type TabEvent } from '../tabState';
import { DEFAULT_SETTINGS, type Settings, type TabState } from '../types';

/** A Stream v9 connect URL for `userId`, as the SDK builds it. */
export function streamConnectUrl(userId: string, host = 'chat.example'): string {
  const json = encodeURIComponent(JSON.stringify({ user_id: userId, user_details: { id: userId }, client_request_id: 'r1' }));
  return `wss://${host}/connect?json=${json}&api_key=demo-key&authorization=eyJhbGciOiJIUzI1NiJ9.eyJ1c2VyX2lkIjoiYWxpY2UifQ.sig&stream-auth-type=jwt`;
}

/**
 * Readable fixtures for the reducer and rules: a timeline of socket events in, the state and
 * findings out. Each step may name its time in ms; `check(at)` evaluates the rules then.
 */
export class Timeline {
  state: TabState;
  private readonly events: TabEvent[] = [];

  constructor(readonly settings: Settings = DEFAULT_SETTINGS, tabId = 1) {
    this.state = createTabState(tabId, 'https://app.example/', 0);
  }

  private hook(event: HookEvent): this {
    this.state = applyTabEvents(this.state, [{ type: 'hook', event }], this.settings);
    return this;
  }

  /** `new WebSocket(url)` at `at`, then its open event at `at`. */
  connect(socketId: string, url: string, at: number): this {
    this.hook({ type: 'created', socketId, at, url, protocols: [], frameUrl: 'https://app.example/', stack: ['connect (https://app.example/app.js:1:1)'] });
    return this.hook({ type: 'open', socketId, at, protocol: '', extensions: '' });
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

  receive(socketId: string, at: number, text: string): this {
    return this.hook({ type: 'message', socketId, at, direction: 'in', size: new TextEncoder().encode(text).length, binary: false, preview: text });
  }

  apply(event: TabEvent): this {
    this.events.push(event);
    this.state = applyTabEvents(this.state, [event], this.settings);
    return this;
  }

  /** Evaluates the rules at `at` and returns when they want to look again. */
  check(at: number): number | null {
    const result = evaluateFindings(this.state, at, this.settings);
    this.state = result.state;
    return result.nextCheckAt;
  }

  activeRules(): string[] {
    return this.state.findings.filter((finding) => finding.active).map((finding) => `${finding.rule}:${finding.key}`);
  }
}
