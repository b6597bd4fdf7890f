/**
 * Is a change to the hook or the relay cheaper per frame? Builds of the extension side by side
 * with a floor, on the per-frame exchange of `npm run bench` (100 B frames, serial or burst),
 * each in its own headless Chromium. Every round opens a fresh page in each browser (a page's
 * speed stays with it for its life, the largest noise on this machine), warms it, then measures
 * each browser once in a rotating order, as `npm run bench` does (src/scenarios/perFrame.ts).
 * Prints the page renderer's main-thread CPU per frame (schedstat) and Chromium's task time, each
 * build over the first: the median of the reps' medians with their range, and the median of all
 * the rounds' paired differences. With `--profile`, each round also runs under the page's V8
 * sampling profiler: the extension's own code per frame as the bench's profiled rows count it
 * (src/cpuProfile.ts), and each build's functions by self time per frame, which says where a
 * difference lands (the profiler's own cost is in the CPU and task figures then).
 *
 *   npm run build -- --outDir /tmp/dist-b   (a build of the change, say)
 *   node --import ./scripts/tsLoader.mjs bench/compareBuilds.ts floor-listener dist /tmp/dist-b [--reps=6] [--rounds=10] [--burst] [--profile]
 *
 * A build is a directory with the unpacked extension, or `floor-empty` / `floor-listener`
 * (bench/floors). Run nothing else meanwhile; the figures are the tool's, not `npm run bench`'s.
 */
import { parseArgs } from 'node:util';
import { startFixtureServer } from '../e2e/support/fixtureServer';
import type { Page } from '@playwright/test';
import { extensionTimeMs, selfTimeByFunction, startProfiler, stopProfiler } from './src/cpuProfile';
import { extensionDir } from './src/floors';
import { launchBenchBrowser, type BenchBrowser } from './src/browsers';
import { measureExchangeRound, openExchangePage, type FrameExchange } from './src/scenarios/perFrame';
import { median } from './src/stats';
import { taskTimer } from './src/taskTime';

/** Messages per round, as a round of `npm run bench`'s per-frame figure. */
const MESSAGES_PER_ROUND = 1_000;

const { values: flags, positionals: builds } = parseArgs({
  allowPositionals: true,
  options: {
    reps: { type: 'string', default: '6' },
    rounds: { type: 'string', default: '10' },
    burst: { type: 'boolean', default: false },
    profile: { type: 'boolean', default: false },
  },
});
const reps = Number(flags.reps);
const rounds = Number(flags.rounds);
if (builds.length < 2 || !Number.isInteger(reps) || reps < 1 || !Number.isInteger(rounds) || rounds < 1) {
  console.error('usage: bench/compareBuilds.ts BASE BUILD [BUILD…] [--reps=N] [--rounds=N] [--burst] [--profile]   (a build: a dist directory, floor-empty or floor-listener)');
  process.exit(2);
}
const inFlight = flags.burst ? 100 : 1;

interface Sample {
  cpuUs: number;
  taskUs: number;
  /** The extension's own code (V8 profile), with --profile; else NaN. */
  ownUs: number;
}

/** Functions to list per build with --profile. */
const TOP_FUNCTIONS = 15;

/** One measured exchange in a warmed page: µs per frame. `functions`: self time per function, µs summed, with --profile. */
async function measure(browser: BenchBrowser, page: Page, exchange: FrameExchange, functions: Map<string, number>): Promise<Sample> {
  const cdp = flags.profile ? await page.context().newCDPSession(page) : null;
  if (cdp) await startProfiler(cdp);
  const { pageCpu, taskTime } = await measureExchangeRound(browser, page, await taskTimer(page), exchange);
  if (!cdp) return { cpuUs: pageCpu, taskUs: taskTime, ownUs: Number.NaN };
  const profile = await stopProfiler(cdp);
  await cdp.detach();
  for (const [name, ms] of selfTimeByFunction(profile)) functions.set(name, (functions.get(name) ?? 0) + ms * 1000);
  return { cpuUs: pageCpu, taskUs: taskTime, ownUs: (extensionTimeMs(profile) * 1000) / (exchange.messages * 2) };
}

function range(values: number[]): string {
  return `${median(values).toFixed(2)} (${Math.min(...values).toFixed(2)} … ${Math.max(...values).toFixed(2)})`;
}

const server = await startFixtureServer();
const browsers: BenchBrowser[] = [];
try {
  for (const build of builds) browsers.push(await launchBenchBrowser({ distDir: extensionDir(build), withExtension: true }));
  const exchange: FrameExchange = { url: `${server.wsOrigin}/echo`, messages: MESSAGES_PER_ROUND, inFlight };
  /** Per build: each rep's median, and every round's difference from the base. */
  const repMedians = builds.map(() => ({ cpu: [] as number[], task: [] as number[], own: [] as number[] }));
  const roundDifferences = builds.map(() => ({ cpu: [] as number[], task: [] as number[], own: [] as number[] }));
  const functions = builds.map(() => new Map<string, number>());
  for (let rep = 0; rep < reps; rep++) {
    const samples: Sample[][] = builds.map(() => []);
    for (let roundIndex = 0; roundIndex < rounds; roundIndex++) {
      const pages: Page[] = [];
      for (const [i, browser] of browsers.entries()) pages.push(await openExchangePage(browser, server, `compare=${i}-${rep}-${roundIndex}`, exchange));
      const round: Sample[] = [];
      for (let k = 0; k < builds.length; k++) {
        const i = (k + roundIndex + rep) % builds.length;
        round[i] = await measure(browsers[i] as BenchBrowser, pages[i] as Page, exchange, functions[i] as Map<string, number>);
      }
      for (const [i, sample] of round.entries()) {
        samples[i]?.push(sample);
        roundDifferences[i]?.cpu.push(sample.cpuUs - (round[0] as Sample).cpuUs);
        roundDifferences[i]?.task.push(sample.taskUs - (round[0] as Sample).taskUs);
        roundDifferences[i]?.own.push(sample.ownUs - (round[0] as Sample).ownUs);
      }
      await Promise.all(pages.map((page) => page.close()));
    }
    for (const [i, own] of samples.entries()) {
      repMedians[i]?.cpu.push(median(own.map((sample) => sample.cpuUs)));
      repMedians[i]?.task.push(median(own.map((sample) => sample.taskUs)));
      repMedians[i]?.own.push(median(own.map((sample) => sample.ownUs)));
    }
    console.log(`rep ${rep + 1}/${reps}: ` + builds.map((build, i) => `${build} cpu ${repMedians[i]?.cpu.at(-1)?.toFixed(2)} task ${repMedians[i]?.task.at(-1)?.toFixed(2)} µs`).join(' | '));
  }
  console.log(`\n${flags.burst ? 'burst' : 'serial'} echo, µs per frame over ${builds[0]} (median of reps (range); median of ${reps * rounds} round pairs):`);
  const base = repMedians[0] as { cpu: number[]; task: number[]; own: number[] };
  for (let i = 1; i < builds.length; i++) {
    const own = repMedians[i] as { cpu: number[]; task: number[]; own: number[] };
    const pairs = roundDifferences[i] as { cpu: number[]; task: number[]; own: number[] };
    const over = (metric: 'cpu' | 'task' | 'own'): string => `${range(own[metric].map((value, rep) => value - (base[metric][rep] as number)))}; ${median(pairs[metric]).toFixed(2)}`;
    console.log(`  ${builds[i]}: main-thread CPU ${over('cpu')}   task time ${over('task')}${flags.profile ? `   own code ${over('own')}` : ''}`);
  }
  if (flags.profile) {
    const frames = reps * rounds * exchange.messages * 2;
    for (const [i, build] of builds.entries()) {
      console.log(`\n${build}: own code ${range(repMedians[i]?.own ?? [])} µs per frame; functions by self time, µs per frame:`);
      const top = [...(functions[i] as Map<string, number>)].filter(([name]) => !name.startsWith('(idle)')).sort((a, b) => b[1] - a[1]);
      for (const [name, us] of top.slice(0, TOP_FUNCTIONS)) console.log(`  ${(us / frames).toFixed(3).padStart(8)}  ${name}`);
    }
  }
} finally {
  for (const browser of browsers) await browser.close();
  await server.close();
}
