import type { Worker } from '@playwright/test';
import type { SocketRecord, TabState } from '../core/types';
import { STORAGE_LAYOUT } from '../common/storageLayout';

/**
 * Reading the worker's tab records from outside the extension (the CLI, and the browser tests),
 * as persisted in chrome.storage.session (the layout: src/common/storageLayout.ts). The code
 * runs inside the worker, so the layout travels as an argument. Unredacted: redact before
 * showing anything.
 */
export async function readTabRecord(serviceWorker: Worker, tabId: number): Promise<TabState | null> {
  return serviceWorker.evaluate(
    async ({ id, layout }) => {
      const tabKey = `${layout.tabPrefix}${id}`;
      const meta = (await chrome.storage.session.get(tabKey))[tabKey] as Omit<TabState, 'sockets'> | undefined;
      if (!meta) return null;
      const socketKey = (socketId: string): string => `${layout.socketPrefix}${id}:${socketId}`;
      const stored = await chrome.storage.session.get(meta.socketOrder.map(socketKey));
      const sockets: TabState['sockets'] = {};
      for (const socketId of meta.socketOrder) {
        const socket = stored[socketKey(socketId)] as SocketRecord | undefined;
        if (socket) sockets[socketId] = socket;
      }
      return { ...meta, sockets };
    },
    { id: tabId, layout: STORAGE_LAYOUT },
  );
}

/**
 * The tab id of the tab showing `pageUrl`, or null after `timeoutMs`. The extension has no
 * "tabs" permission, so tabs.query cannot match URLs: find the tab whose record shows the URL.
 */
export async function findTabIdByUrl(serviceWorker: Worker, pageUrl: string, timeoutMs = 5_000): Promise<number | null> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const id = await serviceWorker.evaluate(
      async ({ url, layout }) => {
        const everything = await chrome.storage.session.get(null);
        const records = Object.entries(everything)
          .filter(([key]) => key.startsWith(layout.tabPrefix))
          .map(([, value]) => value as { tabId: number; pages: Array<{ url: string }> });
        return records.find((record) => record.pages.at(-1)?.url === url)?.tabId ?? null;
      },
      { url: pageUrl, layout: STORAGE_LAYOUT },
    );
    if (id !== null || Date.now() >= deadline) return id;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The ids of every tab the worker holds a record of. */
export async function recordedTabIds(serviceWorker: Worker): Promise<number[]> {
  return serviceWorker.evaluate(
    async ({ layout }) =>
      Object.entries(await chrome.storage.session.get(null))
        .filter(([key]) => key.startsWith(layout.tabPrefix))
        .map(([, value]) => (value as { tabId: number }).tabId),
    { layout: STORAGE_LAYOUT },
  );
}
