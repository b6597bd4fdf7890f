import type { BrowserContext, CDPSession, Page } from '@playwright/test';
import { withAsyncInitiators, type AsyncInitiator } from '../core/appFrames/asyncInitiators';
import { resolveFrames, sourceMapFromDataUrl, type SourceMapsByScript } from '../core/appFrames/sourceMaps';
import { framesOfStackTrace, type CdpStackTrace } from '../core/appFrames/stackFrames';
import { withCauses } from '../core/causes/findingCauses';
import type { TabState } from '../core/types';
import type { RawSourceMap } from 'source-map-js';

/** How deep the browser follows async parents (await, then, timers) behind a socket's creation. */
const ASYNC_STACK_DEPTH = 32;

export interface AsyncInitiatorWatch {
  /** The record with each socket's async stack, app frame and the findings' causes brought up to date. */
  apply(state: TabState): TabState;
}

/**
 * The app code behind each socket, from the browser itself: with the debugger on and async
 * stacks followed, CDP's `Network.webSocketCreated` carries the same initiator DevTools shows,
 * reaching past the SDK's awaits into the app's components. Scripts' inline source maps
 * (`Debugger.scriptParsed`) resolve its frames to original files. Pauses are skipped, so a
 * `debugger` statement in the page never stops it. Start it before the page loads.
 */
export async function watchAsyncInitiators(context: BrowserContext, page: Page): Promise<AsyncInitiatorWatch> {
  const session: CDPSession = await context.newCDPSession(page);
  const initiators: Array<{ url: string; stack: CdpStackTrace | undefined }> = [];
  const mapUrls = new Map<string, string>();
  session.on('Network.webSocketCreated', (event: { url: string; initiator?: { stack?: CdpStackTrace } }) => {
    initiators.push({ url: event.url, stack: event.initiator?.stack });
  });
  session.on('Debugger.scriptParsed', (event: { url: string; sourceMapURL?: string }) => {
    if (event.url && event.sourceMapURL?.startsWith('data:')) mapUrls.set(event.url, event.sourceMapURL);
  });
  await session.send('Debugger.enable');
  await session.send('Debugger.setSkipAllPauses', { skip: true });
  await session.send('Debugger.setAsyncCallStackDepth', { maxDepth: ASYNC_STACK_DEPTH });
  await session.send('Network.enable');
  return {
    apply(state) {
      const maps = new Map<string, RawSourceMap>();
      for (const [url, dataUrl] of mapUrls) {
        const map = sourceMapFromDataUrl(dataUrl);
        if (map) maps.set(url, map);
      }
      const found: AsyncInitiator[] = initiators.map(({ url, stack }) => ({ url, frames: resolveFrames(framesOfStackTrace(stack), maps as SourceMapsByScript) }));
      return withCauses(withAsyncInitiators(state, found));
    },
  };
}
