import { chromium, type BrowserContext, type Worker } from '@playwright/test';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Settings } from '../core/types';
import { SETTINGS_KEY } from '../common/storageLayout';
import { contentScriptsRegistered, extensionLaunchOptions } from './chromium.mjs';
import { AuditError, messageOf } from './errors';
import { extensionDir } from './extensionDir';

/** Chromium with OneSocket loaded, in a throwaway profile: what the audit and the fixture run. */
export interface OneSocketBrowser {
  context: BrowserContext;
  /** The extension's service worker, where the tab records are read. */
  worker: Worker;
  close(): Promise<void>;
}

export const MISSING_BROWSER_HELP =
  'Install Chromium (Debian/Ubuntu: apt-get install chromium; elsewhere: npx playwright install chromium) or point ONESOCKET_CHROMIUM at a Chromium binary.';

export async function launchOneSocket(options: { settings?: Settings | null; headless?: boolean; log?: (line: string) => void }): Promise<OneSocketBrowser> {
  const distDir = extensionDir(options.log ?? (() => undefined));
  const profile = await mkdtemp(path.join(os.tmpdir(), 'onesocket-'));
  const removeProfile = (): Promise<void> => rm(profile, { recursive: true, force: true });
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(profile, extensionLaunchOptions({ distDir, headless: options.headless ?? true }));
  } catch (error) {
    await removeProfile();
    throw new AuditError(`could not start Chromium: ${messageOf(error).split('\n')[0]}. ${MISSING_BROWSER_HELP}`);
  }
  const close = async (): Promise<void> => {
    await context.close().catch(() => undefined);
    await removeProfile();
  };
  try {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    if (options.settings) await applySettings(worker, options.settings);
    await contentScriptsRegistered(worker);
    return { context, worker, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/**
 * Writes the settings where the settings page would (storage.local), then waits until the
 * worker has them: it hears the change asynchronously, and a page loaded before that would
 * be watched with the defaults.
 */
async function applySettings(worker: Worker, settings: Settings): Promise<void> {
  await worker.evaluate(
    async ({ key, value }) => {
      const heard = new Promise<void>((resolve) => {
        const listener = (changes: Record<string, unknown>): void => {
          if (key in changes) {
            chrome.storage.local.onChanged.removeListener(listener);
            // The worker's own listener was registered first, so it has run by now; one more
            // turn lets its subscribers (the hook config) catch up.
            setTimeout(resolve, 50);
          }
        };
        chrome.storage.local.onChanged.addListener(listener);
        // Storage fires no change for a value it already holds: do not wait for one forever.
        setTimeout(resolve, 1_000);
      });
      await chrome.storage.local.set({ [key]: value });
      await heard;
    },
    { key: SETTINGS_KEY, value: settings },
  );
}
