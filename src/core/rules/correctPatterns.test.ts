import { describe, expect, it } from 'vitest';
import { Browser, streamConnectUrl, Timeline } from '../testing/timeline';

/**
 * The correct patterns a user must never be warned about (issue 4): every rule runs over each,
 * and no finding at all may come out, not even a resolved one.
 */
const alice = streamConnectUrl('alice');
const bob = streamConnectUrl('bob');
const hello = (user: string, connectionId: string) => JSON.stringify({ type: 'health.check', connection_id: connectionId, me: { id: user } });

describe('no rule fires on the correct patterns', () => {
  it('a reconnect hand-over: the network drops the socket, the SDK opens the next', () => {
    const t = new Timeline().connect('a', alice, 0).receive('a', 5, hello('alice', 'c1')).dropped('a', 40_000).connect('b', alice, 40_400).receive('b', 40_405, hello('alice', 'c2'));
    for (let at = 0; at <= 120_000; at += 500) t.check(at);
    expect(t.state.findings).toEqual([]);
  });

  it("a hand-over where the old socket's close lands after the new one opened", () => {
    const t = new Timeline().connect('a', alice, 0).closing('a', 30_000).connect('b', alice, 30_005).dropped('a', 30_200, 1000);
    for (let at = 29_000; at <= 40_000; at += 100) t.check(at);
    expect(t.state.findings).toEqual([]);
  });

  it("React StrictMode's mount, unmount, mount (the first socket closed while still connecting)", () => {
    const t = new Timeline().create('a', alice, 0).closing('a', 2).create('b', alice, 3).dropped('a', 8, 1006).open('b', 20);
    for (let at = 0; at <= 5000; at += 50) t.check(at);
    expect(t.state.findings).toEqual([]);
  });

  it('two different users in two different tabs', () => {
    const browser = new Browser();
    browser.tab(1).connect('a', alice, 0);
    browser.tab(2).connect('b', bob, 0);
    for (let at = 0; at <= 5000; at += 250) browser.check(at);
    expect(browser.tab(1).state.findings).toEqual([]);
    expect(browser.tab(2).state.findings).toEqual([]);
  });

  it('a clean user switch: disconnectUser() for alice, then connectUser() for bob', () => {
    const t = new Timeline().connect('a', alice, 0).closing('a', 10_000).dropped('a', 10_004, 1000).connect('b', bob, 10_010);
    for (let at = 0; at <= 20_000; at += 250) t.check(at);
    expect(t.state.findings).toEqual([]);
  });

  it('a reload: the page comes back and connects again', () => {
    const t = new Timeline().connect('a', alice, 0).navigate(5000, 'https://app.example/').connect('b', alice, 5100);
    for (let at = 0; at <= 10_000; at += 250) t.check(at);
    expect(t.state.findings).toEqual([]);
  });
});
