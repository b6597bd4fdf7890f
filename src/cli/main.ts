/**
 * `onesocket audit <url> [--json] [--duration <ms>] [--script <flow.mjs>]`: the panel's checks,
 * headless, for CI. Prints the findings (the report with --json); exits 1 when an error finding
 * was raised, 2 when the audit could not run. See docs/cli.md.
 */
import { parseCommand, UsageError, USAGE } from './args';
import { AuditError, runAudit } from './audit';
import { formatReport, raisedAnError } from './formatReport';

const EXIT_CLEAN = 0;
const EXIT_ERROR_FINDING = 1;
const EXIT_CANNOT_RUN = 2;

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
  const { options } = command;
  try {
    const report = await runAudit(options, (line) => console.error(line));
    console.log(options.json ? JSON.stringify(report, null, 2) : formatReport(report, options.durationMs));
    return raisedAnError(report) ? EXIT_ERROR_FINDING : EXIT_CLEAN;
  } catch (error) {
    if (!(error instanceof AuditError)) throw error;
    console.error(`onesocket: ${error.message}`);
    return EXIT_CANNOT_RUN;
  }
}

process.exitCode = await main(process.argv.slice(2)).catch((error: unknown) => {
  console.error('onesocket: the audit failed unexpectedly:', error);
  return EXIT_CANNOT_RUN;
});
