import { chromium, type BrowserContext, type Worker } from '@playwright/test';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { debuggingPort } from '../../e2e/support/cdp';
import { extensionWorker } from '../../e2e/support/extension';
import { extensionLaunchOptions } from '../../scripts/chromium.mjs';
import { browserCpu, type CpuSample } from './processCpu';

export interface BenchBrowser {
  context: BrowserContext;
  /** The browser's profile (user data) directory: its processes carry it on their command line. */
  profileDir: string;
  /** Port of the browser's DevTools endpoint, for the raw CDP client (service worker heap). */
  debuggingPort: number;
  /** Present when the extension is loaded. */
  extension: { worker: Worker; id: string } | null;
  /** CPU time used so far by this browser's processes (null without /proc). */
  cpu(): Promise<CpuSample | null>;
  close(): Promise<void>;
}

const EXTENSION_FLAGS = /^--(load-extension|disable-extensions-except)=/;

/**
 * Headless Chromium with or without OneSocket. Both get the very same command line from
 * scripts/chromium.mjs, less the two flags that load the extension, so the extension is the
 * only difference between the runs a ratio compares.
 */
export async function launchBenchBrowser({ distDir, withExtension }: { distDir: string; withExtension: boolean }): Promise<BenchBrowser> {
  const profile = await mkdtemp(path.join(os.tmpdir(), 'onesocket-bench-'));
  const options = extensionLaunchOptions({ distDir, headless: true, extraArgs: ['--remote-debugging-port=0'] });
  if (!withExtension) options.args = (options.args ?? []).filter((arg) => !EXTENSION_FLAGS.test(arg));
  const context = await chromium.launchPersistentContext(profile, options);
  let extension: BenchBrowser['extension'] = null;
  if (withExtension) {
    const worker = await extensionWorker(context);
    extension = { worker, id: new URL(worker.url()).host };
  }
  return {
    context,
    profileDir: profile,
    debuggingPort: await debuggingPort(profile),
    extension,
    cpu: () => browserCpu(profile),
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}
