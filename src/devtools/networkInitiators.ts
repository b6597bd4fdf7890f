import type { AsyncInitiator } from '../core/appFrames/asyncInitiators';
import { inlineSourceMap, resolveFrames } from '../core/appFrames/sourceMaps';
import { framesOfStackTrace, parseFrame, type CdpStackTrace } from '../core/appFrames/stackFrames';
import type { RawSourceMap } from 'source-map-js';

/** What DevTools' HAR writer adds to a WebSocket entry: its type and its initiator with async parents. */
interface HarWebSocketEntry {
  _resourceType?: string;
  _initiator?: { type?: string; stack?: CdpStackTrace };
  request: { url: string };
  startedDateTime: string;
}

/** The two DevTools APIs read here, as much of them as is used (chrome.devtools.network, .inspectedWindow). */
interface NetworkApi {
  getHAR(callback: (har: { entries: unknown[] }) => void): void;
}
interface InspectedWindowApi {
  getResources(callback: (resources: Array<{ url: string; type: string; getContent(callback: (content: string, encoding: string) => void): void }>) => void): void;
}

/**
 * The initiator stack DevTools recorded for each WebSocket of the inspected page, oldest first,
 * resolved through the inline source maps of the page's scripts. DevTools records only what
 * happened while it was open: sockets from before have no entry.
 */
export async function collectInitiators(network: NetworkApi, inspected: InspectedWindowApi): Promise<AsyncInitiator[]> {
  const har = await new Promise<{ entries: unknown[] }>((resolve) => network.getHAR(resolve));
  const sockets = (har.entries as HarWebSocketEntry[])
    .filter((entry) => entry._resourceType === 'websocket')
    .sort((a, b) => Date.parse(a.startedDateTime) - Date.parse(b.startedDateTime));
  const found = sockets.map((entry) => ({ url: entry.request.url, frames: framesOfStackTrace(entry._initiator?.stack) }));
  const scripts = new Set(found.flatMap((initiator) => initiator.frames.map((frame) => parseFrame(frame)?.url ?? '')));
  const maps = await sourceMapsOf(inspected, scripts);
  return found.map((initiator) => ({ url: initiator.url, frames: resolveFrames(initiator.frames, maps) }));
}

/** Each script is read once per DevTools session: its map, or null when it carries none. */
const readMaps = new Map<string, RawSourceMap | null>();

/** The inline source maps of these scripts, read from DevTools' copy of them (no request of ours). */
async function sourceMapsOf(inspected: InspectedWindowApi, scripts: ReadonlySet<string>): Promise<Map<string, RawSourceMap>> {
  const maps = new Map<string, RawSourceMap>();
  const unread = [...scripts].filter((url) => !readMaps.has(url));
  for (const url of scripts) {
    const map = readMaps.get(url);
    if (map) maps.set(url, map);
  }
  if (unread.length === 0) return maps;
  // DevTools may never answer (seen while it loads): the frames go out unmapped rather than never.
  const resources = await withTimeout(new Promise<Parameters<Parameters<InspectedWindowApi['getResources']>[0]>[0]>((resolve) => inspected.getResources(resolve)), []);
  await Promise.all(
    resources
      .filter((resource) => unread.includes(resource.url))
      .map(
        (resource) =>
          withTimeout(
            new Promise<void>((resolve) =>
              resource.getContent((content) => {
                const map = content ? inlineSourceMap(content) : null;
                readMaps.set(resource.url, map);
                if (map) maps.set(resource.url, map);
                resolve();
              }),
            ),
            undefined,
          ),
      ),
  );
  return maps;
}

/** How long a DevTools API may take to answer before the frames are sent without source maps. */
const DEVTOOLS_ANSWER_MS = 1000;

function withTimeout<T>(promise: Promise<T>, fallback: T): Promise<T> {
  return Promise.race([promise, new Promise<T>((resolve) => setTimeout(() => resolve(fallback), DEVTOOLS_ANSWER_MS))]);
}
