/**
 * What does each content script cost a document? Loads the per-document page
 * (e2e/pages/iframes-50.html, 51 documents) in a headless Chromium per build under Chromium's
 * tracing, and prints the thread time of each extension script's evaluation (the `v8.run` trace
 * event of hook.js and relay.js) per document: the median over every document loaded, with the
 * quartiles. Builds take turns, `--rounds` times, so a slow spell of the machine falls on each.
 *
 * A per-document figure of `npm run bench` (the renderer's whole task time) moves by a millisecond
 * between runs here; this one isolates the scripts' own evaluation, and its median moves by tens
 * of µs. It is how the per-document changes were chosen (bench/README.md). It does not see
 * what a script costs outside its evaluation (the listeners it leaves, the garbage it makes).
 *
 *   node --import ./scripts/tsLoader.mjs bench/documentScripts.ts floor-empty dist [/tmp/dist-b…] [--loads=3] [--rounds=2]
 */
import { parseArgs } from 'node:util';
import { startFixtureServer, type FixtureServer } from '../e2e/support/fixtureServer';
import { extensionDir } from './src/floors';
import { launchBenchBrowser } from './src/browsers';
import { DOCUMENTS_PER_PAGE } from './src/scenarios/perDocument';
import { CONTENT_SCRIPTS, contentScriptTimes, type ContentScript } from './src/scriptTrace';
import { median } from './src/stats';


const { values: flags, positionals: builds } = parseArgs({
  allowPositionals: true,
  options: { loads: { type: 'string', default: '3' }, rounds: { type: 'string', default: '2' } },
});
const loads = Number(flags.loads);
const rounds = Number(flags.rounds);
if (builds.length < 1 || !Number.isInteger(loads) || loads < 1 || !Number.isInteger(rounds) || rounds < 1) {
  console.error('usage: bench/documentScripts.ts BUILD [BUILD…] [--loads=N] [--rounds=N]   (a build: a dist directory, floor-empty or floor-listener)');
  process.exit(2);
}

/** `loads` loads of the page in a fresh browser of the build, warmed by one load. */
async function scriptTimes(distDir: string, server: FixtureServer, round: number): Promise<Record<ContentScript, number[]>> {
  const browser = await launchBenchBrowser({ distDir, withExtension: true });
  try {
    const page = await browser.context.newPage();
    await page.goto(`${server.origin}/iframes-50.html?warm-up`);
    return await contentScriptTimes(browser, async () => {
      for (let load = 0; load < loads; load++) await page.goto(`${server.origin}/iframes-50.html?round=${round}&load=${load}`, { waitUntil: 'load' });
    });
  } finally {
    await browser.close();
  }
}

function quartiles(values: number[]): string {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number): number => sorted[Math.floor(q * (sorted.length - 1))] ?? Number.NaN;
  return `${median(sorted).toFixed(0).padStart(5)} µs (quartiles ${at(0.25).toFixed(0)} … ${at(0.75).toFixed(0)})`;
}

const server = await startFixtureServer();
try {
  const all = builds.map((): Record<ContentScript, number[]> => ({ 'hook.js': [], 'relay.js': [] }));
  for (let round = 0; round < rounds; round++) {
    for (const [i, build] of builds.entries()) {
      const times = await scriptTimes(extensionDir(build), server, round);
      for (const script of CONTENT_SCRIPTS) all[i]?.[script].push(...times[script]);
    }
  }
  console.log(`Thread time of each content script's evaluation, per document (${rounds * loads * DOCUMENTS_PER_PAGE} documents a build):`);
  for (const [i, build] of builds.entries()) {
    for (const script of CONTENT_SCRIPTS) console.log(`${build.padEnd(24)} ${script.padEnd(9)} ${quartiles(all[i]?.[script] ?? [])}`);
  }
} finally {
  await server.close();
}
