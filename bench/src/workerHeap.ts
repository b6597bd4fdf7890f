import { CdpSession, listTargets } from '../../e2e/support/cdp';

export interface HeapProbe {
  /** JS heap in use now, without forcing a collection (includes garbage not yet collected). */
  used(): Promise<number>;
  /** JS heap in use after a forced full GC: what the worker really retains. */
  retained(): Promise<number>;
  /** Samples `used()` every `intervalMs` until stopped; resolves to the largest sample. */
  samplePeak(intervalMs: number): { stop(): Promise<number> };
  close(): void;
}

/**
 * The extension service worker's V8 heap, read over CDP (Runtime.getHeapUsage) on the worker's
 * own target, which Playwright does not expose: the raw client of the e2e support speaks to it.
 */
export async function attachWorkerHeap(debuggingPort: number, extensionId: string): Promise<HeapProbe> {
  const target = (await listTargets(debuggingPort)).find((candidate) => candidate.type === 'service_worker' && candidate.url.startsWith(`chrome-extension://${extensionId}/`));
  if (!target) throw new Error('the extension service worker is not among the DevTools targets');
  const session = await CdpSession.connect(target.webSocketDebuggerUrl);
  const used = async (): Promise<number> => (await session.send<{ usedSize: number }>('Runtime.getHeapUsage')).usedSize;
  return {
    used,
    async retained() {
      await session.send('HeapProfiler.collectGarbage');
      return used();
    },
    samplePeak(intervalMs) {
      let peak = 0;
      let running = true;
      const loop = (async () => {
        while (running) {
          peak = Math.max(peak, await used());
          await new Promise((resolve) => setTimeout(resolve, intervalMs));
        }
      })();
      return {
        async stop() {
          running = false;
          await loop;
          return peak;
        },
      };
    },
    close: () => session.close(),
  };
}
