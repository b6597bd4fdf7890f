/**
 * Where does the extension's time go? Runs one benchmark workload in a page with OneSocket
 * loaded under the V8 sampling profiler (CDP Profiler domain) of the page (the isolated relay
 * shares the page's isolate, so it is in that profile too) and of the extension's service worker,
 * prints the functions with the most self time in each and writes the .cpuprofile files (open
 * them in DevTools' Performance panel) under bench/results/profiles/ (not committed). Then the
 * self time by script (hook.js, relay.js, the page's, GC, the browser's native work): per frame
 * for the exchanges, the share of a frame each part costs; with `--dist=bench/floors/listener`
 * the same for the floor.
 *
 *   node --import ./scripts/tsLoader.mjs bench/profile.ts small|serial|large|churn|scale [--dist=dist] [--without] [--panel]
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { CdpSession, listTargets } from '../e2e/support/cdp';
import { startFixtureServer } from '../e2e/support/fixtureServer';
import { openBlankPage } from './src/benchContext';
import { launchBenchBrowser } from './src/browsers';
import { openPanelFor } from './src/panel';
import { churnInPage, exchangeInPage, scaleWaveInPage } from './src/pageWorkloads';
import { feedUrl } from './src/scenarios/scale';
import { selfTimeByFunction, selfTimeByScript, type CpuProfile } from './src/cpuProfile';
import { round } from './src/stats';

const ROOT = path.resolve(import.meta.dirname, '..');
const { values: flags, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    dist: { type: 'string', default: path.join(ROOT, 'dist') },
    without: { type: 'boolean', default: false },
    /** Also open the panel (standalone) on the page's tab and profile it. */
    panel: { type: 'boolean', default: false },
  },
});
const workloadName = positionals[0] ?? 'small';
/** The exchanges of the bench: a burst of small frames, a serial echo (bench: per frame) and large frames. */
const SMALL_EXCHANGE = { messages: 50_000, size: 100, inFlight: 100 };
const EXCHANGES: Record<string, typeof SMALL_EXCHANGE> = {
  small: SMALL_EXCHANGE,
  serial: { messages: 20_000, size: 100, inFlight: 1 },
  large: { messages: 2_000, size: 64 * 1024, inFlight: 8 },
};

const server = await startFixtureServer();
const browser = await launchBenchBrowser({ distDir: flags.dist, withExtension: !flags.without });
try {
  const page = await openBlankPage(browser, server, `profile-${workloadName}`);
  const url = `${server.wsOrigin}/profile`;
  let wave = 0;
  const scaleWave = async (): Promise<number> => {
    const started = Date.now();
    const urls = Array.from({ length: 200 }, (_, i) => feedUrl(server.wsOrigin, 200 * wave + i));
    wave++;
    await page.evaluate(scaleWaveInPage, { urls, messagesPerSocket: 50, size: 100, close: true });
    return Date.now() - started;
  };
  const run = (): Promise<number> =>
    workloadName === 'churn'
      ? page.evaluate(churnInPage, { url, sockets: 2_000, lanes: 10 })
      : workloadName === 'scale'
        ? scaleWave()
        : page.evaluate(exchangeInPage, { url, ...(EXCHANGES[workloadName] ?? SMALL_EXCHANGE) });
  await run(); // warm-up: JIT and caches, as in the benchmark
  const targets: Array<{ name: string; send: (method: string, params?: Record<string, unknown>) => Promise<unknown> }> = [];
  const profilePage = async (name: string, target: typeof page): Promise<void> => {
    const session = await browser.context.newCDPSession(target);
    targets.push({ name, send: (method, params = {}) => session.send(method as 'Profiler.start', params) });
  };
  await profilePage('page', page);
  if (flags.panel) await profilePage('panel', (await openPanelFor(browser, page)).panel);
  let workerCdp: CdpSession | null = null;
  if (browser.extension) {
    const worker = (await listTargets(browser.debuggingPort)).find((target) => target.type === 'service_worker' && target.url.includes(browser.extension?.id ?? '?'));
    if (worker) {
      const session = await CdpSession.connect(worker.webSocketDebuggerUrl);
      workerCdp = session;
      targets.push({ name: 'worker', send: (method, params) => session.send(method, params) });
    }
  }
  for (const target of targets) {
    await target.send('Profiler.enable');
    await target.send('Profiler.setSamplingInterval', { interval: 100 });
    await target.send('Profiler.start');
  }
  const elapsed = await run();
  await new Promise((resolve) => setTimeout(resolve, workloadName === 'scale' ? 5_000 : 500)); // the worker's trailing work
  console.log(`${workloadName}: ${round(elapsed)} ms in the page.`);
  const dir = path.join(ROOT, 'bench/results/profiles');
  await mkdir(dir, { recursive: true });
  for (const target of targets) {
    const { profile } = (await target.send('Profiler.stop')) as { profile: CpuProfile };
    const total = (profile.endTime - profile.startTime) / 1000;
    console.log(`\n${target.name}: profile spans ${round(total)} ms. Self time, top 25:`);
    for (const [name, ms] of selfTimeByFunction(profile).slice(0, 25)) console.log(`${String(round(ms)).padStart(9)} ms  ${String(round((100 * ms) / total)).padStart(5)}%  ${name}`);
    const exchange = EXCHANGES[workloadName];
    // Per frame (sent and received both count) for the exchanges: what each script costs a frame.
    const frames = exchange ? exchange.messages * 2 : 0;
    console.log(`${target.name}: self time by script${frames ? `, and µs per frame of the ${frames} frames` : ''}:`);
    for (const [script, ms] of selfTimeByScript(profile)) console.log(`${String(round(ms)).padStart(9)} ms${frames ? `  ${String(round((ms * 1000) / frames)).padStart(7)} µs/frame` : ''}  ${script}`);
    const file = path.join(dir, `${workloadName}-${target.name}${flags.without ? '-without' : ''}.cpuprofile`);
    await writeFile(file, JSON.stringify(profile));
    console.log(`Wrote ${path.relative(process.cwd(), file)}`);
  }
  workerCdp?.close();
} finally {
  await browser.close();
  await server.close();
}
