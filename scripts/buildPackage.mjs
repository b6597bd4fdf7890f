// @ts-check
/**
 * Builds what the npm package runs, into package-dist/ (the `prepack` step, after the extension
 * build): the CLI and the library entry points compiled to plain JavaScript, so an installed
 * package needs no TypeScript loader, and their type declarations.
 * - esbuild bundles each entry with our own modules and the small libraries they use, for Node;
 *   @playwright/test stays external: it is a peer dependency, the team's own copy, so the
 *   fixture extends the very `test` their runner knows.
 * - tsc writes the .d.ts files (esbuild writes none).
 * Usage: node scripts/buildPackage.mjs
 */
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = fileURLToPath(new URL('../package-dist/', import.meta.url));

await rm(out, { recursive: true, force: true });
await build({
  absWorkingDir: root,
  entryPoints: {
    cli: 'src/cli/main.ts',
    index: 'src/cli/index.ts',
    playwright: 'src/cli/playwright/index.ts',
    eslint: 'src/eslint/index.ts',
  },
  outdir: out,
  outExtension: { '.js': '.mjs' },
  bundle: true,
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // eslint is the team's own too (the plugin's only import of it is types).
  external: ['@playwright/test', 'eslint'],
  // cli.mjs is the package's bin; a hashbang is allowed at the top of any module, so all get it.
  banner: { js: '#!/usr/bin/env node' },
  // A bundle shares one folder: import.meta.dirname is package-dist/ for every module, which
  // packageRoot() handles by walking up to our package.json.
  logLevel: 'warning',
});
const tsc = spawnSync(process.execPath, [fileURLToPath(new URL('../node_modules/typescript/bin/tsc', import.meta.url)), '-p', 'tsconfig.package.json'], { cwd: root, stdio: 'inherit' });
if (tsc.status !== 0) {
  console.error('buildPackage: tsc could not write the type declarations');
  process.exit(1);
}
console.log('package built: package-dist/ (cli.mjs, index.mjs, playwright.mjs, eslint.mjs, types/)');
