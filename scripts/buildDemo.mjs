// @ts-check
/**
 * Bundles the demo chat page (demo/page/app.tsx, real stream-chat SDK + Preact) into
 * demo/dist/app.js. stream-chat v9 has no single browser bundle, so the page needs a bundler.
 * Usage: node scripts/buildDemo.mjs
 */
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { relative } from 'node:path';

const root = fileURLToPath(new URL('..', import.meta.url));
const entry = fileURLToPath(new URL('../demo/page/app.tsx', import.meta.url));
const outfile = fileURLToPath(new URL('../demo/dist/app.js', import.meta.url));

/**
 * Builds the demo bundle.
 * @param {{ minify?: boolean }} [options]
 * @returns {Promise<string>} the path of the bundle
 */
export async function buildDemo(options = {}) {
  const started = Date.now();
  const result = await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'browser',
    format: 'iife',
    target: ['chrome111', 'firefox128'],
    minify: options.minify ?? false,
    sourcemap: 'inline',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    define: { 'process.env.NODE_ENV': '"development"' },
    logLevel: 'warning',
    metafile: true,
  });
  const bytes = Object.values(result.metafile.outputs).reduce((sum, o) => sum + o.bytes, 0);
  console.log(
    `demo built: ${relative(root, outfile)} (${Math.round(bytes / 1024)} KiB incl. inline source map) in ${Date.now() - started} ms`,
  );
  return outfile;
}

const isMain = process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1];
if (isMain) {
  try {
    await buildDemo();
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  }
}
