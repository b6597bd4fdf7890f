import { buildReport, reportFileName, type Report } from '../core/report';
import { markdownFileName, reportMarkdown } from '../core/reportMarkdown';
import type { TabView } from '../core/types';

function download(text: string, type: string, fileName: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoke later: the download starts asynchronously and needs the URL until then.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** The spec's report of what the panel shows (redacted unless redaction is off). */
export function reportOf(view: TabView, toolVersion: string): Report {
  return buildReport(view.state, { now: Date.now(), toolVersion, redact: view.settings.redact });
}

/** Downloads the spec's JSON report. */
export function downloadReport(view: TabView, toolVersion: string): void {
  const report = reportOf(view, toolVersion);
  download(JSON.stringify(report, null, 2), 'application/json', reportFileName(report));
}

/** Downloads the Markdown summary of the same report, for a bug tracker. */
export function downloadMarkdown(view: TabView, toolVersion: string): void {
  const report = reportOf(view, toolVersion);
  download(reportMarkdown(report), 'text/markdown', markdownFileName(reportFileName(report)));
}
