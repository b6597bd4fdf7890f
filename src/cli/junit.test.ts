import { describe, expect, it } from 'vitest';
import { buildReport, type Report } from '../core/report';
import { RULE_IDS } from '../core/ruleIds';
import { streamConnectUrl, Timeline } from '../core/testing/timeline';
import { junitXml, xmlEscape } from './junit';

function duplicateReport(): Report {
  const t = new Timeline().connect('a', streamConnectUrl('alice'), 0).connect('b', streamConnectUrl('alice'), 10);
  t.check(5000);
  return buildReport(t.state, { now: 6000, toolVersion: 'test', redact: true });
}

const rulePage = (rule: string): string => `docs/rules/${rule}.md`;
const testcases = (xml: string): string[] => [...xml.matchAll(/<testcase classname="onesocket" name="([^"]+)"/g)].map((match) => match[1] as string);

describe('JUnit XML of a run', () => {
  it('has one test case per rule, and a failure for the rule that raised an error', () => {
    const xml = junitXml(duplicateReport(), { failOn: 'error', suiteName: 'audit http://x/', rulePage });
    expect(testcases(xml)).toEqual([...RULE_IDS]);
    expect(xml).toContain('<testsuite name="audit http://x/" tests="18" failures="1"');
    expect(xml).toMatch(/<testcase classname="onesocket" name="duplicate-connection">\s*<failure message="alice: User &quot;alice&quot; holds 2 connections/);
    expect(xml).toContain('Sockets #1, #2. Why and how to fix: docs/rules/duplicate-connection.md</failure>');
    expect(xml).toContain('<testcase classname="onesocket" name="dev-token"/>');
  });

  it('lists a finding below --fail-on without failing its case', () => {
    const report = duplicateReport();
    report.findings = report.findings.map((finding) => ({ ...finding, severity: 'warning' as const }));
    const xml = junitXml(report, { failOn: 'error', suiteName: 's', rulePage });
    expect(xml).toContain('failures="0"');
    expect(xml).toMatch(/name="duplicate-connection">\s*<system-out>warning duplicate-connection user alice/);
    expect(junitXml(report, { failOn: 'warning', suiteName: 's', rulePage })).toContain('failures="1"');
  });

  it('escapes what XML gives a meaning, and drops what it cannot hold', () => {
    expect(xmlEscape(`a<b>&"c"'d'\u0001\uFFFE`)).toBe('a&lt;b&gt;&amp;&quot;c&quot;&apos;d&apos;\uFFFD\uFFFD');
    const report = duplicateReport();
    report.findings = report.findings.map((finding) => ({ ...finding, userId: '<script>&' }));
    expect(junitXml(report, { failOn: 'error', suiteName: 's', rulePage })).toContain('message="&lt;script&gt;&amp;: User');
  });
});
