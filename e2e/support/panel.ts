import type { Page } from '@playwright/test';

/** Opens WebSockets from the page, kept in `window.held` so they stay open and can be closed. */
export async function openSockets(page: Page, urls: string[]): Promise<void> {
  await page.evaluate((all) => {
    const held = ((window as unknown as { held?: WebSocket[] }).held ??= []);
    for (const url of all) held.push(new WebSocket(url));
  }, urls);
}

/** The Connections table's socket rows (not the windowing spacers). */
export function connectionRows(panel: Page) {
  return panel.getByRole('table', { name: 'Connections' }).locator('tbody tr[data-socket-id]');
}

/** The details pane of the selected socket. */
export function socketDetail(panel: Page) {
  return panel.getByRole('complementary', { name: /^Socket #\d+ details$/ });
}
