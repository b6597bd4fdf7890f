import { StreamChat } from 'stream-chat';
import { createStore } from './store';
import type { DemoClientInfo, ScenarioName } from './types';

export const API_KEY = 'demo-key';

/** The fake backend serves this page, the REST API and the WebSocket from one origin. */
export function clientOptions() {
  return { baseURL: location.origin };
}

const DISPLAY_NAMES: Record<string, string> = { alice: 'Alice', bob: 'Bob' };

export interface TrackedClient extends DemoClientInfo {
  client: StreamChat;
  error: string | undefined;
  unsubscribe: () => void;
}

export interface PageError {
  id: number;
  time: string;
  context: string;
  message: string;
}

/** Every StreamChat instance the page created since the last "Disconnect all". */
export const clientsStore = createStore<TrackedClient[]>([]);
/** Errors shown on the page (connectUser failures, uncaught errors). */
export const errorsStore = createStore<PageError[]>([]);

let nextClientId = 1;
let nextErrorId = 1;
const reported = new WeakSet<object>();

export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  return typeof error === 'string' ? error : JSON.stringify(error);
}

/** Shows an error on the page (once per error object) and logs it to the console. */
export function reportError(context: string, error: unknown): void {
  if (error && typeof error === 'object') {
    if (reported.has(error)) return;
    reported.add(error);
  }
  console.error(`[demo] ${context}:`, error);
  errorsStore.update((list) => [
    ...list,
    { id: nextErrorId++, time: new Date().toLocaleTimeString(), context, message: errorMessage(error) },
  ]);
}

export function clearErrors(): void {
  errorsStore.set([]);
}

function patch(id: number, changes: Partial<TrackedClient>): void {
  if (!clientsStore.get().some((c) => c.id === id)) return;
  clientsStore.update((list) => list.map((c) => (c.id === id ? { ...c, ...changes } : c)));
}

function find(id: number): TrackedClient | undefined {
  return clientsStore.get().find((c) => c.id === id);
}

/** Starts showing `client` in the page's client list; returns its id (the same id if already tracked). */
export function track(client: StreamChat, scenario: ScenarioName, label: string): number {
  const existing = clientsStore.get().find((c) => c.client === client);
  if (existing) return existing.id;
  const id = nextClientId++;
  const subscription = client.on((event) => {
    if (event.type === 'connection.changed') {
      patch(id, { state: event.online ? 'connected' : 'offline' });
    }
    if (event.type === 'connection.recovered' || event.type === 'connection.changed') {
      patch(id, { connectionId: client._getConnectionID() });
    }
  });
  clientsStore.update((list) => [
    ...list,
    {
      id,
      scenario,
      label,
      client,
      userId: undefined,
      state: 'idle',
      connectionId: undefined,
      error: undefined,
      unsubscribe: () => subscription.unsubscribe(),
    },
  ]);
  return id;
}

async function fetchToken(userId: string): Promise<string> {
  const res = await fetch(`/token?user_id=${encodeURIComponent(userId)}`);
  if (!res.ok) throw new Error(`GET /token?user_id=${userId} failed: HTTP ${res.status}`);
  const body = (await res.json()) as { token?: unknown };
  if (typeof body.token !== 'string') throw new Error('GET /token returned no token');
  return body.token;
}

/** Fetches a token and calls connectUser on the tracked client; errors are shown on the page and rethrown. */
export async function connectAs(id: number, userId: string): Promise<void> {
  const entry = find(id);
  if (!entry) throw new Error(`client #${id} is not tracked any more`);
  patch(id, { userId, state: 'connecting', error: undefined });
  try {
    const token = await fetchToken(userId);
    const response = await entry.client.connectUser({ id: userId, name: DISPLAY_NAMES[userId] ?? userId }, token);
    patch(id, { state: 'connected', connectionId: response?.connection_id ?? entry.client._getConnectionID() });
  } catch (error) {
    patch(id, { state: 'error', error: errorMessage(error), connectionId: undefined });
    reportError(`${entry.label}: connectUser('${userId}')`, error);
    throw error;
  }
}

/** disconnectUser on one tracked client (it stays in the list, as disconnected). */
export async function disconnectClient(id: number): Promise<void> {
  const entry = find(id);
  if (!entry) return;
  try {
    await entry.client.disconnectUser();
    patch(id, { state: 'disconnected', connectionId: undefined });
  } catch (error) {
    reportError(`${entry.label}: disconnectUser()`, error);
    throw error;
  }
}

/** disconnectUser on every tracked client, then forget them all. */
export async function disconnectAllClients(): Promise<void> {
  const entries = clientsStore.get();
  const results = await Promise.allSettled(entries.map((e) => e.client.disconnectUser()));
  results.forEach((result, i) => {
    if (result.status === 'rejected') reportError(`${entries[i]?.label ?? 'client'}: disconnectUser()`, result.reason);
  });
  for (const entry of entries) entry.unsubscribe();
  const gone = new Set(entries.map((e) => e.id));
  clientsStore.update((list) => list.filter((c) => !gone.has(c.id)));
}

/** Creates a client with `new StreamChat(...)` (what the mistakes do) and tracks it. */
export function newTrackedClient(scenario: ScenarioName, label: string): number {
  return track(new StreamChat(API_KEY, clientOptions()), scenario, label);
}

/** The getInstance() singleton (what the correct pattern uses), tracked. */
export function singletonClient(scenario: ScenarioName, label: string): number {
  return track(StreamChat.getInstance(API_KEY, clientOptions()), scenario, label);
}
