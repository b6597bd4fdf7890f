import type { Report } from '../core/report';
import { RULE_IDS } from '../core/ruleIds';
import type { Severity } from '../core/types';
import { socketNames } from './formatReport';
import { atLeast } from './verdict';

/** Text in XML: the five characters with a meaning, and characters XML 1.0 cannot hold at all. */
export function xmlEscape(text: string): string {
  return text
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '\uFFFD')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/**
 * The run as JUnit XML, which CI dashboards read: one test suite, one test case per rule. A
 * rule fails when it raised a finding at or above `failOn`; findings below it are listed in the
 * case's system-out, so the case passes but the dashboard still shows them.
 */
export function junitXml(report: Report, options: { failOn: Severity; suiteName: string; rulePage: (rule: string) => string }): string {
  const names = socketNames(report);
  let failures = 0;
  const cases = RULE_IDS.map((rule) => {
    const raised = report.findings.filter((finding) => finding.rule === rule);
    const failing = raised.filter((finding) => atLeast(finding.severity, options.failOn));
    const describe = (finding: (typeof raised)[number]): string =>
      `${finding.severity} ${finding.rule} user ${finding.userId ?? 'unknown'}${finding.product ? ` (${finding.product})` : ''}: ${finding.message} Sockets ${names(finding.socketIds)}. Why and how to fix: ${options.rulePage(rule)}`;
    const body: string[] = [];
    if (failing.length > 0) {
      failures += 1;
      const message = failing.map((finding) => `${finding.userId ?? 'unknown user'}: ${finding.message}`).join(' | ');
      body.push(`      <failure message="${xmlEscape(message)}" type="${xmlEscape(failing[0]?.severity ?? 'error')}">${xmlEscape(failing.map(describe).join('\n'))}</failure>`);
    }
    const below = raised.filter((finding) => !failing.includes(finding));
    if (below.length > 0) body.push(`      <system-out>${xmlEscape(below.map(describe).join('\n'))}</system-out>`);
    const open = `    <testcase classname="onesocket" name="${xmlEscape(rule)}"`;
    return body.length === 0 ? `${open}/>` : [`${open}>`, ...body, '    </testcase>'].join('\n');
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="OneSocket" tests="${RULE_IDS.length}" failures="${failures}">`,
    `  <testsuite name="${xmlEscape(options.suiteName)}" tests="${RULE_IDS.length}" failures="${failures}" errors="0" skipped="0" timestamp="${xmlEscape(report.createdAt)}">`,
    ...cases,
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}
