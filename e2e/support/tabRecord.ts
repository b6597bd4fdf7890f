import type { Worker } from '@playwright/test';
import type { SocketRecord, TabState } from '../../src/core/types';

/** The worker's record of a tab, as persisted (unredacted: tests read it, users never do). */
export async function tabRecord(serviceWorker: Worker, tabId: number): Promise<TabState | null> {
  return serviceWorker.evaluate(async (id) => {
    const key = `tab:${id}`;
    const stored = await chrome.storage.session.get(key);
    return (stored[key] as TabState | undefined) ?? null;
  }, tabId);
}

/** The sockets and long-poll sessions recorded for a tab, in creation order. */
export async function recordedSockets(serviceWorker: Worker, tabId: number): Promise<SocketRecord[]> {
  const state = await tabRecord(serviceWorker, tabId);
  if (!state) return [];
  return state.socketOrder.map((id) => state.sockets[id]).filter((socket): socket is SocketRecord => socket !== undefined);
}
