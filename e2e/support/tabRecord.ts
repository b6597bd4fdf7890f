import type { Worker } from '@playwright/test';
import type { SocketRecord, TabState } from '../../src/core/types';

/**
 * The worker's record of a tab, as persisted in chrome.storage.session: what a restarted worker
 * would wake up with (unredacted: tests read it, users never do). `tab:<id>` holds the record,
 * `socket:<id>:<socket id>` each socket (see src/background/sessionPersistence.ts).
 */
export async function tabRecord(serviceWorker: Worker, tabId: number): Promise<TabState | null> {
  return serviceWorker.evaluate(async (id) => {
    const meta = (await chrome.storage.session.get(`tab:${id}`))[`tab:${id}`] as Omit<TabState, 'sockets'> | undefined;
    if (!meta) return null;
    const stored = await chrome.storage.session.get(meta.socketOrder.map((socketId) => `socket:${id}:${socketId}`));
    const sockets: TabState['sockets'] = {};
    for (const socketId of meta.socketOrder) {
      const socket = stored[`socket:${id}:${socketId}`] as SocketRecord | undefined;
      if (socket) sockets[socketId] = socket;
    }
    return { ...meta, sockets };
  }, tabId);
}

/** The sockets and long-poll sessions recorded for a tab, in creation order. */
export async function recordedSockets(serviceWorker: Worker, tabId: number): Promise<SocketRecord[]> {
  const state = await tabRecord(serviceWorker, tabId);
  if (!state) return [];
  return state.socketOrder.map((id) => state.sockets[id]).filter((socket): socket is SocketRecord => socket !== undefined);
}

/** Bytes the worker holds in chrome.storage.session, all tabs together. */
export async function persistedBytes(serviceWorker: Worker): Promise<number> {
  return serviceWorker.evaluate(() => chrome.storage.session.getBytesInUse(null));
}
