import { describe, expect, it } from 'vitest';
import { streamConnectUrl, Timeline } from '../testing/timeline';
import { DEFAULT_SETTINGS } from '../settings/defaults';

const alice = streamConnectUrl('alice');

/** The SDK's reconnect loop: each socket dropped by the network, the next opened `gap` ms later. */
function reconnectLoop(t: Timeline, count: number, gap: number, start = 0): Timeline {
  for (let i = 0; i < count; i++) {
    const at = start + i * gap;
    t.connect(`s${i}`, alice, at);
    if (i < count - 1) t.dropped(`s${i}`, at + gap - 10);
  }
  return t;
}

describe('reconnect-churn', () => {
  it('fires at the 5th socket for one user within 60 s', () => {
    const t = reconnectLoop(new Timeline(), 4, 2000);
    t.check(8000);
    expect(t.activeRules()).toEqual([]);
    t.dropped('s3', 7990).connect('s4', alice, 8000).check(8000);
    expect(t.activeRules()).toEqual(['reconnect-churn:chat:alice']);
    expect(t.state.findings[0]).toMatchObject({ severity: 'warning', userId: 'alice', socketIds: ['s0', 's1', 's2', 's3', 's4'] });
    expect(t.state.findings[0]?.message).toBe('User "alice" opened 5 connections to Stream Chat in 8 s in this tab; something keeps reconnecting or remounting the client.');
  });

  it('resolves once the window holds fewer than 5 again', () => {
    const t = reconnectLoop(new Timeline(), 5, 2000);
    // The first socket leaves the 60 s window at 60 000 ms.
    expect(t.check(8000)).toBe(60_000);
    t.check(60_000);
    expect(t.findingsOf('reconnect-churn')).toMatchObject([{ active: false, resolvedAt: 60_000 }]);
  });

  it('does not fire for 5 sockets spread over more than 60 s', () => {
    const t = reconnectLoop(new Timeline(), 5, 16_000);
    for (let at = 0; at <= 70_000; at += 1000) t.check(at);
    expect(t.state.findings).toEqual([]);
  });

  it('does not count a reconnect hand-over, nor two, as churn', () => {
    const t = reconnectLoop(new Timeline(), 3, 1000);
    t.check(3000);
    expect(t.state.findings).toEqual([]);
  });

  it('counts sockets of an unknown user per endpoint', () => {
    const t = new Timeline();
    for (let i = 0; i < 5; i++) t.connect(`s${i}`, `wss://rt.example/socket?attempt=${i}`, i * 100).dropped(`s${i}`, i * 100 + 50);
    t.check(1000);
    expect(t.activeRules()).toEqual(['reconnect-churn:wss://rt.example/socket']);
  });

  it('follows the threshold and window settings', () => {
    const t = reconnectLoop(new Timeline({ ...DEFAULT_SETTINGS, churnThreshold: 3, churnWindowMs: 10_000 }), 3, 4000);
    t.check(8000);
    expect(t.activeRules()).toEqual(['reconnect-churn:chat:alice']);
  });

  it("counts per product: alice's chat reconnects and video connects are two counts", () => {
    const video = 'ws://127.0.0.1:8765/video/connect?api_key=demo-key';
    const t = new Timeline();
    for (let i = 0; i < 3; i++) t.connect(`c${i}`, streamConnectUrl('alice'), i * 1000).dropped(`c${i}`, i * 1000 + 500);
    for (let i = 0; i < 2; i++) t.connect(`v${i}`, video, i * 1000 + 100).send(`v${i}`, i * 1000 + 100, JSON.stringify({ token: 't', user_details: { id: 'alice' }, products: ['video'] })).dropped(`v${i}`, i * 1000 + 600);
    t.check(5000);
    expect(t.findingsOf('reconnect-churn')).toEqual([]);
  });
});
