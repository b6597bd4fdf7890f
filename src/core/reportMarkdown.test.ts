import { describe, expect, it } from 'vitest';
import { buildReport } from './report';
import { reportMarkdown, socketRefs } from './reportMarkdown';
import { DEFAULT_SETTINGS } from './settings/defaults';
import { streamConnectUrl, Timeline } from './testing/timeline';

describe('reportMarkdown', () => {
  it('summarises findings first, then every socket, with nothing secret in it', () => {
    const t = new Timeline().connect('a', streamConnectUrl('alice'), 0).connect('b', streamConnectUrl('alice'), 10);
    t.check(2000);
    t.close('b', 3000).check(3000);
    const markdown = reportMarkdown(buildReport(t.state, { now: 6000, toolVersion: '0.1.0', redact: true }));
    expect(markdown).toContain('# OneSocket report: https://app.example/');
    expect(markdown).toContain('**2 sockets** (1 open at export), **1 user**; active findings: **0 errors**, 0 warnings, 0 info.');
    expect(markdown).toMatch(/\| error \| `duplicate-connection` \| alice \| chat \| #1, #2 \| .+ \| resolved \|/);
    // The endpoint names the protocol its frames decode as.
    expect(markdown).toContain('| 2 | closed | alice | chat | wss://chat.example/connect (stream) |');
    expect(markdown).not.toContain('sig');
  });

  it('names sockets by their number after older ones were evicted, and never by an internal id', () => {
    const t = new Timeline({ ...DEFAULT_SETTINGS, maxSocketsPerTab: 2 });
    t.connect('abc-1', streamConnectUrl('alice'), 0).connect('abc-2', streamConnectUrl('alice'), 1).check(2000);
    t.close('abc-1', 2100).close('abc-2', 2100).check(2100);
    t.connect('abc-3', 'wss://x.example/', 3000).connect('abc-4', 'wss://x.example/', 3001);
    const report = buildReport(t.state, { now: 6000, toolVersion: '0.1.0', redact: true });
    const markdown = reportMarkdown(report);
    expect(markdown).toMatch(/\| error \| `duplicate-connection` \| alice \| chat \| 2 dropped \|/);
    expect(markdown).toContain('| 3 | open | – | – | wss://x.example/ |');
    expect(markdown).not.toContain('abc-');
    expect(socketRefs(['x', 'y', 'z'], new Map([['y', 7]]))).toBe('#7, 2 dropped');
  });
});
