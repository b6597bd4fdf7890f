import { describe, expect, it } from 'vitest';
import { buildReport } from './report';
import { reportMarkdown } from './reportMarkdown';
import { streamConnectUrl, Timeline } from './testing/timeline';

describe('reportMarkdown', () => {
  it('summarises findings first, then every socket, with nothing secret in it', () => {
    const t = new Timeline().connect('a', streamConnectUrl('alice'), 0).connect('b', streamConnectUrl('alice'), 10);
    t.check(2000);
    t.close('b', 3000).check(3000);
    const markdown = reportMarkdown(buildReport(t.state, { now: 6000, toolVersion: '0.1.0', redact: true }));
    expect(markdown).toContain('# OneSocket report: https://app.example/');
    expect(markdown).toContain('**2 sockets** (1 open at export), **1 user**; active findings: **0 errors**, 0 warnings, 0 info.');
    expect(markdown).toMatch(/\| error \| `duplicate-connection` \| alice \| #1, #2 \| .+ \| resolved \|/);
    // The endpoint names the protocol its frames decode as.
    expect(markdown).toContain('| 2 | closed | alice | wss://chat.example/connect (stream) |');
    expect(markdown).not.toContain('sig');
  });
});
