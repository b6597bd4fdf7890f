// @ts-check
/**
 * Lets Node 20 run the benchmark's TypeScript as is: `node --import ./bench/tsLoader.mjs bench/run.ts`.
 * Node 20 cannot strip types, and bundling would move `import.meta.dirname`, which the e2e
 * support modules the benchmark reuses rely on; so each .ts file is transpiled in place with
 * the project's esbuild (see tsHooks.mjs).
 */
import { register } from 'node:module';

register('./tsHooks.mjs', import.meta.url);
