import { readFile } from 'node:fs/promises';
import { parseHar } from '../core/har';
import { replayTabEvents } from '../core/replay';
import { buildReport, type Report } from '../core/report';
import { DEFAULT_SETTINGS } from '../core/settings/defaults';
import type { Settings } from '../core/types';
import { AuditError, messageOf } from './errors';
import { packageRoot } from './packageRoot';

/** A HAR is no tab: its report says tab 0. */
const HAR_TAB_ID = 0;

/**
 * `onesocket analyze <file.har>`: the recording's WebSockets replayed through the same reducer
 * and rules as the extension, into the same report, which says what a HAR cannot know.
 */
export async function runAnalyze(harFile: string, settings: Settings | null, log: (line: string) => void): Promise<Report> {
  const effective = settings ?? DEFAULT_SETTINGS;
  let text: string;
  try {
    text = await readFile(harFile, 'utf8');
  } catch (error) {
    throw new AuditError(`cannot read ${harFile}: ${messageOf(error)}`);
  }
  const parsed = parseHar(text, effective.previewChars);
  if (!parsed.ok) throw new AuditError(`${harFile}: ${parsed.error}`);
  const { recording } = parsed;
  log(`Read ${harFile}: ${recording.webSocketCount} WebSocket ${recording.webSocketCount === 1 ? 'entry' : 'entries'}.`);
  const endAt = recording.lastEventAt + effective.graceWindowMs;
  const state = replayTabEvents(recording.events, effective, { tabId: HAR_TAB_ID, url: recording.url, at: recording.startedAt }, endAt);
  const report = buildReport(state, { now: Date.now(), toolVersion: packageRoot().version, redact: effective.redact });
  return { ...report, limitations: recording.limitations };
}
