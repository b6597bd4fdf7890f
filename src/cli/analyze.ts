import { readFile } from 'node:fs/promises';
import { reportFromHar } from '../core/harReport';
import type { Report } from '../core/report';
import { DEFAULT_SETTINGS } from '../core/settings/defaults';
import type { Settings } from '../core/types';
import { AuditError, messageOf } from './errors';
import { packageRoot } from './packageRoot';

/**
 * `onesocket analyze <file.har>`: the recording's WebSockets replayed through the same rules
 * as the extension, into the same report (src/core/harReport.ts).
 */
export async function runAnalyze(harFile: string, settings: Settings | null, log: (line: string) => void): Promise<Report> {
  let text: string;
  try {
    text = await readFile(harFile, 'utf8');
  } catch (error) {
    throw new AuditError(`cannot read ${harFile}: ${messageOf(error)}`);
  }
  const result = reportFromHar(text, settings ?? DEFAULT_SETTINGS, packageRoot().version, Date.now());
  if (!result.ok) throw new AuditError(`${harFile}: ${result.error}`);
  log(`Read ${harFile}: ${result.webSocketCount ?? 0} WebSocket ${result.webSocketCount === 1 ? 'entry' : 'entries'}.`);
  return result.report;
}
