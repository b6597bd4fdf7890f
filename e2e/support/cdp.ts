import { readFile } from 'node:fs/promises';
import path from 'node:path';
import WebSocket from 'ws';

export interface CdpTarget {
  id: string;
  type: string;
  url: string;
  webSocketDebuggerUrl: string;
}

/**
 * A raw Chrome DevTools Protocol client. Playwright does not see the DevTools frontend and
 * extension panel targets reliably, so the real-DevTools test speaks CDP itself.
 */
export class CdpSession {
  private nextId = 0;
  private readonly pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  private readonly listeners = new Map<string, Array<(params: unknown, sessionId?: string) => void>>();

  private constructor(private readonly socket: WebSocket) {
    socket.on('message', (data) => {
      const message = JSON.parse(String(data)) as { id?: number; method?: string; params?: unknown; sessionId?: string; result?: unknown; error?: { message: string } };
      if (message.id === undefined) {
        for (const listener of this.listeners.get(message.method ?? '') ?? []) listener(message.params, message.sessionId);
        return;
      }
      const waiter = this.pending.get(message.id);
      this.pending.delete(message.id);
      if (message.error) waiter?.reject(new Error(message.error.message));
      else waiter?.resolve(message.result);
    });
  }

  static async connect(url: string): Promise<CdpSession> {
    const socket = new WebSocket(url, { perMessageDeflate: false });
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
    });
    return new CdpSession(socket);
  }

  /** Listens to a protocol event, e.g. Network.requestWillBeSent (with its flat session id). */
  on(method: string, listener: (params: unknown, sessionId?: string) => void): void {
    this.listeners.set(method, [...(this.listeners.get(method) ?? []), listener]);
  }

  /** Sends a command; with `sessionId`, to a target attached with `flatten: true`. */
  send<T = unknown>(method: string, params: Record<string, unknown> = {}, sessionId?: string): Promise<T> {
    const id = ++this.nextId;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      this.socket.send(JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) }));
    });
  }

  /** Evaluates an expression (awaiting promises) and returns its value. */
  async evaluate<T>(expression: string): Promise<T> {
    const result = await this.send<{ result: { value: T }; exceptionDetails?: { text: string; exception?: { description?: string } } }>('Runtime.evaluate', {
      expression,
      awaitPromise: true,
      returnByValue: true,
    });
    if (result.exceptionDetails) throw new Error(result.exceptionDetails.exception?.description ?? result.exceptionDetails.text);
    return result.result.value;
  }

  close(): void {
    this.socket.close();
  }
}

/** A CDP session on the browser itself (targets, auto-attach). */
export async function connectToBrowser(port: number): Promise<CdpSession> {
  const version = (await (await fetch(`http://127.0.0.1:${port}/json/version`)).json()) as { webSocketDebuggerUrl: string };
  return CdpSession.connect(version.webSocketDebuggerUrl);
}

/** The browser's debugging port, from the profile's DevToolsActivePort file. */
export async function debuggingPort(profileDir: string): Promise<number> {
  const text = await readFile(path.join(profileDir, 'DevToolsActivePort'), 'utf8');
  return Number(text.split('\n')[0]);
}

export async function listTargets(port: number): Promise<CdpTarget[]> {
  const response = await fetch(`http://127.0.0.1:${port}/json/list`);
  return (await response.json()) as CdpTarget[];
}

export async function waitForTarget(port: number, predicate: (target: CdpTarget) => boolean, timeoutMs = 10_000): Promise<CdpTarget> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const target = (await listTargets(port)).find(predicate);
    if (target) return target;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('DevTools target did not appear');
}
