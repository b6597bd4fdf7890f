import { tokenViewOfUrl } from '../../core/tokenView';
import type { SocketRecord, TokenView } from '../../core/types';

export interface QueryParam {
  name: string;
  value: string;
}

export interface ConnectDetails {
  params: QueryParam[];
  /** The decoded `json` parameter of a Stream connect URL (user_id, user_details…). */
  payload: unknown;
  token: TokenView | null;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/**
 * What a socket's connect URL says, decoded: its parameters, the connect payload and the token's
 * claims. A redacted URL no longer holds the token: its claims come decoded with the record
 * (`urlToken`, made by the worker before redaction); without redaction they are read from the URL.
 */
export function connectDetails(socket: Pick<SocketRecord, 'url' | 'urlToken'>): ConnectDetails {
  const token = socket.urlToken ?? tokenViewOfUrl(socket.url);
  let parsed: URL;
  try {
    parsed = new URL(socket.url);
  } catch {
    return { params: [], payload: null, token };
  }
  const params = [...parsed.searchParams].map(([name, value]) => ({ name, value }));
  const json = parsed.searchParams.get('json');
  return { params, payload: json === null ? null : parseJson(json), token };
}

export interface PrivacySetting {
  name: string;
  value: string;
}

function humanName(key: string): string {
  const words = key.replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * Stream's `privacy_settings` ({ typing_indicators: { enabled: false }, … }) as readable lines:
 * "Typing indicators: off". Unknown shapes are shown as JSON rather than guessed at.
 */
export function privacySettingsOf(userDetails: unknown): PrivacySetting[] {
  if (typeof userDetails !== 'object' || userDetails === null) return [];
  const privacy = (userDetails as Record<string, unknown>)['privacy_settings'];
  if (typeof privacy !== 'object' || privacy === null) return [];
  return Object.entries(privacy as Record<string, unknown>).map(([key, setting]) => {
    const enabled = typeof setting === 'object' && setting !== null ? (setting as Record<string, unknown>)['enabled'] : undefined;
    return { name: humanName(key), value: typeof enabled === 'boolean' ? (enabled ? 'on' : 'off') : JSON.stringify(setting) };
  });
}

/** The user object the socket connected with: from the connect URL, else from its first frames. */
export function userDetailsOf(socket: SocketRecord, details: ConnectDetails): unknown {
  const payload = details.payload as Record<string, unknown> | null;
  return (typeof payload === 'object' && payload !== null ? payload['user_details'] : undefined) ?? socket.identity.userDetails ?? null;
}

export interface LifecycleStep {
  label: string;
  at: number | null;
  /** e.g. "after 120 ms", "code 1000 Manually closed…" */
  detail: string;
}

/** Created → open → closed, with the time each step took. */
export function lifecycleOf(socket: SocketRecord, now: number, formatDuration: (ms: number) => string): LifecycleStep[] {
  const steps: LifecycleStep[] = [{ label: 'Created', at: socket.createdAt, detail: 'new WebSocket(…)' }];
  if (socket.connectedAt !== null) steps.push({ label: 'Open', at: socket.connectedAt, detail: `after ${formatDuration(socket.connectedAt - socket.createdAt)}` });
  else if (socket.state !== 'connecting') steps.push({ label: 'Never opened', at: null, detail: socket.errored ? 'the connection failed' : '' });
  if (socket.errored) steps.push({ label: 'Error', at: null, detail: 'an error event fired' });
  if (socket.closedAt !== null) {
    const code = socket.closeCode === null ? 'no close code' : `code ${socket.closeCode}`;
    const reason = socket.closeReason ? ` “${socket.closeReason}”` : '';
    const clean = socket.wasClean === false ? ', not clean' : '';
    steps.push({ label: 'Closed', at: socket.closedAt, detail: `${code}${reason}${clean}; lived ${formatDuration(socket.closedAt - socket.createdAt)}` });
  } else {
    steps.push({ label: socket.state === 'closing' ? 'Closing' : 'Still open', at: null, detail: `for ${formatDuration(now - (socket.connectedAt ?? socket.createdAt))}` });
  }
  return steps;
}

/** A frame's text pretty-printed when it is JSON, as is otherwise. */
export function prettyFrame(preview: string): string {
  const trimmed = preview.trim();
  if (!trimmed.startsWith('{') && !trimmed.startsWith('[')) return preview;
  try {
    return JSON.stringify(JSON.parse(trimmed), null, 2);
  } catch {
    return preview;
  }
}
