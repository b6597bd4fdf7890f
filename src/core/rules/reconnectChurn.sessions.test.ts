import { describe, expect, it } from 'vitest';
import { streamConnectUrl, Timeline } from '../testing/timeline';

const alice = streamConnectUrl('alice');

describe('reconnect-churn is about sockets replaced quickly, not deliberate sessions', () => {
  it('stays quiet for a tester who logs in and out properly, several times a minute', () => {
    // Eight sessions of 6 s each, every one ended by disconnectUser (1000) before the next login.
    const t = new Timeline();
    for (let i = 0; i < 8; i++) t.connect(`s${i}`, alice, i * 7000).close(`s${i}`, i * 7000 + 6000);
    for (let at = 0; at <= 60_000; at += 1000) t.check(at);
    expect(t.findingsOf('reconnect-churn')).toEqual([]);
  });

  it('still fires for short lives the page ends and opens again from one call site', () => {
    const t = new Timeline();
    for (let i = 0; i < 5; i++) t.connect(`s${i}`, alice, i * 300).close(`s${i}`, i * 300 + 250);
    t.check(1500);
    expect(t.activeRules()).toEqual(['reconnect-churn:chat:alice']);
  });

  it('says as many connections as it links, also once the first have left the window', () => {
    // The SDK's reconnect loop: each socket dropped by the network, the next one 8 s later.
    const t = new Timeline();
    for (let i = 0; i < 9; i++) {
      t.connect(`s${i}`, alice, i * 8000);
      if (i < 8) t.dropped(`s${i}`, i * 8000 + 7990);
      t.check(i * 8000);
    }
    const [finding] = t.findingsOf('reconnect-churn');
    expect(finding?.active).toBe(true);
    const count = Number(/opened (\d+) connections/.exec(finding?.message ?? '')?.[1]);
    // At 64 s the window (60 s) holds s1..s8: s0 has left it, and left the links too.
    expect(finding?.socketIds).toEqual(['s1', 's2', 's3', 's4', 's5', 's6', 's7', 's8']);
    expect(count).toBe(finding?.socketIds.length);
  });
});
