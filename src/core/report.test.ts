import { describe, expect, it } from 'vitest';
import { buildReport, parseReport } from './report';
import { createTabState } from './tabState';
import { streamConnectUrl, Timeline } from './testing/timeline';

function sampleReport() {
  const t = new Timeline().connect('a', streamConnectUrl('alice'), 0).connect('b', streamConnectUrl('alice'), 10);
  t.check(5000);
  return buildReport(t.state, { now: 6000, toolVersion: '0.1.0', redact: true });
}

describe('parseReport', () => {
  it('reads back what buildReport wrote', () => {
    const report = sampleReport();
    expect(parseReport(JSON.stringify(report))).toEqual({ ok: true, report });
  });

  it('says when a file is not JSON, or not a OneSocket report', () => {
    expect(parseReport('<html>')).toMatchObject({ ok: false, error: expect.stringMatching(/^This file is not JSON/) });
    expect(parseReport('{"format":"har"}')).toEqual({ ok: false, error: 'This file is not a OneSocket report: its "format" is "har", expected "onesocket-report".' });
    expect(parseReport('{"format":"onesocket-report","version":7}')).toEqual({ ok: false, error: 'This report has version 7; this OneSocket reads version 1.' });
  });

  it('names the field that breaks the schema', () => {
    const report = sampleReport() as unknown as { sockets: Array<Record<string, unknown>> };
    delete report.sockets[1]?.['state'];
    const result = parseReport(JSON.stringify(report));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toContain('sockets/1: Instance does not have required property "state".');
  });
});

describe('what a report says was dropped', () => {
  it('counts evicted sockets and refused events, and an import shows them again', () => {
    const state = { ...createTabState(3, 'https://app.example/', 0), evictedSockets: 12, droppedEvents: 40 };
    const report = buildReport(state, { now: 1000, toolVersion: 't', redact: true });
    expect(report.dropped).toEqual({ sockets: 12, events: 40 });
    const parsed = parseReport(JSON.stringify(report));
    expect(parsed.ok && parsed.report.dropped).toEqual({ sockets: 12, events: 40 });
  });
});

describe('the integration checklist in a report', () => {
  it('carries the checklist and the Stream API calls, their URLs redacted, and reads back', () => {
    const t = new Timeline()
      .connect('a', streamConnectUrl('alice'), 0)
      .apiCall(10, { url: 'https://chat.example/channels?api_key=k&authorization=secret-value', method: 'POST', status: 429, rateLimitLimit: 60, rateLimitRemaining: 0, rateLimitReset: 99 });
    t.check(20);
    const report = buildReport(t.state, { now: 30, toolVersion: 't', redact: true });
    expect(report.checklist?.rateLimits).toMatchObject({ status: 'failed', rules: ['rate-limited'] });
    expect(report.checklist?.queryChannels?.status).toBe('not-applicable');
    expect(report.http).toHaveLength(1);
    expect(report.http?.[0]).toMatchObject({ endpoint: 'POST /channels', status: 429, rateLimit: { limit: 60, remaining: 0, reset: 99 } });
    expect(JSON.stringify(report)).not.toContain('secret-value');
    expect(parseReport(JSON.stringify(report))).toEqual({ ok: true, report });
  });
});

describe('buildReport: products', () => {
  it("carries each socket's product and SDK, and the product a per-user finding counts in", () => {
    const video = 'ws://127.0.0.1:8765/video/connect?api_key=demo-key&X-Stream-Client=stream-video-plain_javascript-v1.60.0%7Cclient_bundle%3Dbrowser-esm';
    const auth = (id: string) => JSON.stringify({ token: 't', user_details: { id }, products: ['video'] });
    const t = new Timeline().connect('c', streamConnectUrl('alice'), 0).connect('v1', video, 0).send('v1', 1, auth('alice')).connect('v2', video, 5).send('v2', 6, auth('alice'));
    t.check(5000);
    const report = buildReport(t.state, { now: 6000, toolVersion: '0.1.0', redact: true });
    expect(report.sockets.map(({ id, product, client }) => [id, product, client])).toEqual([
      ['c', 'chat', null],
      ['v1', 'video', 'stream-video-plain_javascript-v1.60.0'],
      ['v2', 'video', 'stream-video-plain_javascript-v1.60.0'],
    ]);
    expect(report.findings).toMatchObject([{ rule: 'duplicate-connection', product: 'video', socketIds: ['v1', 'v2'] }]);
    expect(parseReport(JSON.stringify(report))).toEqual({ ok: true, report });
  });
});
