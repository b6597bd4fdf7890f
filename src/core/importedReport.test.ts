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

  it("keeps each socket's product and SDK; a version-1 report without them still imports, its product read from the URL", () => {
    const video = 'ws://127.0.0.1:8765/video/connect?api_key=demo-key';
    const t = new Timeline().connect('c', streamConnectUrl('alice'), 0).connect('v', video, 10).send('v', 11, JSON.stringify({ token: 't', user_details: { id: 'alice' }, products: ['video'] }));
    t.check(5000);
    const report = buildReport(t.state, { now: 6000, toolVersion: '0.1.0', redact: true });
    expect(Object.values(importedView(report).state.sockets).map((socket) => socket.identity.product)).toEqual(['chat', 'video']);
    const older = { ...report, sockets: report.sockets.map(({ product: _product, client: _client, ...rest }) => rest) };
    // Without the field, the video socket's URL alone still says video; the chat URL says chat.
    expect(Object.values(importedView(older).state.sockets).map((socket) => [socket.identity.product, socket.identity.client])).toEqual([
      ['chat', null],
      ['video', null],
    ]);
  });

  it('keeps the times a report carries: when sockets opened, when findings resolved, and each socket\'s number', () => {
    const t = new Timeline().connect('a', streamConnectUrl('alice'), 1000).connect('b', streamConnectUrl('alice'), 1100);
    t.check(5000);
    t.close('a', 5500).check(5500);
    const view = importedView(buildReport(t.state, { now: 6000, toolVersion: '0.1.0', redact: true }));
    expect(view.state.sockets['b']).toMatchObject({ connectedAt: 1100, ordinal: 2 });
    expect(view.state.findings.map((finding) => [finding.active, finding.resolvedAt])).toEqual([[false, 5500]]);
  });
});
