/**
 * `onesocket`: the CLI's building blocks as a library, for scripts that want the report
 * without the command line. The command itself is the package's `bin` (onesocket).
 */
export { runAudit, type FlowContext } from './audit';
export { runAnalyze } from './analyze';
export { AuditError } from './errors';
export { formatReport } from './formatReport';
export { junitXml } from './junit';
export { readSettingsFile, settingsFromJson } from './settingsFile';
export { failingFindings } from './verdict';
export { parseHar } from '../core/har';
export { reportMarkdown } from '../core/reportMarkdown';
export { parseReport, type Report, type ReportFinding, type ReportSocket } from '../core/report';
export type { AuditOptions, AnalyzeOptions, OutputOptions } from './args';
export type { Settings, Severity } from '../core/types';
