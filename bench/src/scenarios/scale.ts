import type { Page } from '@playwright/test';
import { PORT_PANEL, PROTOCOL_VERSION } from '../../../src/core/wire/constants';
import { openBlankPage, sleep, type BenchContext } from '../benchContext';
import { openPanelFor } from '../panel';
import { cpuDelta, type CpuSample } from '../processCpu';
import { connectionRowCount, installKeystrokeTimer, takeKeystrokeSamples, workerCountsViaPanelPort, type WorkerCounts } from '../panelProbes';
import { scaleWaveInPage } from '../pageWorkloads';
import { latencySummary, type LatencySummary } from '../stats';
import { attachWorkerHeap } from '../workerHeap';

export interface ScaleResult {
  sockets: number;
  frames: number;
  /** Sockets open at once: Chromium refuses more than about 255 WebSockets per profile. */
  wave: number;
  /** What the worker holds for the tab once it has caught up (read over the panel protocol). */
  counted: WorkerCounts;
  /** True when every socket and every frame was counted and nothing was dropped. */
  complete: boolean;
  /** From the page's last echo to the worker holding every frame, ms (polled once a second). */
  catchUpMs: number;
  /** From the page's last echo to the panel's table listing every socket, ms. */
  panelCatchUpMs: number;
  workerHeap: {
    /** Largest heap in use sampled every 250 ms during the run (garbage included), bytes. */
    peakBytes: number;
    /** Heap in use after a forced GC at the end: what the worker retains, bytes. */
    retainedBytes: number;
  };
  /** CPU time of the browser's processes from the first socket to the worker holding every frame, ms. */
  cpu: CpuSample | null;
  /** One keystroke in the Filter box to the next painted frame, ms, over the typed samples. */
  filterKeystroke: LatencySummary;
  /**
   * The same while a burst of new sockets arrives and the worker is busy catching up: typing
   * must not wait on the worker (the panel filters what it has).
   */
  filterDuringBurst: LatencySummary;
}

/** Sockets open at once; Chromium refused the 256th socket of a profile in our trials. */
const WAVE = 200;
/** Sockets of the burst while typing: the last wave holds 200 open, Chromium allows about 255. */
const BURST = 50;
/** Typed into the Filter box, one key at a time; each prefix matches a different subset. */
const FILTER_TEXT = 'feed/12';

/**
 * One endpoint per socket (a dashboard of feeds), owner unknown: a tab of many sockets that is
 * healthy, so the figures are about the volume. Stream URLs of many users in one tab would raise
 * a finding per socket (user-switch-leak), a different load on the panel (see bench/README.md).
 */
export function feedUrl(wsOrigin: string, index: number): string {
  return `${wsOrigin}/feed/${index}`;
}

/** Polls `read` every `everyMs` until `done` (or the timeout); returns the last value read. */
async function waitFor<T>(read: () => Promise<T>, done: (value: T) => boolean, everyMs: number, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = await read();
  while (!done(value) && Date.now() < deadline) {
    await sleep(everyMs);
    value = await read();
  }
  return value;
}

/** Types FILTER_TEXT and erases it again, timing every keystroke to the next paint. */
async function timeFilterKeystrokes(panel: Page, rounds: number): Promise<number[]> {
  await panel.evaluate(installKeystrokeTimer);
  const filter = panel.getByRole('searchbox', { name: 'Filter' });
  await filter.click();
  const samples: number[] = [];
  for (let round = 0; round < rounds; round++) {
    for (const key of [...FILTER_TEXT.split(''), ...FILTER_TEXT.split('').map(() => 'Backspace')]) {
      await filter.press(key);
      // Let the frame after the keystroke paint before the next key, as a typist would.
      await sleep(80);
    }
    samples.push(...(await panel.evaluate(takeKeystrokeSamples)));
  }
  return samples;
}

/**
 * One tab that holds many sockets and a lot of traffic: does the worker keep every event, how
 * much memory does it need, and does the panel stay responsive?
 */
export async function measureScale(context: BenchContext): Promise<ScaleResult> {
  const sockets = context.quick ? 200 : 1_000;
  const messagesPerSocket = 50;
  const browser = context.withExtension;
  if (!browser.extension) throw new Error('scale needs the extension');
  const page = await openBlankPage(browser, context.server, 'scale');
  const { panel, tabId } = await openPanelFor(browser, page);
  const heap = await attachWorkerHeap(browser.debuggingPort, browser.extension.id);
  try {
    const sampler = heap.samplePeak(250);
    const cpuBefore = await browser.cpu();
    for (let start = 0; start < sockets; start += WAVE) {
      const urls = Array.from({ length: Math.min(WAVE, sockets - start) }, (_, i) => feedUrl(context.server.wsOrigin, start + i));
      const last = start + WAVE >= sockets;
      await page.evaluate(scaleWaveInPage, { urls, messagesPerSocket, size: 100, close: !last });
      context.log(`  scale: ${Math.min(start + WAVE, sockets)}/${sockets} sockets`);
    }
    const echoedAt = Date.now();
    const expected = { sockets, messages: sockets * messagesPerSocket * 2 };
    const readCounts = () => panel.evaluate(workerCountsViaPanelPort, { tabId, portName: PORT_PANEL, version: PROTOCOL_VERSION });
    // Each read costs the worker one extra snapshot: once a second keeps the probe out of the figures.
    const counted = await waitFor(readCounts, (counts) => counts.sockets >= expected.sockets && counts.messages >= expected.messages, 1_000, 60_000);
    const catchUpMs = Date.now() - echoedAt;
    const cpuAfter = await browser.cpu();
    await waitFor(() => panel.evaluate(connectionRowCount), (rows) => rows >= sockets, 100, 60_000);
    const panelCatchUpMs = Date.now() - echoedAt;
    const peakBytes = await sampler.stop();
    const filterKeystroke = latencySummary(await timeFilterKeystrokes(panel, context.quick ? 1 : 3));
    // Bursts while typing, the case a quiet machine's figure above does not show: as many
    // sockets as the profile still allows beside the last wave (still open), each busy, one
    // wave after another until the typing ends, so every keystroke meets a busy worker (one
    // wave lasted about a round of typing: 14 samples, whose p95 was their largest).
    let typing = true;
    const bursts = (async () => {
      for (let wave = 0; typing; wave++) {
        const urls = Array.from({ length: BURST }, (_, i) => feedUrl(context.server.wsOrigin, sockets + wave * BURST + i));
        await page.evaluate(scaleWaveInPage, { urls, messagesPerSocket: messagesPerSocket * 4, size: 100, close: true });
      }
    })();
    const filterDuringBurst = latencySummary(await timeFilterKeystrokes(panel, context.quick ? 1 : 3).finally(() => (typing = false)));
    await bursts;
    const retainedBytes = await heap.retained();
    return {
      sockets,
      frames: expected.messages,
      wave: WAVE,
      counted,
      complete: counted.sockets === expected.sockets && counted.messages === expected.messages && counted.droppedEvents === 0,
      catchUpMs,
      panelCatchUpMs,
      workerHeap: { peakBytes, retainedBytes },
      cpu: cpuBefore && cpuAfter ? cpuDelta(cpuBefore, cpuAfter) : null,
      filterKeystroke,
      filterDuringBurst,
    };
  } finally {
    heap.close();
    await panel.close();
    await page.close();
  }
}
