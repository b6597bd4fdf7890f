// @ts-check
/**
 * README screenshots, captured from the current build against the demo: the panel with
 * findings, a socket's frames, the timeline (full width, light and dark; and at a 500 px docked
 * width, light and dark), the popup and the settings page.
 * Usage: npm run build && npm run build:demo && node scripts/screenshots.mjs [outDir]
 * (outDir defaults to docs/images). Uses the same Chromium as the browser tests, and the
 * extension in dist/ (or ONESOCKET_DIST).
 */
import { chromium } from '@playwright/test';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startFakeStreamBackend } from '../demo/backend/fakeStreamBackend.mjs';
import { contentScriptsRegistered, extensionLaunchOptions } from './chromium.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const outDir = path.resolve(process.argv[2] ?? path.join(root, 'docs/images'));
const distDir = process.env.ONESOCKET_DIST ? path.resolve(process.env.ONESOCKET_DIST) : path.join(root, 'dist');
// SHOT_WIDTH / SHOT_HEIGHT: to check the panel at a docked DevTools' size.
const viewport = { width: Number(process.env.SHOT_WIDTH ?? 1280), height: Number(process.env.SHOT_HEIGHT ?? 760) };

/**
 * The tab id the extension knows a page by (from the worker's persisted tab records).
 * @param {import('@playwright/test').Worker} worker
 * @param {string} url
 */
async function tabIdOf(worker, url) {
  for (let tries = 0; tries < 100; tries++) {
    const id = await worker.evaluate(async (pageUrl) => {
      const everything = await chrome.storage.session.get(null);
      const records = /** @type {Array<{ tabId: number, pages: Array<{ url: string }> }>} */ (Object.entries(everything).filter(([key]) => key.startsWith('tab:')).map(([, value]) => value));
      return records.find((record) => record.pages.at(-1)?.url === pageUrl)?.tabId ?? null;
    }, url);
    if (id !== null) return id;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`no tab record for ${url}`);
}

/**
 * @param {import('@playwright/test').Page} page
 * @param {string} name
 */
async function shoot(page, name) {
  const file = path.join(outDir, name);
  await page.screenshot({ path: file });
  console.log(`wrote ${path.relative(root, file)}`);
}

async function main() {
  await mkdir(outDir, { recursive: true });
  const backend = await startFakeStreamBackend();
  const profile = await mkdtemp(path.join(os.tmpdir(), 'onesocket-shots-'));
  const context = await chromium.launchPersistentContext(profile, { ...extensionLaunchOptions({ distDir }), viewport, colorScheme: 'light' });
  try {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    await contentScriptsRegistered(worker);
    const extensionId = new URL(worker.url()).host;
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(backend.baseURL);
    // The classic mistakes: two clients for alice, then a user switch without disconnect.
    await page.evaluate(() => window.demo.run('two-clients'));
    await page.evaluate(() => window.demo.run('switch-leak'));
    const tabId = await tabIdOf(worker, page.url());

    const panel = await context.newPage();
    await panel.setViewportSize(viewport);
    await panel.goto(`chrome-extension://${extensionId}/src/devtools/panel.html?tabId=${tabId}`);
    const findings = panel.getByRole('region', { name: 'Findings' }).locator('li[data-active="true"]');
    await findings.first().waitFor();
    // Let the grace windows pass so every finding is raised, and the timeline grows a little.
    await panel.waitForTimeout(2500);
    await shoot(panel, 'panel-findings.png');

    const rows = panel.getByRole('table', { name: 'Connections' }).locator('tbody tr[data-socket-id]');
    await rows.nth(1).click();
    await shoot(panel, 'panel-detail.png');
    await panel.getByRole('tab', { name: /^Frames/ }).click();
    await panel.getByRole('table', { name: 'Frames' }).locator('tbody tr').first().click();
    await shoot(panel, 'panel-frames.png');

    await panel.emulateMedia({ colorScheme: 'dark' });
    await panel.reload();
    await findings.first().waitFor();
    await shoot(panel, 'panel-dark.png');

    // DevTools docked beside the page is about 500 px wide: the same panel there, light and dark,
    // with a socket's detail stacked under the table.
    await panel.setViewportSize({ width: 500, height: viewport.height });
    for (const scheme of /** @type {const} */ (['light', 'dark'])) {
      await panel.emulateMedia({ colorScheme: scheme });
      await panel.reload();
      await findings.first().waitFor();
      await shoot(panel, `panel-500-${scheme}.png`);
    }
    await rows.nth(1).click();
    await shoot(panel, 'panel-500-detail-dark.png');

    const popup = await context.newPage();
    await popup.setViewportSize({ width: 380, height: 420 });
    await popup.goto(`chrome-extension://${extensionId}/src/popup/popup.html?tabId=${tabId}`);
    await popup.getByRole('region', { name: 'This tab' }).waitFor();
    await shoot(popup, 'popup.png');

    const options = await context.newPage();
    await options.setViewportSize({ width: 900, height: 900 });
    await options.goto(`chrome-extension://${extensionId}/src/options/options.html`);
    await options.getByRole('heading', { name: 'OneSocket settings' }).waitFor();
    await shoot(options, 'settings.png');
  } finally {
    await context.close();
    await backend.close();
    await rm(profile, { recursive: true, force: true });
  }
}

await main();
