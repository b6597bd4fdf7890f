// @ts-check
/**
 * Lets Node 20 run the project's TypeScript as is (the benchmark: `node --import
 * ./scripts/tsLoader.mjs bench/run.ts`; the CLI's bin/onesocket.mjs registers the same hooks).
 * Node 20 cannot strip types, and bundling would move `import.meta.dirname`, which the modules
 * rely on; so each .ts file is transpiled in place with the project's esbuild (see tsHooks.mjs).
 */
import { register } from 'node:module';

register('./tsHooks.mjs', import.meta.url);
