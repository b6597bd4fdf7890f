import type { Worker } from '@playwright/test';
import type { SocketRecord, TabState } from '../core/types';

/**
 * Reading the worker's tab records from outside the extension (the CLI, and the browser tests),
 * as persisted in chrome.storage.session: `tab:<id>` holds a tab's record, `socket:<id>:<socket
 * id>` each of its sockets (src/background/sessionPersistence.ts). Unredacted: redact before
 * showing anything.
 */
export async function readTabRecord(serviceWorker: Worker, tabId: number): Promise<TabState | null> {
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

/**
 * The tab id of the tab showing `pageUrl`, or null after `timeoutMs`. The extension has no
 * "tabs" permission, so tabs.query cannot match URLs: find the tab whose record shows the URL.
 */
export async function findTabIdByUrl(serviceWorker: Worker, pageUrl: string, timeoutMs = 5_000): Promise<number | null> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const id = await serviceWorker.evaluate(async (url) => {
      const everything = await chrome.storage.session.get(null);
      const records = Object.entries(everything)
        .filter(([key]) => key.startsWith('tab:'))
        .map(([, value]) => value as { tabId: number; pages: Array<{ url: string }> });
      return records.find((record) => record.pages.at(-1)?.url === url)?.tabId ?? null;
    }, pageUrl);
    if (id !== null || Date.now() >= deadline) return id;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
