import type { Worker } from '@playwright/test';

/** The toolbar badge of a tab: its text and background colour (RGBA). */
export async function badgeOf(serviceWorker: Worker, tabId: number): Promise<{ text: string; color: number[] }> {
  return serviceWorker.evaluate(
    async (id) => ({
      text: await chrome.action.getBadgeText({ tabId: id }),
      color: [...(await chrome.action.getBadgeBackgroundColor({ tabId: id }))],
    }),
    tabId,
  );
}
