/**
 * Per document: a page of 50 srcdoc iframes (51 documents, no socket) loaded `loads` times per
 * rep in each of the four browsers of the floor comparison, one load per browser per round. The
 * figure is the page renderer's main-thread task time per document (the median of the rep's
 * loads); OneSocket's own share is its cost over `floor-empty`.
 */
import type { Page } from '@playwright/test';
import type { FixtureServer } from '../../../e2e/support/fixtureServer';
import { compareWithFloors, type FloorBrowsers, type FloorComparison } from '../floors';
import { contentScriptTimes } from '../scriptTrace';
import { median } from '../stats';
import { taskTimeMs, taskTimer } from '../taskTime';

export const DOCUMENTS_PER_PAGE = 51;
export const PER_DOCUMENT_TARGET_MS = 1;

export interface PerDocumentResult {
  /** Chromium's task time of the page's main thread, ms per document. */
  taskTime: FloorComparison;
  /**
   * The thread time of the content scripts' own evaluation (hook and relay), µs per document,
   * from Chromium's tracing (scriptTrace.ts): the median document of each load, `scriptLoads`
   * loads per rep. Only the scripts' run at load, not what they leave behind, but steady where
   * the task time moves by a millisecond between runs.
   */
  scriptEvaluation: FloorComparison;
  scriptLoads: number;
  documents: number;
  loads: number;
  /** Target for `taskTime.overFloor` (OneSocket over floor-empty), ms per document. */
  targetMs: number;
}

/**
 * Main-thread task time of one load of the page, per document, in ms. Each navigation gets a
 * renderer of its own here, whose counter starts at zero: read through a session opened before
 * the navigation, the figure after it is everything that renderer's main thread did for the
 * page (CPU time from /proc is no use here: the previous renderer exits with its count).
 */
async function loadCost(page: Page, url: string): Promise<number> {
  const cdp = await taskTimer(page);
  const before = await taskTimeMs(cdp);
  await page.goto(url, { waitUntil: 'load' });
  const after = await taskTimeMs(cdp);
  await cdp.detach();
  return (after - before) / DOCUMENTS_PER_PAGE;
}

export async function measurePerDocument(
  browsers: FloorBrowsers,
  server: FixtureServer,
  { reps, loads, scriptLoads, log }: { reps: number; loads: number; scriptLoads: number; log: (line: string) => void },
): Promise<PerDocumentResult> {
  const { taskTime } = await compareWithFloors(browsers, { reps, rounds: loads, floor: 'floor-empty', metrics: ['taskTime'] }, async (browser, variant, rep) => {
    const page = await browser.context.newPage();
    // One warm-up load, then one measured load per round; a fresh URL each time (no cache of the page's own).
    await loadCost(page, `${server.origin}/iframes-50.html?variant=${variant}&rep=${rep}&load=warm-up`);
    return {
      round: async (index) => ({ taskTime: await loadCost(page, `${server.origin}/iframes-50.html?variant=${variant}&rep=${rep}&load=${index}`) }),
      close: () => page.close(),
    };
  }, log);
  log('  content scripts under tracing…');
  const { scriptEvaluation } = await compareWithFloors(browsers, { reps, rounds: scriptLoads, floor: 'floor-empty', metrics: ['scriptEvaluation'], digits: 1 }, async (browser, variant, rep) => {
    const page = await browser.context.newPage();
    await page.goto(`${server.origin}/iframes-50.html?variant=${variant}&rep=${rep}&load=trace-warm-up`);
    return {
      round: async (index) => {
        const times = await contentScriptTimes(browser, () => page.goto(`${server.origin}/iframes-50.html?variant=${variant}&rep=${rep}&load=trace-${index}`, { waitUntil: 'load' }));
        // No extension runs no script: zero, not "no value".
        const typical = (values: number[]): number => (values.length > 0 ? median(values) : 0);
        return { scriptEvaluation: typical(times['hook.js']) + typical(times['relay.js']) };
      },
      close: () => page.close(),
    };
  }, log);
  return { taskTime, scriptEvaluation, scriptLoads, documents: DOCUMENTS_PER_PAGE, loads, targetMs: PER_DOCUMENT_TARGET_MS };
}
