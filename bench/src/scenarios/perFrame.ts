/**
 * Per frame: 100 B text messages echoed by the loopback server, in the four browsers of the
 * floor comparison, a tenth of the exchange per browser per round (src/floors.ts). *Serial*: one message in flight, the page sends the next when the echo
 * arrives (a chat that answers each event). *Burst*: 100 in flight (a flood). The figure is the
 * page renderer's main-thread task time per frame (sent and received both count), from before
 * the first send until the hook's last flush has left (the settle time covers its longest
 * wait); OneSocket's own share is its cost over `floor-listener`, the least any observer costs.
 */
import type { CDPSession, Page } from '@playwright/test';
import type { FixtureServer } from '../../../e2e/support/fixtureServer';
import { sleep } from '../benchContext';
import type { BenchBrowser } from '../browsers';
import { extensionTimeMs, startProfiler, stopProfiler } from '../cpuProfile';
import { compareWithFloors, type FloorBrowsers, type FloorComparison } from '../floors';
import { exchangeInPage, syntheticFramesInPage } from '../pageWorkloads';
import { cpuDelta, pageMainCpuDelta } from '../processCpu';
import { taskTimeMs, taskTimer } from '../taskTime';

export const PER_FRAME_TARGET_US = 2;
const FRAME_BYTES = 100;
/**
 * The exchange ends by closing its socket, and the hook ships a closing socket's frames within
 * 20 ms (its busy windows last a second): so the round's clock covers the hook's last flush.
 */
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

export interface SyntheticRun {
  /** Frames each way per round. */
  frames: number;
  rounds: number;
  /** µs per synthetic `message` event dispatched to the socket (all its listeners run). */
  received: FloorComparison;
  /** µs per `send()`. */
  sent: FloorComparison;
}

export interface ProfiledRun {
  messages: number;
  inFlight: number;
  /**
   * µs per frame the page's main thread spent in the extension's own code, by the V8 profiler:
   * its scripts, the built-ins they called, and the garbage collector (cpuProfile.ts). No
   * extension: the garbage collector only.
   */
  ownCode: FloorComparison;
}

export interface PerFrameResult {
  bytes: number;
  serial: PerFrameRun;
  burst: PerFrameRun;
  synthetic: SyntheticRun;
  /** The same exchanges under the profiler: whose code the frames' time went to. */
  profiled?: { serial: ProfiledRun; burst: ProfiledRun };
  /** Target for each `overFloor` (OneSocket over floor-listener), µs per frame. */
  targetUs: number;
}

/** Rounds per rep: each measures a tenth of the exchange in every browser in turn (src/floors.ts). */
const ROUNDS = 10;

/** One exchange of the per-frame workload: `messages` 100 B texts, `inFlight` at once, echoed. */
export interface FrameExchange {
  url: string;
  messages: number;
  inFlight: number;
}

/** Sets a page exchanging frames: a new page at the blank fixture, `tag` in its URL, warmed by one exchange. */
export async function openExchangePage(browser: BenchBrowser, server: FixtureServer, tag: string, exchange: FrameExchange): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(`${server.origin}/blank.html?${tag}`);
  // Warm-up: the page's and the hook's code compiled and optimised before the clock runs.
  await runExchange(page, exchange);
  return page;
}

/** One exchange, then the settle time, so the hook's last flush of it is done too. */
async function runExchange(page: Page, { url, messages, inFlight }: FrameExchange): Promise<void> {
  await page.evaluate(exchangeInPage, { url, messages, size: FRAME_BYTES, inFlight });
  await sleep(SETTLE_MS);
}

/** One measured exchange, µs per frame (sent and received both count); `cdp`: the page's taskTimer. */
export async function measureExchangeRound(browser: BenchBrowser, page: Page, cdp: CDPSession, exchange: FrameExchange): Promise<Record<'taskTime' | 'pageCpu' | 'browserCpu', number>> {
  const before = { task: await taskTimeMs(cdp), cpu: await browser.cpu() };
  await runExchange(page, exchange);
  const task = (await taskTimeMs(cdp)) - before.task;
  const after = await browser.cpu();
  const cpu = before.cpu && after ? cpuDelta(before.cpu, after) : null;
  const perFrameUs = (ms: number): number => (ms * 1000) / (exchange.messages * 2);
  return {
    taskTime: perFrameUs(task),
    pageCpu: before.cpu && after ? perFrameUs(pageMainCpuDelta(before.cpu, after)) : Number.NaN,
    browserCpu: cpu ? perFrameUs(cpu.page + cpu.extension + cpu.browser + cpu.other) : Number.NaN,
  };
}

async function measureExchange(
  browsers: FloorBrowsers,
  server: FixtureServer,
  { reps, messages, inFlight, log }: { reps: number; messages: number; inFlight: number; log: (line: string) => void },
): Promise<PerFrameRun> {
  const exchange = { url: `${server.wsOrigin}/echo`, messages: Math.ceil(messages / ROUNDS), inFlight };
  const metrics = ['taskTime', 'pageCpu', 'browserCpu'] as const;
  const comparisons = await compareWithFloors(browsers, { reps, rounds: ROUNDS, floor: 'floor-listener', metrics }, async (browser, variant, rep) => {
    const page = await openExchangePage(browser, server, `frames=${variant}-${rep}`, exchange);
    const cdp = await taskTimer(page);
    return { round: () => measureExchangeRound(browser, page, cdp, exchange), close: () => page.close() };
  }, log);
  return { messages: exchange.messages * ROUNDS, inFlight, frames: exchange.messages * 2 * ROUNDS, ...comparisons };
}

/** The hook's own work per frame, hot (pageWorkloads.ts, syntheticFramesInPage): no network in the timed loops. */
async function measureSynthetic(
  browsers: FloorBrowsers,
  server: FixtureServer,
  { reps, frames, log }: { reps: number; frames: number; log: (line: string) => void },
): Promise<SyntheticRun> {
  const { received, sent } = await compareWithFloors(browsers, { reps, rounds: ROUNDS, floor: 'floor-listener', metrics: ['received', 'sent'] }, async (browser, variant, rep) => {
    const page = await browser.context.newPage();
    await page.goto(`${server.origin}/blank.html?synthetic=${variant}-${rep}`);
    const args = { url: `${server.wsOrigin}/synthetic`, frames, size: FRAME_BYTES };
    await page.evaluate(syntheticFramesInPage, args); // warm-up
    return {
      async round() {
        const { inUs, outUs } = await page.evaluate(syntheticFramesInPage, args);
        return { received: inUs, sent: outUs };
      },
      close: () => page.close(),
    };
  }, log);
  return { frames, rounds: ROUNDS, received, sent };
}

/** Rounds per rep under the profiler: its figure is a count of samples, steadier than a clock. */
const PROFILED_ROUNDS = 5;

/**
 * The exchange again, profiled: what the main thread's time per frame went to. The A/B figures
 * above carry the machine's noise (±5 µs per frame); the profile says how much of a frame was
 * the extension's own code, whatever else the machine did meanwhile.
 */
async function measureProfiled(
  browsers: FloorBrowsers,
  server: FixtureServer,
  { reps, messages, inFlight, log }: { reps: number; messages: number; inFlight: number; log: (line: string) => void },
): Promise<ProfiledRun> {
  const exchange = { url: `${server.wsOrigin}/echo`, messages: Math.ceil(messages / ROUNDS), inFlight };
  const { ownCode } = await compareWithFloors(browsers, { reps, rounds: PROFILED_ROUNDS, floor: 'floor-listener', metrics: ['ownCode'] }, async (browser, variant, rep) => {
    const page = await openExchangePage(browser, server, `profiled=${variant}-${rep}`, exchange);
    const cdp = await page.context().newCDPSession(page);
    return {
      async round() {
        await startProfiler(cdp);
        await runExchange(page, exchange);
        return { ownCode: (extensionTimeMs(await stopProfiler(cdp)) * 1000) / (exchange.messages * 2) };
      },
      close: () => page.close(),
    };
  }, log);
  return { messages: exchange.messages * PROFILED_ROUNDS, inFlight, ownCode };
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
  log(' synthetic…');
  const synthetic = await measureSynthetic(browsers, server, { reps, frames: Math.ceil(messages / ROUNDS), log });
  log(' profiled…');
  const profiled = {
    serial: await measureProfiled(browsers, server, { reps, messages, inFlight: 1, log }),
    burst: await measureProfiled(browsers, server, { reps, messages, inFlight: 100, log }),
  };
  return { bytes: FRAME_BYTES, serial, burst, synthetic, profiled, targetUs: PER_FRAME_TARGET_US };
}
