import { parseArgs } from 'node:util';

export const USAGE = `Usage: onesocket audit <url> [--json] [--duration <ms>] [--script <flow.mjs>]

Opens <url> in headless Chromium with OneSocket loaded, runs the flow script if given, watches
the page's WebSockets for --duration ms (default 5000) and prints the findings (the whole
report, as JSON, with --json). Exit code: 0 no error finding, 1 an error finding was raised,
2 the audit could not run (bad arguments, page not reachable, flow script failed).

A flow script is an ES module whose default export is called with { page, context, url }
(Playwright's Page and BrowserContext) once the page has loaded, e.g. to log in and open a chat.`;

export const DEFAULT_DURATION_MS = 5_000;

export interface AuditOptions {
  url: string;
  json: boolean;
  durationMs: number;
  /** Path of the flow script as given (resolved against the working directory by the caller). */
  script: string | null;
}

export type Command = { kind: 'help' } | { kind: 'audit'; options: AuditOptions };

/** Wrong arguments: the message says what is wrong; the CLI prints it with the usage. */
export class UsageError extends Error {}

export function parseCommand(argv: string[]): Command {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        json: { type: 'boolean', default: false },
        duration: { type: 'string' },
        script: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  if (values.help || positionals.length === 0 || positionals[0] === 'help') return { kind: 'help' };
  const [command, url, ...extra] = positionals;
  if (command !== 'audit') throw new UsageError(`unknown command "${command}": the one command is "audit"`);
  if (!url) throw new UsageError('audit needs the URL of the page to audit');
  if (extra.length > 0) throw new UsageError(`unexpected argument "${extra[0]}"`);
  // Not file: URLs: Chromium runs no extension's content scripts there unless a user allows it.
  if (!isHttpUrl(url)) throw new UsageError(`"${url}" is not an http(s) URL`);
  return { kind: 'audit', options: { url, json: values.json, durationMs: parseDuration(values.duration), script: values.script ?? null } };
}

function isHttpUrl(text: string): boolean {
  try {
    return ['http:', 'https:'].includes(new URL(text).protocol);
  } catch {
    return false;
  }
}

function parseDuration(text: string | undefined): number {
  if (text === undefined) return DEFAULT_DURATION_MS;
  const value = Number(text);
  if (!/^\d+$/.test(text.trim()) || !Number.isSafeInteger(value)) throw new UsageError(`--duration takes whole milliseconds, not "${text}"`);
  return value;
}
