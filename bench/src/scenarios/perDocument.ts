/**
 * Per document: a page of 50 srcdoc iframes (51 documents, no socket) loaded `loads` times per
 * rep in each of the four browsers of the floor comparison. The figure is the page renderer's
 * main-thread task time per document; OneSocket's own share is its cost over `floor-empty`.
 */
import type { FixtureServer } from '../../../e2e/support/fixtureServer';
import { compareWithFloors, type FloorBrowsers, type FloorComparison } from '../floors';
import { cpuDelta } from '../processCpu';
import { median } from '../stats';
import { taskTimeMs, taskTimer } from '../taskTime';

export const DOCUMENTS_PER_PAGE = 51;
export const PER_DOCUMENT_TARGET_MS = 1;

export interface PerDocumentResult {
  /** Chromium's task time of the page's main thread, ms per document: the figure the target is for. */
  taskTime: FloorComparison;
  /** CPU time of the page's renderer main thread (/proc), ms per document. */
  pageCpu: FloorComparison;
  documents: number;
  loads: number;
  /** Target for `overFloor` (OneSocket over floor-empty), ms per document. */
  targetMs: number;
}

export async function measurePerDocument(
  browsers: FloorBrowsers,
  server: FixtureServer,
  { reps, loads, log }: { reps: number; loads: number; log: (line: string) => void },
): Promise<PerDocumentResult> {
  const metrics = ['taskTime', 'pageCpu'] as const;
  const comparisons = await compareWithFloors(browsers, { reps, floor: 'floor-empty', metrics }, async (browser, _variant, rep) => {
    const page = await browser.context.newPage();
    try {
      const cdp = await taskTimer(page);
      const costs: number[] = [];
      // One warm-up load, then the measured ones; a fresh URL each time (no cache of the page's own).
      await page.goto(`${server.origin}/iframes-50.html?rep=${rep}&load=warm-up`, { waitUntil: 'load' });
      const cpuBefore = await browser.cpu();
      for (let load = 0; load < loads; load++) {
        const before = await taskTimeMs(cdp);
        await page.goto(`${server.origin}/iframes-50.html?rep=${rep}&load=${load}`, { waitUntil: 'load' });
        costs.push(((await taskTimeMs(cdp)) - before) / DOCUMENTS_PER_PAGE);
      }
      const cpuAfter = await browser.cpu();
      const pageCpu = cpuBefore && cpuAfter ? (cpuDelta(cpuBefore, cpuAfter).threads['page:main'] ?? 0) / (loads * DOCUMENTS_PER_PAGE) : Number.NaN;
      return { taskTime: median(costs), pageCpu };
    } finally {
      await page.close();
    }
  }, log);
  return { ...comparisons, documents: DOCUMENTS_PER_PAGE, loads, targetMs: PER_DOCUMENT_TARGET_MS };
}
