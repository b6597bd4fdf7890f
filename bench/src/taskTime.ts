import type { CDPSession, Page } from '@playwright/test';

/**
 * The page renderer's main-thread task time so far, in ms: Chromium's own accounting (CDP
 * `Performance.getMetrics` TaskDuration). The isolated world's relay runs on that thread too, so
 * it counts everything the extension does in the page, and nothing another process does.
 */
export async function taskTimeMs(cdp: CDPSession): Promise<number> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return (metrics.find((metric) => metric.name === 'TaskDuration')?.value ?? 0) * 1000;
}

/** A CDP session on `page` with the Performance domain on. */
export async function taskTimer(page: Page): Promise<CDPSession> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  return cdp;
}
