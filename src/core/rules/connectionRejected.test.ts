import { describe, expect, it } from 'vitest';
import { streamConnectUrl, Timeline } from '../testing/timeline';

const alice = streamConnectUrl('alice');
const tooMany = JSON.stringify({ error: { code: 71, message: 'Too many connections', StatusCode: 429 } });

describe('connection-rejected', () => {
  it('fires on an error frame, even when the socket is closed before the rules look', () => {
    const t = new Timeline().connect('a', alice, 0).receive('a', 5, tooMany).dropped('a', 6, 1000);
    t.check(10);
    expect(t.activeRules()).toEqual(['connection-rejected:alice']);
    expect(t.state.findings[0]).toMatchObject({ severity: 'error', userId: 'alice', socketIds: ['a'] });
    expect(t.state.findings[0]?.message).toBe('User "alice" was refused by the server with error 71 (too many connections): "Too many connections".');
  });

  it('fires on a connect refused before it opened', () => {
    const t = new Timeline().refused('a', 'wss://down.example/socket', 0);
    t.check(10);
    expect(t.activeRules()).toEqual(['connection-rejected:wss://down.example/socket']);
    expect(t.state.findings[0]?.message).toContain('refused the connection before it opened (close code 1006)');
  });

  it('resolves once a later attempt of the same user connects cleanly', () => {
    const t = new Timeline().connect('a', alice, 0).receive('a', 5, tooMany).dropped('a', 6, 1000);
    t.check(10);
    t.connect('b', alice, 3000).check(3000);
    expect(t.findingsOf('connection-rejected')).toMatchObject([{ active: false, resolvedAt: 3000 }]);
  });

  it('stays one incident while retries keep failing', () => {
    const t = new Timeline();
    for (let i = 0; i < 3; i++) t.refused(`s${i}`, alice, i * 1000).check(i * 1000 + 1);
    expect(t.findingsOf('connection-rejected')).toMatchObject([{ active: true, socketIds: ['s0', 's1', 's2'] }]);
  });

  it('does not fire when the page itself closes a socket before it opened (StrictMode unmount)', () => {
    const t = new Timeline().create('a', alice, 0).closing('a', 2).dropped('a', 3, 1006).connect('b', alice, 4);
    t.check(5000);
    expect(t.state.findings).toEqual([]);
  });

  it('redacts a secret the server quotes back', () => {
    const frame = JSON.stringify({ error: { code: 43, message: 'bad token eyJhbGciOiJIUzI1NiJ9.eyJ1c2VyX2lkIjoiYSJ9.SIGNATURE' } });
    const t = new Timeline().connect('a', alice, 0).receive('a', 1, frame);
    t.check(2);
    expect(t.state.findings[0]?.message).not.toContain('SIGNATURE');
  });
});
