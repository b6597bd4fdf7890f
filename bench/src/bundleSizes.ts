import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { CONTENT_SCRIPT_FILES } from '../../src/background/contentScriptFiles';

/** What every watched document loads: the two content scripts, raw and gzipped, in bytes. */
export interface BundleSizes {
  hook: { bytes: number; gzipBytes: number };
  relay: { bytes: number; gzipBytes: number };
}

async function sizeOf(file: string): Promise<{ bytes: number; gzipBytes: number }> {
  await stat(file).catch(() => {
    throw new Error(`${file} is missing: build first (npm run build), or pass --dist=<build directory>`);
  });
  const content = await readFile(file);
  return { bytes: content.length, gzipBytes: gzipSync(content).length };
}

export async function bundleSizes(distDir: string): Promise<BundleSizes> {
  return { hook: await sizeOf(path.join(distDir, CONTENT_SCRIPT_FILES.hook)), relay: await sizeOf(path.join(distDir, CONTENT_SCRIPT_FILES.relay)) };
}
