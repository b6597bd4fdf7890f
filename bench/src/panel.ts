import type { Page } from '@playwright/test';
import { tabIdOf } from '../../e2e/support/extension';
import type { BenchBrowser } from './browsers';

/** Opens the OneSocket panel in standalone mode (`panel.html?tabId=N`) for the tab of `page`. */
export async function openPanelFor(browser: BenchBrowser, page: Page): Promise<{ panel: Page; tabId: number }> {
  if (!browser.extension) throw new Error('the panel needs the browser with the extension');
  const tabId = await tabIdOf(browser.extension.worker, page);
  const panel = await browser.context.newPage();
  await panel.goto(`chrome-extension://${browser.extension.id}/src/devtools/panel.html?tabId=${tabId}`);
  return { panel, tabId };
}
