/**
 * `onesocket audit <url>` and `onesocket analyze <file.har>`: the panel's checks, headless, for
 * CI. Prints the findings (the report with --json), writes the artifacts asked for; exits 1 when
 * a finding at or above --fail-on was raised, 2 when the command could not run. See docs/cli.md.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Report } from '../core/report';
import { reportMarkdown } from '../core/reportMarkdown';
import type { Settings } from '../core/types';
import { parseCommand, UsageError, USAGE, type OutputOptions } from './args';
import { runAnalyze } from './analyze';
import { runAudit } from './audit';
import { AuditError, messageOf } from './errors';
import { formatReport } from './formatReport';
import { junitXml } from './junit';
import { packageRoot, rulePagePath } from './packageRoot';
import { formatRoutine } from './routine';
import { readSettingsFile } from './settingsFile';
import { failingFindings } from './verdict';

const EXIT_CLEAN = 0;
const EXIT_FINDING = 1;
const EXIT_CANNOT_RUN = 2;

async function writeArtifact(file: string, text: string, log: (line: string) => void): Promise<void> {
  try {
    await mkdir(path.dirname(path.resolve(file)), { recursive: true });
    await writeFile(file, text);
  } catch (error) {
    throw new AuditError(`cannot write ${file}: ${messageOf(error)}`);
  }
  log(`Wrote ${file}`);
}

/** Prints the result, writes the artifacts, and says whether the run fails. */
async function deliver(report: Report, options: OutputOptions, text: string, suiteName: string, log: (line: string) => void): Promise<number> {
  console.log(options.json ? JSON.stringify(report, null, 2) : text);
  if (options.reportFile) await writeArtifact(options.reportFile, `${JSON.stringify(report, null, 2)}\n`, log);
  if (options.markdownFile) await writeArtifact(options.markdownFile, reportMarkdown(report), log);
  if (options.junitFile) await writeArtifact(options.junitFile, junitXml(report, { failOn: options.failOn, suiteName, rulePage: rulePagePath }), log);
  if (failingFindings(report, options.failOn).length > 0) return EXIT_FINDING;
  if (options.expectSockets && report.sockets.length === 0) {
    console.error('onesocket: no sockets seen, and --expect-sockets asks for at least one');
    return EXIT_FINDING;
  }
  return EXIT_CLEAN;
}

async function main(argv: string[]): Promise<number> {
  let command;
  try {
    command = parseCommand(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`onesocket: ${error.message}\n\n${USAGE}`);
    return EXIT_CANNOT_RUN;
  }
  if (command.kind === 'help') {
    console.log(USAGE);
    return EXIT_CLEAN;
  }
  if (command.kind === 'version') {
    console.log(packageRoot().version);
    return EXIT_CLEAN;
  }
  const { options } = command;
  const log = options.quiet ? () => undefined : (line: string) => console.error(line);
  try {
    const settings: Settings | null = options.settingsFile ? await readSettingsFile(options.settingsFile) : null;
    if (command.kind === 'analyze') {
      const report = await runAnalyze(command.options.harFile, settings, log);
      const heading = `OneSocket analysis of ${command.options.harFile}${report.page.url ? ` (${report.page.url})` : ''}`;
      return await deliver(report, options, formatReport(report, 0, { heading, rulePage: rulePagePath }), `analyze ${command.options.harFile}`, log);
    }
    const report = await runAudit(command.options, settings, log);
    const text = report.routine
      ? `${formatReport(report, 0, { heading: `OneSocket routine on ${command.options.url}`, rulePage: rulePagePath })}\n\n${formatRoutine(report.routine)}`
      : formatReport(report, command.options.durationMs, { rulePage: rulePagePath });
    return await deliver(report, options, text, `audit ${command.options.url}`, log);
  } catch (error) {
    if (!(error instanceof AuditError)) throw error;
    console.error(`onesocket: ${error.message}`);
    return EXIT_CANNOT_RUN;
  }
}

process.exitCode = await main(process.argv.slice(2)).catch((error: unknown) => {
  console.error('onesocket: failed unexpectedly:', error);
  return EXIT_CANNOT_RUN;
});
