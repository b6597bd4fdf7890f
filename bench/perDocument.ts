/**
 * `npm run bench:documents`: what OneSocket costs every document of every page, against the
 * floor any extension of its shape costs. Four headless Chromiums side by side: none, the floor
 * extensions of bench/floors (`empty`: both content scripts and the worker do nothing;
 * `listener`: one message listener per socket) and OneSocket. Each loads a page of 50 srcdoc
 * iframes (51 documents, no socket) `loads` times per rep, the four interleaved in a rotating
 * order; the cost is the page renderer's main-thread task time (CDP Performance.getMetrics
 * TaskDuration) per document, reported as the median of the reps' paired differences with
 * their spread. Writes bench/results/per-document-<time>.json.
 *
 *   node --import ./scripts/tsLoader.mjs bench/perDocument.ts [--reps=7] [--loads=10] [--dist=dist]
 */
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Page } from '@playwright/test';
import { startFixtureServer } from '../e2e/support/fixtureServer';
import { launchBenchBrowser, type BenchBrowser } from './src/browsers';
import { median, round } from './src/stats';

const ROOT = path.resolve(import.meta.dirname, '..');
const { values: flags } = parseArgs({
  options: {
    reps: { type: 'string', default: '7' },
    loads: { type: 'string', default: '10' },
    dist: { type: 'string', default: path.join(ROOT, 'dist') },
    out: { type: 'string', default: path.join(ROOT, 'bench/results') },
  },
});
const REPS = Number(flags.reps);
const LOADS = Number(flags.loads);
const DOCUMENTS = 51;

type Variant = 'none' | 'floor-empty' | 'floor-listener' | 'onesocket';
const VARIANTS: readonly Variant[] = ['none', 'floor-empty', 'floor-listener', 'onesocket'];

async function launch(variant: Variant): Promise<BenchBrowser> {
  if (variant === 'none') return launchBenchBrowser({ distDir: flags.dist, withExtension: false });
  const distDir = variant === 'onesocket' ? flags.dist : path.join(ROOT, 'bench/floors', variant.replace('floor-', ''));
  return launchBenchBrowser({ distDir, withExtension: true });
}

/** Main-thread task time of one load of the page, per document, in ms. */
async function loadCost(page: Page, url: string): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const before = (await cdp.send('Performance.getMetrics')).metrics.find((metric) => metric.name === 'TaskDuration')?.value ?? 0;
  await page.goto(url, { waitUntil: 'load' });
  const after = (await cdp.send('Performance.getMetrics')).metrics.find((metric) => metric.name === 'TaskDuration')?.value ?? 0;
  await cdp.detach();
  return ((after - before) * 1000) / DOCUMENTS;
}

const server = await startFixtureServer();
const browsers = new Map<Variant, BenchBrowser>();
for (const variant of VARIANTS) browsers.set(variant, await launch(variant));
const perRep: Record<Variant, number[]> = { none: [], 'floor-empty': [], 'floor-listener': [], onesocket: [] };
console.log(`Per-document cost: ${REPS} reps × ${LOADS} loads of ${DOCUMENTS} documents, load average ${os.loadavg()[0]?.toFixed(2)}`);
try {
  for (let rep = 0; rep < REPS; rep++) {
    // A rotating order, so no variant always runs first or last in a rep.
    const order = VARIANTS.map((_, i) => VARIANTS[(i + rep) % VARIANTS.length] as Variant);
    for (const variant of order) {
      const page = await (browsers.get(variant) as BenchBrowser).context.newPage();
      const costs: number[] = [];
      // One warm-up load, then the measured ones; a fresh URL each time (no cache of the page's own).
      await loadCost(page, `${server.origin}/iframes-50.html?warm=${rep}`);
      for (let load = 0; load < LOADS; load++) costs.push(await loadCost(page, `${server.origin}/iframes-50.html?rep=${rep}&load=${load}`));
      perRep[variant].push(median(costs));
      await page.close();
    }
  }
} finally {
  for (const browser of browsers.values()) await browser.close();
  await server.close();
}

/** The median of the reps' paired differences (a − b), with their range. */
function paired(a: Variant, b: Variant): { median: number; min: number; max: number } {
  const differences = perRep[a].map((value, i) => value - (perRep[b][i] ?? 0));
  return { median: round(median(differences), 3), min: round(Math.min(...differences), 3), max: round(Math.max(...differences), 3) };
}

const results = {
  at: new Date().toISOString(),
  load1: round(os.loadavg()[0] ?? 0, 2),
  reps: REPS,
  loads: LOADS,
  documents: DOCUMENTS,
  perDocumentMs: Object.fromEntries(VARIANTS.map((variant) => [variant, perRep[variant].map((value) => round(value, 3))])),
  added: {
    floorEmptyOverNone: paired('floor-empty', 'none'),
    floorListenerOverNone: paired('floor-listener', 'none'),
    oneSocketOverNone: paired('onesocket', 'none'),
    oneSocketOverFloorEmpty: paired('onesocket', 'floor-empty'),
  },
  target: { oneSocketOverFloorEmptyMs: 1 },
};
const line = (label: string, value: { median: number; min: number; max: number }): string => `${label.padEnd(34)} ${value.median.toFixed(3)} ms  (reps ${value.min.toFixed(3)} … ${value.max.toFixed(3)})`;
console.log(line('floor-empty over no extension', results.added.floorEmptyOverNone));
console.log(line('floor-listener over no extension', results.added.floorListenerOverNone));
console.log(line('OneSocket over no extension', results.added.oneSocketOverNone));
console.log(`${line('OneSocket over floor-empty', results.added.oneSocketOverFloorEmpty)}   target ≤ 1 ms: ${results.added.oneSocketOverFloorEmpty.median <= 1 ? 'met' : 'not met'}`);
await mkdir(flags.out, { recursive: true });
const file = path.join(flags.out, `per-document-${results.at.replace(/[:.]/g, '-')}.json`);
await writeFile(file, `${JSON.stringify(results, null, 2)}\n`);
console.log(`Written to ${path.relative(ROOT, file)}`);
