import type { Worker } from '@playwright/test';

/** What the worker persisted for a tab: the record a restarted worker would wake up with. */
export interface PersistedTab {
  tabId: number;
  socketOrder: string[];
  droppedEvents: number;
  evictedSockets?: number;
  findings: Array<{ rule: string; active: boolean }>;
  sockets: Record<string, { state: string; messagesSent: number; messagesReceived: number; identity: { userId: string | null } }>;
}

export async function persistedTab(serviceWorker: Worker, tabId: number): Promise<PersistedTab | null> {
  return serviceWorker.evaluate(async (id) => {
    const key = `tab:${id}`;
    const stored = await chrome.storage.session.get(key);
    return (stored[key] as unknown as PersistedTab | undefined) ?? null;
  }, tabId);
}

/** Bytes the worker holds in chrome.storage.session, all tabs together. */
export async function persistedBytes(serviceWorker: Worker): Promise<number> {
  return serviceWorker.evaluate(() => chrome.storage.session.getBytesInUse(null));
}
