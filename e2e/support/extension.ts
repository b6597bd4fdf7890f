import { test as base, chromium, type BrowserContext, type Page, type Worker } from '@playwright/test';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startFakeStreamBackend } from '../../demo/backend/fakeStreamBackend.mjs';
import { contentScriptsRegistered, extensionLaunchOptions } from '../../scripts/chromium.mjs';
import { findTabIdByUrl } from '../../src/cli/extensionRecords';
import { startFixtureServer, type FixtureServer } from './fixtureServer';

// ONESOCKET_DIST lets one engineer test a build of their own while others rebuild dist/.
export const DIST_DIR = process.env.ONESOCKET_DIST ? path.resolve(process.env.ONESOCKET_DIST) : path.resolve(import.meta.dirname, '../../dist');

type Backend = Awaited<ReturnType<typeof startFakeStreamBackend>>;

export interface ExtensionFixtures {
  context: BrowserContext;
  serviceWorker: Worker;
  extensionId: string;
  fixtures: FixtureServer;
  backend: Backend;
  /** The tab id the extension knows `page` by. */
  tabIdOf: (page: Page) => Promise<number>;
  /** Opens the OneSocket panel as a plain page (standalone mode) for the tab of `page`. */
  openPanel: (page: Page) => Promise<Page>;
}

export async function launchWithExtension(extraArgs: string[] = []): Promise<{ context: BrowserContext; profile: string }> {
  const profile = await mkdtemp(path.join(os.tmpdir(), 'onesocket-e2e-'));
  const context = await chromium.launchPersistentContext(profile, extensionLaunchOptions({ distDir: DIST_DIR, headless: true, extraArgs }));
  return { context, profile };
}

/** The extension's worker, once it has registered the content scripts (a page loaded earlier gets no hook). */
export async function extensionWorker(context: BrowserContext): Promise<Worker> {
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  await contentScriptsRegistered(worker);
  return worker;
}

/** The tab id the extension knows `page` by (found by the page's URL in the tab records). */
export async function tabIdOf(serviceWorker: Worker, page: Page): Promise<number> {
  const id = await findTabIdByUrl(serviceWorker, page.url());
  if (id === null) throw new Error(`no tab record for ${page.url()}`);
  return id;
}

export const test = base.extend<ExtensionFixtures>({
  // eslint-disable-next-line no-empty-pattern
  context: async ({}, use) => {
    const { context, profile } = await launchWithExtension();
    await use(context);
    await context.close();
    await rm(profile, { recursive: true, force: true });
  },
  serviceWorker: async ({ context }, use) => {
    await use(await extensionWorker(context));
  },
  extensionId: async ({ serviceWorker }, use) => {
    await use(new URL(serviceWorker.url()).host);
  },
  // eslint-disable-next-line no-empty-pattern
  fixtures: async ({}, use) => {
    const server = await startFixtureServer();
    await use(server);
    await server.close();
  },
  // eslint-disable-next-line no-empty-pattern
  backend: async ({}, use) => {
    const backend = await startFakeStreamBackend();
    await use(backend);
    await backend.close();
  },
  tabIdOf: async ({ serviceWorker }, use) => {
    await use((page) => tabIdOf(serviceWorker, page));
  },
  openPanel: async ({ context, extensionId, serviceWorker }, use) => {
    await use(async (page) => {
      const tabId = await tabIdOf(serviceWorker, page);
      const panel = await context.newPage();
      await panel.goto(`chrome-extension://${extensionId}/src/devtools/panel.html?tabId=${tabId}`);
      return panel;
    });
  },
});

export const expect = test.expect;
