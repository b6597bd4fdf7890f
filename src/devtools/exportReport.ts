import { buildReport, reportFileName } from '../core/report';
import type { TabView } from '../core/types';

/** Downloads the spec's JSON report of the inspected tab (redacted unless redaction is off). */
export function downloadReport(view: TabView, toolVersion: string): void {
  const report = buildReport(view.state, { now: Date.now(), toolVersion, redact: view.settings.redact });
  const blob = new Blob([JSON.stringify(report, null, 2)], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = reportFileName(report);
  document.body.append(link);
  link.click();
  link.remove();
  // Revoke later: the download starts asynchronously and needs the URL until then.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
