import { describe, expect, it } from 'vitest';
import { crossTabTally } from './tally';
import { streamConnectUrl, Timeline } from './testing/timeline';

describe('crossTabTally', () => {
  it("sums each user's live sockets across tabs, most first, and ignores closed ones", () => {
    const one = new Timeline(undefined, 1).connect('a', streamConnectUrl('alice'), 0).connect('b', streamConnectUrl('bob'), 0);
    const two = new Timeline(undefined, 2).connect('c', streamConnectUrl('alice'), 0).connect('d', streamConnectUrl('alice'), 0).close('d', 10);
    two.check(5000);
    const tally = crossTabTally([two.state, one.state], { redact: true });
    expect(tally.users).toEqual([
      { userId: 'alice', product: 'chat', total: 2, perTab: [{ tabId: 1, url: 'https://app.example/', sockets: 1 }, { tabId: 2, url: 'https://app.example/', sockets: 1 }] },
      { userId: 'bob', product: 'chat', total: 1, perTab: [{ tabId: 1, url: 'https://app.example/', sockets: 1 }] },
    ]);
    expect(tally.tabs.map((tab) => [tab.tabId, tab.liveSockets, tab.users])).toEqual([
      [1, 2, 2],
      [2, 1, 1],
    ]);
  });

  it('counts active findings by severity per tab', () => {
    const t = new Timeline().connect('a', streamConnectUrl('alice'), 0).connect('b', streamConnectUrl('alice'), 0);
    t.check(5000);
    const [tab] = crossTabTally([t.state], { redact: true }).tabs;
    expect(tab?.findings).toEqual({ error: 1, warning: 0, info: 0 });
    expect(tab?.activeFindings).toEqual([expect.objectContaining({ rule: 'duplicate-connection', userId: 'alice' })]);
  });

  it('tallies a user per product: one chat and one video socket of alice are two rows, one user', () => {
    const video = 'ws://127.0.0.1:8765/video/connect?api_key=demo-key';
    const t = new Timeline().connect('c', streamConnectUrl('alice'), 0).connect('v', video, 0).send('v', 1, JSON.stringify({ token: 't', user_details: { id: 'alice' }, products: ['video'] }));
    const tally = crossTabTally([t.state], { redact: true });
    expect(tally.users.map(({ userId, product, total }) => [userId, product, total])).toEqual([
      ['alice', 'chat', 1],
      ['alice', 'video', 1],
    ]);
    expect(tally.tabs[0]?.users).toBe(1);
  });
});
