/**
 * `npm run bench`: what OneSocket costs, measured side by side in headless Chromium on
 * loopback. Prints a table and writes the same figures as JSON under bench/results/.
 * See bench/README.md for what each figure means.
 *
 *   node --import ./scripts/tsLoader.mjs bench/run.ts [--quick] [--only=documents,frames,overhead,churn,latency,scale] [--dist=dist]
 */
import { execFileSync } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { startFixtureServer } from '../e2e/support/fixtureServer';
import type { BenchContext } from './src/benchContext';
import { launchBenchBrowser } from './src/browsers';
import { bundleSizes } from './src/bundleSizes';
import { closeFloorBrowsers, launchFloorBrowsers } from './src/floors';
import { resultsTable, type BenchResults, type LoadSample } from './src/results';
import { measureChurn } from './src/scenarios/churn';
import { measureHookOverhead } from './src/scenarios/hookOverhead';
import { measureLatency } from './src/scenarios/latency';
import { measurePerDocument } from './src/scenarios/perDocument';
import { measurePerFrame } from './src/scenarios/perFrame';
import { measureScale } from './src/scenarios/scale';

const ROOT = path.resolve(import.meta.dirname, '..');
const SCENARIOS = ['documents', 'frames', 'overhead', 'churn', 'latency', 'scale'] as const;
type Scenario = (typeof SCENARIOS)[number];
/** The scenarios run on one browser with OneSocket and one without (the others on the four of src/floors.ts). */
const PAIRED_SCENARIOS: ReadonlySet<Scenario> = new Set(['overhead', 'churn', 'latency', 'scale']);

const { values: flags } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    reps: { type: 'string', default: '7' },
    only: { type: 'string', default: SCENARIOS.join(',') },
    dist: { type: 'string', default: path.join(ROOT, 'dist') },
    out: { type: 'string', default: path.join(ROOT, 'bench/results') },
  },
});
const selected = new Set(flags.only.split(',').map((name) => name.trim()));
for (const name of selected) if (!SCENARIOS.includes(name as Scenario)) throw new Error(`unknown scenario ${name}; choose from ${SCENARIOS.join(', ')}`);

const loadSample = (): LoadSample => ({ load1: Math.round((os.loadavg()[0] ?? 0) * 100) / 100, at: new Date().toISOString() });
const log = (line: string): void => console.log(line);

function gitCommit(): { sha: string; dirty: boolean } {
  try {
    const sha = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { cwd: ROOT, encoding: 'utf8' }).trim() !== '';
    return { sha, dirty };
  } catch {
    return { sha: 'unknown', dirty: true };
  }
}

const started = Date.now();
if ((os.loadavg()[0] ?? 0) > os.cpus().length / 2) {
  log(`Note: the machine is busy (load ${os.loadavg()[0]?.toFixed(2)} on ${os.cpus().length} cores); figures will be noisy. The load is recorded in the results.`);
}
const server = await startFixtureServer();
const chromiumVersion = await (async () => {
  const browser = await launchBenchBrowser({ distDir: flags.dist, withExtension: false });
  try {
    const probe = await browser.context.newPage();
    return await probe.evaluate(() => navigator.userAgent.match(/Chrome\/([\d.]+)/)?.[1] ?? navigator.userAgent);
  } finally {
    await browser.close();
  }
})();

const results: BenchResults = {
  format: 'onesocket-bench',
  version: 1,
  createdAt: new Date().toISOString(),
  quick: flags.quick,
  machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? 'unknown', memoryBytes: os.totalmem(), node: process.version, chromium: chromiumVersion },
  commit: gitCommit(),
  load: {},
  durationMs: 0,
  bundle: await bundleSizes(flags.dist),
};
const reps = flags.quick ? 3 : Number(flags.reps);
if (!Number.isInteger(reps) || reps < 1) throw new Error(`--reps must be a whole number of at least 1, not ${flags.reps}`);

async function scenario<T>(name: Scenario, run: () => Promise<T>): Promise<T | undefined> {
  if (!selected.has(name)) return undefined;
  log(`${name}…`);
  const before = loadSample();
  const result = await run();
  results.load[name] = { before, after: loadSample() };
  return result;
}

try {
  // Each group of scenarios has only its own browsers running: an idle browser still takes memory and wakes up.
  if (selected.has('documents') || selected.has('frames')) {
    // Four browsers side by side: none, the two floors, OneSocket.
    const floorBrowsers = await launchFloorBrowsers(flags.dist);
    try {
      results.perDocument = await scenario('documents', () => measurePerDocument(floorBrowsers, server, { reps, loads: flags.quick ? 3 : 10, scriptLoads: flags.quick ? 1 : 3, log }));
      results.perFrame = await scenario('frames', () => measurePerFrame(floorBrowsers, server, { reps, messages: flags.quick ? 5_000 : 20_000, log }));
    } finally {
      await closeFloorBrowsers(floorBrowsers);
    }
  }
  if (SCENARIOS.some((name) => PAIRED_SCENARIOS.has(name) && selected.has(name))) {
    const withExtension = await launchBenchBrowser({ distDir: flags.dist, withExtension: true });
    const withoutExtension = await launchBenchBrowser({ distDir: flags.dist, withExtension: false });
    const context: BenchContext = { server, withExtension, withoutExtension, quick: flags.quick, log };
    try {
      results.hookOverhead = await scenario('overhead', () => measureHookOverhead(context));
      results.churn = await scenario('churn', () => measureChurn(context));
      results.latency = await scenario('latency', () => measureLatency(context));
      results.scale = await scenario('scale', () => measureScale(context));
    } finally {
      await withExtension.close();
      await withoutExtension.close();
    }
  }
} finally {
  await server.close();
}
results.durationMs = Date.now() - started;

const table = resultsTable(results);
log(`\n${table}\n`);
const loads = Object.entries(results.load).map(([name, { before, after }]) => `${name} ${before.load1}→${after.load1}`);
log(`Load average (1 min) before→after: ${loads.join(', ')} on ${results.machine.cpus} cores. Took ${Math.round(results.durationMs / 1000)} s.`);
await mkdir(flags.out, { recursive: true });
const file = path.join(flags.out, `${flags.quick ? 'quick-' : ''}${results.createdAt.replace(/[:.]/g, '-')}.json`);
await writeFile(file, `${JSON.stringify(results, null, 2)}\n`);
log(`Wrote ${path.relative(process.cwd(), file)}`);
