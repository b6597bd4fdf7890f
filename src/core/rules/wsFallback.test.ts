import { describe, expect, it } from 'vitest';
import { streamConnectUrl, Timeline } from '../testing/timeline';

const json = encodeURIComponent(JSON.stringify({ user_id: 'alice', user_details: { id: 'alice' } }));
const longPollUrl = `https://chat.example/longpoll?json=${json}&user_id=alice&api_key=demo-key`;

describe('ws-fallback', () => {
  it('reports a long-poll session as info, after the WebSocket attempts failed', () => {
    const t = new Timeline().refused('w1', streamConnectUrl('alice'), 0).refused('w2', streamConnectUrl('alice'), 1000);
    t.check(1001);
    expect(t.activeRules()).toEqual(['connection-rejected:alice']);
    t.longPoll('lp', longPollUrl, 2000).check(2001);
    expect(t.activeRules()).toEqual(['ws-fallback:alice']);
    expect(t.state.findings.find((f) => f.rule === 'ws-fallback')).toMatchObject({ severity: 'info', userId: 'alice', socketIds: ['lp'] });
    // The session succeeded, so the refused WebSocket attempts are resolved, not active.
    expect(t.findingsOf('connection-rejected')).toMatchObject([{ active: false }]);
  });

  it('tallies the session like a socket: a long-poll session beside a WebSocket is a duplicate', () => {
    const t = new Timeline().connect('w', streamConnectUrl('alice'), 0).longPoll('lp', longPollUrl, 10);
    t.check(2000);
    expect(t.activeRules()).toContain('duplicate-connection:chat:alice');
  });

  it('does not fire for WebSockets', () => {
    const t = new Timeline().connect('w', streamConnectUrl('alice'), 0);
    t.check(1);
    expect(t.state.findings).toEqual([]);
  });
});
