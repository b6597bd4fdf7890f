/**
 * Per frame: 100 B text messages echoed by the loopback server, in the four browsers of the
 * floor comparison. *Serial*: one message in flight, the page sends the next when the echo
 * arrives (a chat that answers each event). *Burst*: 100 in flight (a flood). The figure is the
 * page renderer's main-thread task time per frame (sent and received both count), from before
 * the first send until the hook's last flush has left (the settle time covers its longest
 * wait); OneSocket's own share is its cost over `floor-listener`, the least any observer costs.
 */
import type { FixtureServer } from '../../../e2e/support/fixtureServer';
import { sleep } from '../benchContext';
import { compareWithFloors, type FloorBrowsers, type FloorComparison } from '../floors';
import { exchangeInPage } from '../pageWorkloads';
import { cpuDelta } from '../processCpu';
import { taskTimeMs, taskTimer } from '../taskTime';

export const PER_FRAME_TARGET_US = 2;
const FRAME_BYTES = 100;
/** Longer than the hook's longest batching delay (250 ms while a socket is busy). */
const SETTLE_MS = 400;

export interface PerFrameRun {
  messages: number;
  inFlight: number;
  frames: number;
  /** Chromium's task time of the page's main thread, µs per frame: the figure the target is for. */
  taskTime: FloorComparison;
  /** CPU time of the page's main thread (/proc), µs per frame: what the page lives through, steadier on a busy machine. */
  pageCpu: FloorComparison;
  /** CPU time of all the browser's processes (worker, browser process, network…), µs per frame: the machine's bill. */
  browserCpu: FloorComparison;
}

export interface PerFrameResult {
  bytes: number;
  serial: PerFrameRun;
  burst: PerFrameRun;
  /** Target for each `overFloor` (OneSocket over floor-listener), µs per frame. */
  targetUs: number;
}

async function measureExchange(
  browsers: FloorBrowsers,
  server: FixtureServer,
  { reps, messages, inFlight, log }: { reps: number; messages: number; inFlight: number; log: (line: string) => void },
): Promise<PerFrameRun> {
  const url = `${server.wsOrigin}/echo`;
  const frames = messages * 2;
  const metrics = ['taskTime', 'pageCpu', 'browserCpu'] as const;
  const comparisons = await compareWithFloors(browsers, { reps, floor: 'floor-listener', metrics }, async (browser, variant, rep) => {
    const page = await browser.context.newPage();
    try {
      await page.goto(`${server.origin}/blank.html?frames=${variant}-${rep}`);
      // Warm-up: the page's and the hook's code compiled and optimised before the clock runs.
      await page.evaluate(exchangeInPage, { url, messages: Math.min(2_000, messages), size: FRAME_BYTES, inFlight });
      await sleep(SETTLE_MS);
      const cdp = await taskTimer(page);
      const before = { task: await taskTimeMs(cdp), cpu: await browser.cpu() };
      await page.evaluate(exchangeInPage, { url, messages, size: FRAME_BYTES, inFlight });
      await sleep(SETTLE_MS);
      const task = (await taskTimeMs(cdp)) - before.task;
      const after = await browser.cpu();
      const cpu = before.cpu && after ? cpuDelta(before.cpu, after) : null;
      const perFrameUs = (ms: number): number => (ms * 1000) / frames;
      return {
        taskTime: perFrameUs(task),
        pageCpu: cpu ? perFrameUs(cpu.threads['page:main'] ?? 0) : Number.NaN,
        browserCpu: cpu ? perFrameUs(cpu.page + cpu.extension + cpu.browser + cpu.other) : Number.NaN,
      };
    } finally {
      await page.close();
    }
  }, log);
  return { messages, inFlight, frames, ...comparisons };
}

export async function measurePerFrame(
  browsers: FloorBrowsers,
  server: FixtureServer,
  { reps, messages, log }: { reps: number; messages: number; log: (line: string) => void },
): Promise<PerFrameResult> {
  log(' serial…');
  const serial = await measureExchange(browsers, server, { reps, messages, inFlight: 1, log });
  log(' burst…');
  const burst = await measureExchange(browsers, server, { reps, messages, inFlight: 100, log });
  return { bytes: FRAME_BYTES, serial, burst, targetUs: PER_FRAME_TARGET_US };
}
