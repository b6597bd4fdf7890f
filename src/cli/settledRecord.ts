import type { Worker } from '@playwright/test';
import type { TabState } from '../core/types';
import { readTabRecord } from './extensionRecords';

const POLL_MS = 250;

/**
 * The tab's record once the pipeline (hook, relay, worker) has caught up: unchanged for
 * `quietMs`, or as it is after `maxMs`. A `quietMs` past the grace window also lets a
 * duplicate that is still within it be raised, or end, before the record is judged.
 */
export async function settledRecord(worker: Worker, tabId: number, { quietMs = POLL_MS, maxMs = 5_000 } = {}): Promise<TabState | null> {
  const deadline = Date.now() + maxMs;
  let previous = JSON.stringify(await readTabRecord(worker, tabId));
  let quietSince = Date.now();
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    const current = JSON.stringify(await readTabRecord(worker, tabId));
    if (current !== previous) quietSince = Date.now();
    previous = current;
    if (Date.now() - quietSince >= quietMs || Date.now() >= deadline) return JSON.parse(current) as TabState | null;
  }
}
