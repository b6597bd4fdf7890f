// @ts-check
/**
 * The Chrome package as a user installs it: unzips release/onesocket-chrome-<version>.zip into a
 * fresh folder and runs the demo's browser tests (e2e/demoScenarios.spec.ts: the real stream-chat
 * SDK against the fake backend, read in the OneSocket panel) with Chromium loading that folder
 * unpacked (ONESOCKET_DIST). Needs `npm run package` and `npm run build:demo` first.
 * Usage: node scripts/testReleaseZip.mjs [extra Playwright arguments]
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { unzipSync } from 'fflate';

const root = path.resolve(import.meta.dirname, '..');
const { version } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const zipFile = path.join(root, 'release', `onesocket-chrome-${version}.zip`);

let archive;
try {
  archive = readFileSync(zipFile);
} catch {
  console.error(`test:release: ${path.relative(root, zipFile)} not found: run \`npm run package\` first`);
  process.exit(2);
}

const unpacked = mkdtempSync(path.join(os.tmpdir(), 'onesocket-release-'));
let status = 1;
try {
  for (const [name, bytes] of Object.entries(unzipSync(archive))) {
    if (name.endsWith('/')) continue;
    const target = path.resolve(unpacked, name);
    if (!target.startsWith(unpacked + path.sep)) throw new Error(`the zip names a file outside its folder: ${name}`);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, bytes);
  }
  console.log(`test:release: ${path.relative(root, zipFile)} unzipped; the demo's browser tests run against it`);
  const run = spawnSync('npx', ['playwright', 'test', 'e2e/demoScenarios.spec.ts', ...process.argv.slice(2)], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, ONESOCKET_DIST: unpacked },
  });
  status = run.status ?? 1;
} finally {
  rmSync(unpacked, { recursive: true, force: true });
}
process.exit(status);
