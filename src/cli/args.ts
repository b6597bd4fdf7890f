import { parseArgs } from 'node:util';
import type { Severity } from '../core/types';

export const USAGE = `Usage:
  onesocket audit <url> [options]      open <url> in headless Chromium with OneSocket loaded and
                                       watch its WebSockets
  onesocket analyze <file.har> [options]  run the same rules over a HAR recording
  onesocket --version | --help

Options (both commands):
  --json                  print the report (JSON) alone on stdout
  --fail-on <severity>    error (default), warning or info: exit 1 on a finding this severe or more
  --report <file>         write the report (JSON) to <file>
  --markdown <file>       write the report as Markdown to <file>
  --junit <file>          write JUnit XML to <file>: one test case per rule
  --settings <file>       settings as the settings page exports them (JSON): limit profile,
                          grace window, identity rules...
  --expect-sockets        fail (exit 1) when no socket was seen
  --quiet                 no progress lines on stderr (errors still are)
Options (audit):
  --duration <ms>         how long to watch after the page loaded and the flow ran (default 5000)
  --script <flow.mjs>     a flow script: its default export gets { page, context, url }
                          (Playwright's Page and BrowserContext) once the page has loaded
  --routine               Stream's test routine instead of a watch: load, reload twice, visit
                          --routes in the app, leave the site and come back; after each step,
                          one socket per user
  --routes <list>         comma-separated routes for --routine, e.g. /chat,/settings,/chat

Exit code: 0 nothing at or above --fail-on; 1 a finding at or above --fail-on was raised (or
--expect-sockets and no socket seen); 2 the command could not run (bad arguments, no browser,
page not reachable or an HTTP error, flow script failed, invalid HAR).`;

export const DEFAULT_DURATION_MS = 5_000;
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

/** What both commands share: how the result is judged and where it is written. */
export interface OutputOptions {
  json: boolean;
  failOn: Severity;
  reportFile: string | null;
  markdownFile: string | null;
  junitFile: string | null;
  settingsFile: string | null;
  expectSockets: boolean;
  quiet: boolean;
}

export interface AuditOptions extends OutputOptions {
  url: string;
  durationMs: number;
  /** Path of the flow script as given (resolved against the working directory by the caller). */
  script: string | null;
  /** Run the routine (docs/cli.md) instead of one watch; null routes: reloads and off-site only. */
  routine: { routes: string[] } | null;
}

export interface AnalyzeOptions extends OutputOptions {
  harFile: string;
}

export type Command =
  | { kind: 'help' }
  | { kind: 'version' }
  | { kind: 'audit'; options: AuditOptions }
  | { kind: 'analyze'; options: AnalyzeOptions };

/** Wrong arguments: the message says what is wrong; the CLI prints it with the usage. */
export class UsageError extends Error {}

const OPTIONS = {
  json: { type: 'boolean', default: false },
  duration: { type: 'string' },
  script: { type: 'string' },
  'fail-on': { type: 'string' },
  report: { type: 'string' },
  markdown: { type: 'string' },
  junit: { type: 'string' },
  settings: { type: 'string' },
  'expect-sockets': { type: 'boolean', default: false },
  routine: { type: 'boolean', default: false },
  routes: { type: 'string' },
  quiet: { type: 'boolean', short: 'q', default: false },
  version: { type: 'boolean', short: 'v', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

type Values = ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>['values'];

/** node:util's own messages name its internals ("ERR_PARSE_ARGS_..."): say it our way. */
function parseRaw(argv: string[]): { values: Values; positionals: string[] } {
  try {
    return parseArgs({ args: argv, allowPositionals: true, strict: true, options: OPTIONS });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const unknown = /Unknown option '([^']+)'/.exec(message);
    if (unknown) throw new UsageError(`unknown option "${unknown[1]}"`);
    const missing = /Option '(?:-\w, )?(--[\w-]+) <value>' argument missing/.exec(message);
    if (missing) throw new UsageError(`${missing[1]} needs a value`);
    // A value that starts with "-" (e.g. --duration -5) is taken for an option by parseArgs.
    const ambiguous = /Option '(?:-\w, )?(--[\w-]+)' argument is ambiguous/.exec(message);
    if (ambiguous) throw new UsageError(`${ambiguous[1]} needs a value (a value cannot start with "-")`);
    throw new UsageError(message.split('\n')[0] ?? message);
  }
}

export function parseCommand(argv: string[]): Command {
  const { values, positionals } = parseRaw(argv);
  if (values.help || positionals[0] === 'help') return { kind: 'help' };
  if (values.version) return { kind: 'version' };
  const [command, target, ...extra] = positionals;
  if (command === undefined) throw new UsageError('say what to do: audit <url> or analyze <file.har>');
  if (command !== 'audit' && command !== 'analyze') throw new UsageError(`unknown command "${command}": the commands are "audit" and "analyze"`);
  if (extra.length > 0) throw new UsageError(`unexpected argument "${extra[0]}"`);
  const output = outputOptions(values);
  if (command === 'analyze') {
    if (!target) throw new UsageError('analyze needs the HAR file to read');
    if (values.duration !== undefined || values.script !== undefined || values.routine || values.routes !== undefined) {
      throw new UsageError('--duration, --script, --routine and --routes are for audit: a HAR is already recorded');
    }
    return { kind: 'analyze', options: { ...output, harFile: target } };
  }
  if (!target) throw new UsageError('audit needs the URL of the page to audit');
  // Not file: URLs: Chromium runs no extension's content scripts there unless a user allows it.
  if (!isHttpUrl(target)) throw new UsageError(`"${target}" is not an http(s) URL`);
  if (values.routes !== undefined && !values.routine) throw new UsageError('--routes goes with --routine');
  if (values.routine && values.duration !== undefined) throw new UsageError('--duration is for a watch: the routine waits out the grace window after each step');
  const routine = values.routine ? { routes: parseRoutes(values.routes) } : null;
  return { kind: 'audit', options: { ...output, url: target, durationMs: parseDuration(values.duration), script: values.script ?? null, routine } };
}

function outputOptions(values: Values): OutputOptions {
  return {
    json: values.json,
    failOn: parseSeverity(values['fail-on']),
    reportFile: values.report ?? null,
    markdownFile: values.markdown ?? null,
    junitFile: values.junit ?? null,
    settingsFile: values.settings ?? null,
    expectSockets: values['expect-sockets'],
    quiet: values.quiet,
  };
}

function parseSeverity(text: string | undefined): Severity {
  if (text === undefined) return 'error';
  const severity = SEVERITIES.find((candidate) => candidate === text);
  if (!severity) throw new UsageError(`--fail-on takes error, warning or info, not "${text}"`);
  return severity;
}

function isHttpUrl(text: string): boolean {
  try {
    return ['http:', 'https:'].includes(new URL(text).protocol);
  } catch {
    return false;
  }
}

function parseRoutes(text: string | undefined): string[] {
  if (text === undefined) return [];
  const routes = text.split(',').map((route) => route.trim());
  if (routes.some((route) => route === '')) throw new UsageError(`--routes takes comma-separated routes such as /chat,/settings,/chat, not "${text}"`);
  return routes;
}

function parseDuration(text: string | undefined): number {
  if (text === undefined) return DEFAULT_DURATION_MS;
  const value = Number(text);
  if (!/^\d+$/.test(text.trim()) || !Number.isSafeInteger(value)) throw new UsageError(`--duration takes whole milliseconds, not "${text}"`);
  return value;
}
