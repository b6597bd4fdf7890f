/**
 * Builds OneSocket with one of bench/variants' patches applied, for `compareBuilds.ts`: what a
 * part of the hook costs is the difference between the build with it and a build without it, in
 * the same rounds. The patches take out parts of the frame path on purpose (they break the
 * product); they exist to show what each guarantee costs (bench/README.md, "What the frame
 * path's guarantees cost"). The working tree is never touched: the sources are copied to a
 * temporary directory, patched and built there (`--minify false`, so profiles name functions).
 *
 *   node --import ./scripts/tsLoader.mjs bench/buildVariant.ts exact-size-only --outDir=/tmp/dist-exact
 */
import { execFileSync } from 'node:child_process';
import { cp, mkdtemp, readdir, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';

const ROOT = path.resolve(import.meta.dirname, '..');
const VARIANTS_DIR = path.join(import.meta.dirname, 'variants');
/** What `vite build` reads; node_modules is linked, not copied. */
const BUILD_INPUTS = ['src', 'manifest.json', 'vite.config.ts', 'package.json', 'tsconfig.json'];

const variants = (await readdir(VARIANTS_DIR)).filter((name) => name.endsWith('.patch')).map((name) => name.slice(0, -'.patch'.length));
const { values: flags, positionals } = parseArgs({ allowPositionals: true, options: { outDir: { type: 'string' } } });
const variant = positionals[0];
if (positionals.length !== 1 || variant === undefined || !variants.includes(variant) || flags.outDir === undefined) {
  console.error(`usage: bench/buildVariant.ts VARIANT --outDir=DIR   (a variant: ${variants.join(', ')})`);
  process.exit(2);
}
const outDir = path.resolve(flags.outDir);

const work = await mkdtemp(path.join(tmpdir(), `onesocket-${variant}-`));
try {
  for (const input of BUILD_INPUTS) await cp(path.join(ROOT, input), path.join(work, input), { recursive: true });
  await symlink(path.join(ROOT, 'node_modules'), path.join(work, 'node_modules'));
  // A patch that no longer applies (the code it cuts has changed) fails here, saying where.
  execFileSync('git', ['apply', path.join(VARIANTS_DIR, `${variant}.patch`)], { cwd: work, stdio: 'inherit' });
  execFileSync(path.join(ROOT, 'node_modules/.bin/vite'), ['build', '--minify', 'false', '--logLevel', 'warn', '--outDir', outDir], { cwd: work, stdio: 'inherit' });
  console.log(`${variant}: built in ${outDir}`);
} finally {
  await rm(work, { recursive: true, force: true });
}
