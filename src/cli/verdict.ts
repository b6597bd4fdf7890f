import type { Report, ReportFinding } from '../core/report';
import type { Severity } from '../core/types';

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** True when `severity` is `threshold` or more severe (error > warning > info). */
export function atLeast(severity: Severity, threshold: Severity): boolean {
  return RANK[severity] <= RANK[threshold];
}

/** The findings that fail the run: raised at or above `failOn`, resolved since or not. */
export function failingFindings(report: Report, failOn: Severity): ReportFinding[] {
  return report.findings.filter((finding) => atLeast(finding.severity, failOn));
}

/** True when the session raised an error finding, resolved since or not: the audit fails. */
export function raisedAnError(report: Report): boolean {
  return failingFindings(report, 'error').length > 0;
}
