import type { Page } from '@playwright/test';
import { openBlankPage, sleep, type BenchContext } from '../benchContext';
import type { BenchBrowser } from '../browsers';
import { cpuDelta, type CpuSample } from '../processCpu';
import { median, round, spread, type Spread } from '../stats';

export interface Side {
  /** Wall time of one run in the page, ms. */
  time: Spread;
  /** Median CPU time per run of the browser's processes, by kind and by thread, ms (run plus settle). */
  cpu: CpuSample | null;
}

export interface Comparison {
  withExtension: Side;
  withoutExtension: Side;
  /** median(with) / median(without) of the page's wall time: 1.03 is 3% slower. */
  ratio: number;
  /** Ratio of each interleaved pair, in order: their spread shows how noisy the machine was. */
  pairRatios: number[];
  /** Total browser CPU time per run, with / without (steadier than wall time on a busy machine). */
  cpuRatio: number | null;
}

/** Time after each run for work the run left behind (the worker digesting events) to finish. */
const SETTLE_MS = 500;
const KINDS = ['page', 'extension', 'browser', 'other'] as const;

function medianCpu(samples: CpuSample[]): CpuSample | null {
  if (samples.length === 0) return null;
  const of = (kind: (typeof KINDS)[number]): number => median(samples.map((sample) => sample[kind]));
  const threads: Record<string, number> = {};
  for (const key of new Set(samples.flatMap((sample) => Object.keys(sample.threads)))) threads[key] = median(samples.map((sample) => sample.threads[key] ?? 0));
  return { page: of('page'), extension: of('extension'), browser: of('browser'), other: of('other'), threads };
}

const totalCpu = (cpu: CpuSample): number => KINDS.reduce((sum, kind) => sum + cpu[kind], 0);

interface SideRuns {
  browser: BenchBrowser;
  times: number[];
  cpu: CpuSample[];
}

/**
 * Runs `workload` alternately with and without the extension (ABBA order, so neither side is
 * always first), each run in a fresh tab, after one untimed warm-up run on each side. Returns
 * medians, the spread, and the ratios.
 */
export async function compareInterleaved(context: BenchContext, label: string, runs: number, workload: (page: Page) => Promise<number>): Promise<Comparison> {
  const withSide: SideRuns = { browser: context.withExtension, times: [], cpu: [] };
  const withoutSide: SideRuns = { browser: context.withoutExtension, times: [], cpu: [] };
  const runOnce = async (side: SideRuns, run: string, record: boolean): Promise<void> => {
    const page = await openBlankPage(side.browser, context.server, `${label}-${run}`);
    try {
      const before = await side.browser.cpu();
      const time = await workload(page);
      await sleep(SETTLE_MS);
      const after = await side.browser.cpu();
      if (!record) return;
      side.times.push(time);
      if (before && after) side.cpu.push(cpuDelta(before, after));
    } finally {
      await page.close();
    }
  };
  await runOnce(withSide, 'warmup', false);
  await runOnce(withoutSide, 'warmup', false);
  for (let run = 0; run < runs; run++) {
    const order = run % 2 === 0 ? [withSide, withoutSide] : [withoutSide, withSide];
    for (const side of order) await runOnce(side, String(run), true);
    context.log(`  ${label} run ${run + 1}/${runs}: with ${round(withSide.times.at(-1) ?? 0)} ms, without ${round(withoutSide.times.at(-1) ?? 0)} ms`);
  }
  const withCpu = medianCpu(withSide.cpu);
  const withoutCpu = medianCpu(withoutSide.cpu);
  const withTime = spread(withSide.times);
  const withoutTime = spread(withoutSide.times);
  return {
    withExtension: { time: withTime, cpu: withCpu },
    withoutExtension: { time: withoutTime, cpu: withoutCpu },
    ratio: withTime.median / withoutTime.median,
    pairRatios: withSide.times.map((time, i) => time / (withoutSide.times[i] ?? Number.NaN)),
    cpuRatio: withCpu && withoutCpu ? totalCpu(withCpu) / totalCpu(withoutCpu) : null,
  };
}
