import type { Page } from '@playwright/test';
import { openBlankPage, sleep, type BenchContext } from '../benchContext';
import { openPanelFor } from '../panel';
import { awaitWatch, noRowMentions, watchForRow, watchForSentCount } from '../panelProbes';
import { closeMarkedSockets, openMarkedSocket, sendMarked, whenMarkedOpen } from '../pageWorkloads';
import { latencySummary, type LatencySummary } from '../stats';

export interface LatencyResult {
  /** `new WebSocket` in the page to its row in the panel's DOM, ms. */
  socketToRow: LatencySummary;
  /** `send()` in the page to the row's message counter showing it, ms. */
  messageToCounter: LatencySummary;
}

/** Rows per batch before the page closes its sockets and the panel is cleared. */
const BATCH = 20;
const TIMEOUT_MS = 10_000;

/**
 * A deterministic pause of 0–60 ms between samples, so samples do not lock in step with the
 * pipeline's own timers (the hook's 20 ms flush, the worker's 50 ms update throttle).
 */
function pauses(): () => number {
  let seed = 7;
  return () => {
    seed = (seed * 48271) % 2147483647;
    return seed % 61;
  };
}

async function clearPanel(page: Page, panel: Page): Promise<void> {
  await page.evaluate(closeMarkedSockets);
  await panel.getByRole('button', { name: 'Clear', exact: true }).click();
  await panel.waitForFunction(noRowMentions, 'marker=');
}

/**
 * How soon the panel shows what the page did. Clocks: both times are Date.now() of the same
 * machine, taken in two renderer processes.
 */
export async function measureLatency(context: BenchContext): Promise<LatencyResult> {
  const samples = context.quick ? 40 : 300;
  const browser = context.withExtension;
  const page = await openBlankPage(browser, context.server, 'latency');
  const { panel } = await openPanelFor(browser, page);
  const url = `${context.server.wsOrigin}/latency`;
  const pause = pauses();
  try {
    const socketToRow: number[] = [];
    for (let i = 0; i < samples; i++) {
      if (i > 0 && i % BATCH === 0) await clearPanel(page, panel);
      const marker = `row${i}x`;
      await panel.evaluate(watchForRow, marker);
      const createdAt = await page.evaluate(openMarkedSocket, { url, marker });
      socketToRow.push((await panel.evaluate(awaitWatch, { key: marker, timeoutMs: TIMEOUT_MS })) - createdAt);
      await sleep(pause());
    }
    context.log(`  socket to row: ${samples} samples`);
    await clearPanel(page, panel);

    const marker = 'counter';
    await panel.evaluate(watchForRow, marker);
    await page.evaluate(openMarkedSocket, { url, marker });
    await page.evaluate(whenMarkedOpen, marker);
    await panel.evaluate(awaitWatch, { key: marker, timeoutMs: TIMEOUT_MS });
    const messageToCounter: number[] = [];
    for (let sent = 1; sent <= samples; sent++) {
      const key = `sent${sent}`;
      await panel.evaluate(watchForSentCount, { marker, sent, key });
      const sentAt = await page.evaluate(sendMarked, marker);
      messageToCounter.push((await panel.evaluate(awaitWatch, { key, timeoutMs: TIMEOUT_MS })) - sentAt);
      await sleep(pause());
    }
    context.log(`  message to counter: ${samples} samples`);
    return { socketToRow: latencySummary(socketToRow), messageToCounter: latencySummary(messageToCounter) };
  } finally {
    await panel.close();
    await page.close();
  }
}
