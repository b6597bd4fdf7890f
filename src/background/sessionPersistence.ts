import type { Storage } from 'webextension-polyfill';
import type { SocketRecord, TabState } from '../core/types';
import { SOCKET_KEY_PREFIX, socketKey, TAB_KEY_PREFIX, tabIdOfSocketKey, tabKey } from '../common/storageLayout';
import type { TabPersistence } from './tabStore';

/** A tab record as stored under `tab:<id>`: everything but the sockets, which have a key each. */
type StoredTab = Omit<TabState, 'sockets'>;

/** The part of a storage area the records use (storage.session in the extension). */
export type SessionArea = Pick<Storage.StorageArea, 'get' | 'set' | 'remove'>;

/**
 * Where the worker keeps tab records: storage.session where the browser has it. Firefox added
 * it in 115 (and Firefox-based browsers may lag): without it the records live in the background
 * page's memory only, so they are lost when Firefox unloads an idle background page, but
 * recording works and no write fails on every change.
 */
export function createTabPersistence(session: SessionArea | undefined): TabPersistence {
  if (session) return createSessionPersistence(session);
  console.warn('OneSocket: this browser has no storage.session; tab records are kept in memory only');
  return { loadAll: () => Promise.resolve([]), save: () => Promise.resolve(), remove: () => Promise.resolve() };
}

/**
 * Tab records in chrome.storage.session: kept in memory by the browser (never written to disk,
 * so secrets in URLs stay off the disk), and alive across service-worker restarts.
 *
 * Each socket has its own key and only the sockets that changed since the last write are
 * written: the reducer shares unchanged socket objects, so a reference check finds them.
 * Writing the whole record on every change made a long session quadratic (measured: a tab with
 * a few hundred sockets fell seconds behind its page).
 */
export function createSessionPersistence(session: SessionArea): TabPersistence {
  /** Per tab, the socket objects last written, to find what changed. */
  const written = new Map<number, Map<string, SocketRecord>>();

  return {
    async loadAll() {
      const everything = await session.get(null);
      const tabs = new Map<number, TabState>();
      for (const [key, value] of Object.entries(everything)) {
        if (!key.startsWith(TAB_KEY_PREFIX)) continue;
        const stored = value as StoredTab;
        tabs.set(stored.tabId, { ...stored, sockets: {} });
        written.set(stored.tabId, new Map());
      }
      for (const [key, value] of Object.entries(everything)) {
        if (!key.startsWith(SOCKET_KEY_PREFIX)) continue;
        const tabId = tabIdOfSocketKey(key);
        const socket = value as SocketRecord;
        const tab = tabs.get(tabId);
        if (!tab) continue;
        tab.sockets[socket.id] = socket;
        written.get(tabId)?.set(socket.id, socket);
      }
      // A socket listed without its own entry (worker killed between the two writes) is dropped.
      for (const tab of tabs.values()) tab.socketOrder = tab.socketOrder.filter((id) => id in tab.sockets);
      return [...tabs.values()];
    },

    async save(state) {
      const previous = written.get(state.tabId) ?? new Map<string, SocketRecord>();
      const changes: Record<string, unknown> = {};
      const next = new Map<string, SocketRecord>();
      for (const [id, socket] of Object.entries(state.sockets)) {
        next.set(id, socket);
        if (previous.get(id) !== socket) changes[socketKey(state.tabId, id)] = socket;
      }
      const removed = [...previous.keys()].filter((id) => !next.has(id)).map((id) => socketKey(state.tabId, id));
      const { sockets: _sockets, ...meta } = state;
      changes[tabKey(state.tabId)] = meta satisfies StoredTab;
      await session.set(changes);
      if (removed.length > 0) await session.remove(removed);
      written.set(state.tabId, next);
    },

    async remove(tabId) {
      const sockets = written.get(tabId);
      written.delete(tabId);
      const keys = [tabKey(tabId), ...[...(sockets?.keys() ?? [])].map((id) => socketKey(tabId, id))];
      await session.remove(keys);
    },
  };
}
