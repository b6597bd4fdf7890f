/**
 * How the worker lays out tab records in chrome.storage.session, written once for the worker
 * that writes them and for the CLI and tests that read them from outside: `tab:<tab id>` holds
 * a tab's record without its sockets, `socket:<tab id>:<socket id>` each socket. Pure: no
 * browser API, so any context (the CLI's Node side too) can import it.
 */
/** chrome.storage.local: the user's settings, one object (see settingsStore.ts). */
export const SETTINGS_KEY = 'settings';

export const TAB_KEY_PREFIX = 'tab:';
export const SOCKET_KEY_PREFIX = 'socket:';

export const tabKey = (tabId: number): string => `${TAB_KEY_PREFIX}${tabId}`;
export const socketKey = (tabId: number, socketId: string): string => `${SOCKET_KEY_PREFIX}${tabId}:${socketId}`;

/** The tab id a `socket:` key belongs to, or NaN for another key. */
export const tabIdOfSocketKey = (key: string): number =>
  key.startsWith(SOCKET_KEY_PREFIX) ? Number(key.slice(SOCKET_KEY_PREFIX.length, key.indexOf(':', SOCKET_KEY_PREFIX.length))) : Number.NaN;

/** The layout as plain data, for code that runs inside the worker through `evaluate`. */
export const STORAGE_LAYOUT = { tabPrefix: TAB_KEY_PREFIX, socketPrefix: SOCKET_KEY_PREFIX } as const;
