import { SourceMapConsumer, type RawSourceMap } from 'source-map-js';
import { formatFrame, parseFrame } from './stackFrames';

/** A script's source map by the script's URL (already read: the extension fetches nothing). */
export type SourceMapsByScript = ReadonlyMap<string, RawSourceMap>;

/**
 * The source map a script carries inline (`//# sourceMappingURL=data:application/json;base64,...`),
 * as dev servers such as Vite's and webpack's serve them; null for none or an external one.
 */
export function inlineSourceMap(scriptText: string): RawSourceMap | null {
  const match = /\/\/[#@] sourceMappingURL=data:application\/json[^,]*?(;base64)?,([^\s'"]+)\s*$/.exec(scriptText.slice(-2_000_000));
  if (!match) return null;
  return sourceMapFromDataPayload(match[2] ?? '', match[1] !== undefined);
}

/** A `data:` source map URL (CDP's `scriptParsed.sourceMapURL`), decoded; null when it is not one. */
export function sourceMapFromDataUrl(url: string): RawSourceMap | null {
  const match = /^data:application\/json[^,]*?(;base64)?,(.*)$/s.exec(url);
  return match ? sourceMapFromDataPayload(match[2] ?? '', match[1] !== undefined) : null;
}

function sourceMapFromDataPayload(payload: string, base64: boolean): RawSourceMap | null {
  try {
    const json = base64 ? new TextDecoder().decode(Uint8Array.from(atob(payload), (c) => c.charCodeAt(0))) : decodeURIComponent(payload);
    const map = JSON.parse(json) as RawSourceMap;
    return typeof map === 'object' && map !== null && Array.isArray(map.sources) ? map : null;
  } catch {
    return null;
  }
}

/**
 * Frames resolved to their original files and lines where the script has a map: "ChatPane.tsx:42
 * useEffect" rather than "app.js:16751". A frame without a map, or outside the mapped code, stays.
 */
export function resolveFrames(frames: readonly string[], maps: SourceMapsByScript): string[] {
  const consumers = new Map<string, SourceMapConsumer | null>();
  const consumerFor = (url: string): SourceMapConsumer | null => {
    if (!consumers.has(url)) {
      const map = maps.get(url);
      let consumer: SourceMapConsumer | null = null;
      try {
        consumer = map ? new SourceMapConsumer(map) : null;
      } catch {
        consumer = null;
      }
      consumers.set(url, consumer);
    }
    return consumers.get(url) ?? null;
  };
  return frames.map((text) => {
    const frame = parseFrame(text);
    const consumer = frame ? consumerFor(frame.url) : null;
    if (!frame || !consumer) return text;
    const original = consumer.originalPositionFor({ line: frame.line, column: frame.column - 1 });
    if (original.source === null || original.line === null) return text;
    const source = resolveSource(original.source, frame.url);
    return formatFrame({ functionName: frame.functionName || original.name || '', url: source, line: original.line, column: (original.column ?? 0) + 1 });
  });
}

/** An original source path as a URL next to its script, as DevTools lists it. */
function resolveSource(source: string, scriptUrl: string): string {
  try {
    return new URL(source, scriptUrl).href;
  } catch {
    return source;
  }
}
