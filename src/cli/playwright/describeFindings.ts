import type { ReportFinding } from '../../core/report';

/**
 * Findings the way a developer reads them in a CI log: one block each, with what is wrong,
 * whose it is and where the fix is explained.
 */
export function describeFindings(findings: readonly ReportFinding[], rulePage: (rule: string) => string): string {
  return findings
    .map((finding) =>
      [
        `  ${finding.severity.toUpperCase()} ${finding.rule}: user ${finding.userId ?? 'unknown'}${finding.product ? `, product ${finding.product}` : ''}${finding.active ? '' : ' (resolved before the end)'}`,
        `    ${finding.message}`,
        ...(finding.cause ? [`    likely cause: ${finding.cause.message}`] : []),
        `    why and how to fix: ${rulePage(finding.rule)}`,
      ].join('\n'),
    )
    .join('\n');
}
