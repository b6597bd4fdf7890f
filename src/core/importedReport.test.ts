import { describe, expect, it } from 'vitest';
import { buildReport } from './report';
import { streamConnectUrl, Timeline } from './testing/timeline';
import { importedView } from './importedReport';

describe('importedView', () => {
  it('shows a report as the tab it came from: the same sockets, owners and findings', () => {
    const t = new Timeline().connect('a', streamConnectUrl('alice'), 1000).connect('b', streamConnectUrl('alice'), 1100);
    t.check(5000);
    const report = buildReport(t.state, { now: 6000, toolVersion: '0.1.0', redact: true });
    const view = importedView(report);
    expect(view.state.socketOrder).toEqual(['a', 'b']);
    expect(view.state.sockets['a']).toMatchObject({ createdAt: 1000, state: 'open', identity: { userId: 'alice', apiKey: 'demo-key', userDetails: { id: 'alice' } } });
    expect(view.state.findings.map((finding) => [finding.rule, finding.active, finding.socketIds])).toEqual([['duplicate-connection', true, ['a', 'b']]]);
    expect(view.now).toBe(6000);
    expect(view.settings.redact).toBe(true);
  });

  it('keeps the times a report carries: when sockets opened, when findings resolved, and each socket\'s number', () => {
    const t = new Timeline().connect('a', streamConnectUrl('alice'), 1000).connect('b', streamConnectUrl('alice'), 1100);
    t.check(5000);
    t.close('a', 5500).check(5500);
    const view = importedView(buildReport(t.state, { now: 6000, toolVersion: '0.1.0', redact: true }));
    expect(view.state.sockets['b']).toMatchObject({ openAt: 1100, ordinal: 2 });
    expect(view.state.findings.map((finding) => [finding.active, finding.resolvedAt])).toEqual([[false, 5500]]);
  });
});
