import { describe, expect, it } from 'vitest';
import { buildReport, type Report } from '../core/report';
import { createTabState } from '../core/tabState';
import { streamConnectUrl, Timeline } from '../core/testing/timeline';
import { formatReport, raisedAnError } from './formatReport';

function reportOf(timeline: Timeline, now: number): Report {
  return buildReport(timeline.state, { now, toolVersion: 'test', redact: true });
}

describe('the CLI’s text report', () => {
  it('says what was seen, then each finding with its user, sockets and rule page', () => {
    const t = new Timeline().connect('a', streamConnectUrl('alice'), 0).connect('b', streamConnectUrl('alice'), 10);
    t.check(5000);
    const text = formatReport(reportOf(t, 6000), 5000);
    expect(text).toContain('watched 5.0 s');
    expect(text).toContain('2 sockets (2 still open); by user: alice (2)');
    expect(text).toMatch(/^ERROR +duplicate-connection +alice \(chat\)$/m);
    expect(text).toContain('sockets #1, #2 · why and how to fix: docs/rules/duplicate-connection.md');
    expect(text).toMatch(/1 error, \d+ warnings?, \d+ info\.$/);
  });

  it('marks a finding resolved before the end, which still fails the audit', () => {
    const t = new Timeline().connect('a', streamConnectUrl('alice'), 0).connect('b', streamConnectUrl('alice'), 10);
    t.check(5000);
    t.close('b', 6000);
    t.check(7000);
    const report = reportOf(t, 8000);
    expect(formatReport(report, 8000)).toContain('duplicate-connection  alice (chat) (resolved before the end)');
    expect(raisedAnError(report)).toBe(true);
  });

  it('passes a page without findings, and says what the record lost', () => {
    const report = buildReport({ ...createTabState(1, 'https://app.example/', 0), evictedSockets: 3, droppedEvents: 0 }, { now: 1, toolVersion: 't', redact: true });
    const text = formatReport(report, 1000);
    expect(text).toContain('No sockets seen: the page opened no WebSocket');
    expect(text).toContain('Not in this record: 3 sockets evicted past the per-tab cap, 0 events refused.');
    expect(text).toContain('No findings.');
    expect(raisedAnError(report)).toBe(false);
  });

  it('lists errors before warnings', () => {
    const report = reportOf(new Timeline(), 0);
    const at = 5;
    report.findings = [
      { rule: 'dev-token', severity: 'warning', userId: 'bob', socketIds: ['x'], message: 'dev token', at, active: true },
      { rule: 'token-expired', severity: 'error', userId: 'bob', socketIds: ['x'], message: 'expired', at: at + 1, active: true },
    ];
    const text = formatReport(report, 0);
    expect(text.indexOf('token-expired')).toBeLessThan(text.indexOf('dev-token'));
    expect(raisedAnError(report)).toBe(true);
  });

  it('says where the rule page is as the caller knows it, and what the record could not know', () => {
    const t = new Timeline().connect('a', streamConnectUrl('alice'), 0).connect('b', streamConnectUrl('alice'), 10);
    t.check(5000);
    const report = { ...reportOf(t, 6000), limitations: ['Made from a HAR recording: no creation stack.'] };
    const text = formatReport(report, 0, { heading: 'OneSocket analysis of s.har', rulePage: (rule) => `node_modules/onesocket/docs/rules/${rule}.md` });
    expect(text.split('\n')[0]).toBe('OneSocket analysis of s.har');
    expect(text).toContain('Limitation: Made from a HAR recording: no creation stack.');
    expect(text).toContain('why and how to fix: node_modules/onesocket/docs/rules/duplicate-connection.md');
  });
});
