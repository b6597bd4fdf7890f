import { build } from 'esbuild';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

const PAGES = path.resolve(import.meta.dirname, '../pages/causes');

/** A page of e2e/pages/causes/ built as the app's dev server would: inline source maps, React's development build. */
async function bundle(entry: string): Promise<string> {
  const result = await build({
    entryPoints: [path.join(PAGES, entry)],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    sourcemap: 'inline',
    sourceRoot: '/',
    jsx: 'automatic',
    define: { 'process.env.NODE_ENV': '"development"' },
    logLevel: 'silent',
  });
  return result.outputFiles[0]?.text ?? '';
}

export interface CausePageServer {
  /** The page's URL: it connects to the fake backend given. */
  url(backendURL: string): string;
  close(): Promise<void>;
}

/**
 * Serves `/<name>.html` loading the given scripts (each its own bundle, `file name -> entry`)
 * from a server of its own on 127.0.0.1: Chrome lets a page reach the local backend only from a
 * local address, which a routed response is not. The page reads the backend from `?backend=`.
 */
export async function causePageServer(name: string, scripts: Record<string, string>): Promise<CausePageServer> {
  const bundles = new Map(await Promise.all(Object.entries(scripts).map(async ([file, entry]) => [file, await bundle(entry)] as const)));
  const server = createServer((request, response) => {
    const file = new URL(request.url ?? '/', 'http://localhost').pathname.slice(1);
    const tags = [...bundles.keys()].map((script) => `<script src="/${script}"></script>`).join('');
    const body = file === `${name}.html` ? `<!doctype html><title>${name}</title><div id="root"></div>${tags}` : bundles.get(file);
    response.writeHead(body === undefined ? 404 : 200, { 'content-type': file.endsWith('.html') ? 'text/html' : 'text/javascript' });
    response.end(body ?? 'not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: (backendURL) => `${origin}/${name}.html?backend=${encodeURIComponent(backendURL)}`,
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
