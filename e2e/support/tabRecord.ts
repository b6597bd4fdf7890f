import type { Worker } from '@playwright/test';
import { readTabRecord } from '../../src/cli/extensionRecords';
import type { SocketRecord } from '../../src/core/types';

/** The worker's record of a tab, as a restarted worker would wake up with it (unredacted). */
export const tabRecord = readTabRecord;

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
