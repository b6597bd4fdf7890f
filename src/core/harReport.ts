import { parseHar } from './har';
import { replayTabEvents } from './replay';
import { buildReport, type ParsedReport } from './report';
import type { Settings } from './types';

/** A HAR is no tab: its report says tab 0. */
const HAR_TAB_ID = 0;

/** True when the text is a HAR (a JSON object with `log.entries`), not a report: cheap, for choosing a reader. */
export function looksLikeHar(text: string): boolean {
  return /^\s*\{\s*"log"\s*:/.test(text);
}

/**
 * A HAR recording's WebSockets replayed through the same reducer and rules as the extension,
 * into the same report, whose `limitations` says what a HAR cannot know. The end of the
 * recording is its last recorded moment plus the grace window: a HAR records no close, so
 * sockets overlapping at its end are judged as the extension would have a moment later.
 */
export function reportFromHar(text: string, settings: Settings, toolVersion: string, now: number): ParsedReport & { webSocketCount?: number } {
  const parsed = parseHar(text, settings.previewChars);
  if (!parsed.ok) return parsed;
  const { recording } = parsed;
  const endAt = recording.lastEventAt + settings.graceWindowMs;
  const state = replayTabEvents(recording.events, settings, { tabId: HAR_TAB_ID, url: recording.url, at: recording.startedAt }, endAt);
  const report = buildReport(state, { now, toolVersion, redact: settings.redact });
  return { ok: true, report: { ...report, limitations: recording.limitations }, webSocketCount: recording.webSocketCount };
}
