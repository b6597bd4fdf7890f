// @ts-check
/**
 * Module hooks (node:module register) that load .ts files through esbuild's transform: types
 * stripped, nothing bundled, so every module keeps its own URL. TypeScript sources import each
 * other without extensions (tsconfig "Bundler" resolution), so a relative import from a .ts file
 * that Node cannot find is retried with `.ts`, then as a folder's `index.ts`. A .json file imported from a .ts file loads as a
 * module whose default export is the parsed JSON (what the bundler does; Node would demand an
 * import attribute the sources do not carry).
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { transform } from 'esbuild';

/**
 * @param {string} specifier
 * @param {{ parentURL?: string }} context
 * @param {(specifier: string, context: object) => Promise<{ url: string }>} nextResolve
 */
export async function resolve(specifier, context, nextResolve) {
  try {
    return await nextResolve(specifier, context);
  } catch (error) {
    const fromTypeScript = context.parentURL?.endsWith('.ts') ?? false;
    if (!fromTypeScript || !/^\.{1,2}\//.test(specifier) || /\.[cm]?[jt]s$/.test(specifier)) throw error;
    try {
      return await nextResolve(`${specifier}.ts`, context);
    } catch {
      return nextResolve(`${specifier}/index.ts`, context);
    }
  }
}

/**
 * @param {string} url
 * @param {object} context
 * @param {(url: string, context: object) => Promise<object>} nextLoad
 */
export async function load(url, context, nextLoad) {
  if (url.startsWith('file:') && url.endsWith('.json')) {
    const json = JSON.parse(await readFile(fileURLToPath(url), 'utf8'));
    return { format: 'module', source: `export default ${JSON.stringify(json)};`, shortCircuit: true };
  }
  if (!url.startsWith('file:') || !url.endsWith('.ts')) return nextLoad(url, context);
  const source = await readFile(fileURLToPath(url), 'utf8');
  const { code } = await transform(source, { loader: 'ts', format: 'esm', target: 'node20', sourcefile: fileURLToPath(url), sourcemap: 'inline' });
  return { format: 'module', source: code, shortCircuit: true };
}
