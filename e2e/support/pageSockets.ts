import type { Page } from '@playwright/test';

/** Opens WebSockets from the page's own code and keeps them on `window.held` (in order). */
export async function openSockets(page: Page, urls: string[]): Promise<void> {
  await page.evaluate((all) => {
    const held = ((window as unknown as { held?: WebSocket[] }).held ??= []);
    for (const url of all) held.push(new WebSocket(url));
  }, urls);
}
