import { describe, expect, it } from 'vitest';
import { Browser, streamConnectUrl } from '../testing/timeline';
import { DEFAULT_SETTINGS } from '../settings/defaults';
import { connectionLimitOf } from './connectionLimit';

const alice = streamConnectUrl('alice');
const bob = streamConnectUrl('bob');

const limitFindings = (browser: Browser, tabId: number) =>
  browser.tab(tabId).findingsOf('connection-limit').map(({ severity, active, socketIds, message }) => ({ severity, active, socketIds, message }));

describe('connection-limit (across every tab)', () => {
  it("warns in each tab when one user's sockets reach the development limit of 3, spread over tabs", () => {
    const browser = new Browser();
    browser.tab(1).connect('a', alice, 0);
    browser.tab(2).connect('b', alice, 100);
    browser.tab(3).connect('c', alice, 200);
    expect(browser.check(1000)).toBe(1200);
    expect(limitFindings(browser, 1)).toEqual([]);
    browser.check(1200);
    expect(limitFindings(browser, 2)).toEqual([
      {
        severity: 'warning',
        active: true,
        socketIds: ['b'],
        message: 'User "alice" holds 3 connections to Stream Chat across 3 tabs (1 in this tab), at the development limit of 3; one more will be refused.',
      },
    ]);
    expect(limitFindings(browser, 1)).toHaveLength(1);
    expect(limitFindings(browser, 3)).toHaveLength(1);
  });

  it('turns the same incident into an error above the limit, and back as sockets close', () => {
    const browser = new Browser();
    browser.tab(1).connect('a', alice, 0).connect('b', alice, 0);
    browser.tab(2).connect('c', alice, 0);
    browser.check(1000);
    browser.tab(2).connect('d', alice, 2000);
    browser.check(3000);
    expect(limitFindings(browser, 2)).toEqual([
      {
        severity: 'error',
        active: true,
        socketIds: ['c', 'd'],
        message: 'User "alice" holds 4 connections to Stream Chat across 2 tabs (2 in this tab); the development limit is 3, so the server refuses more.',
      },
    ]);
    browser.tab(1).close('a', 4000);
    browser.check(4000);
    expect(limitFindings(browser, 2)).toMatchObject([{ severity: 'warning', active: true }]);
    expect(browser.tab(1).findingsOf('connection-limit')).toHaveLength(1);
    browser.tab(1).close('b', 5000);
    browser.check(5000);
    expect(limitFindings(browser, 1)).toMatchObject([{ active: false }]);
    expect(limitFindings(browser, 2)).toMatchObject([{ active: false }]);
  });

  it('resolves in the other tabs when a tab holding the sockets is closed', () => {
    const browser = new Browser();
    browser.tab(1).connect('a', alice, 0);
    browser.tab(2).connect('b', alice, 0).connect('c', alice, 0);
    browser.check(1000);
    browser.closeTab(2).check(2000);
    expect(limitFindings(browser, 1)).toMatchObject([{ active: false }]);
  });

  it('does not fire for two users in two tabs, nor below the limit', () => {
    const browser = new Browser();
    browser.tab(1).connect('a', alice, 0).connect('b', alice, 10);
    browser.tab(2).connect('c', bob, 0);
    browser.check(5000);
    expect(limitFindings(browser, 1)).toEqual([]);
    expect(limitFindings(browser, 2)).toEqual([]);
  });

  it('does not count closed sockets, nor flicker on a brief overlap (grace window)', () => {
    const browser = new Browser();
    browser.tab(1).connect('a', alice, 0).connect('b', alice, 0).close('b', 10);
    browser.tab(2).connect('c', alice, 0);
    browser.tab(2).connect('d', alice, 2000).close('c', 2300);
    browser.check(5000);
    expect(limitFindings(browser, 2)).toEqual([]);
  });

  it('follows the limit profile: production 50, or a custom number', () => {
    expect(connectionLimitOf(DEFAULT_SETTINGS)).toEqual({ profile: 'development', limit: 3 });
    expect(connectionLimitOf({ ...DEFAULT_SETTINGS, limitProfile: 'production' })).toEqual({ profile: 'production', limit: 50 });
    expect(connectionLimitOf({ ...DEFAULT_SETTINGS, limitProfile: 'custom', customConnectionLimit: 2 })).toEqual({ profile: 'custom', limit: 2 });
    expect(connectionLimitOf({ ...DEFAULT_SETTINGS, limitProfile: 'custom', customConnectionLimit: 0 })).toEqual({ profile: 'development', limit: 3 });

    const production = new Browser({ ...DEFAULT_SETTINGS, limitProfile: 'production' });
    production.tab(1).connect('a', alice, 0);
    production.tab(2).connect('b', alice, 0).connect('c', alice, 0);
    production.check(5000);
    expect(production.tab(2).findingsOf('connection-limit')).toEqual([]);
  });

  describe('per product', () => {
    const video = 'ws://127.0.0.1:8765/video/connect?api_key=demo-key';
    const videoAuth = JSON.stringify({ token: 't', user_details: { id: 'alice' }, products: ['video'] });

    it("counts alice's chat and video sockets apart: two chat and two video sockets are under the chat limit of 3", () => {
      const browser = new Browser();
      browser.tab(1).connect('c1', alice, 0).connect('v1', video, 0).send('v1', 1, videoAuth);
      browser.tab(2).connect('c2', alice, 0).connect('v2', video, 0).send('v2', 1, videoAuth);
      browser.check(5000);
      expect(limitFindings(browser, 1)).toEqual([]);
      expect(limitFindings(browser, 2)).toEqual([]);
    });

    it('holds video to no profile limit (Stream documents none), but to a custom one', () => {
      const openVideo = (browser: Browser) => {
        for (const tabId of [1, 2, 3, 4]) browser.tab(tabId).connect(`v${tabId}`, video, 0).send(`v${tabId}`, 1, videoAuth);
        return browser;
      };
      const development = openVideo(new Browser());
      development.check(5000);
      expect(limitFindings(development, 1)).toEqual([]);
      const custom = openVideo(new Browser({ ...DEFAULT_SETTINGS, limitProfile: 'custom', customConnectionLimit: 2 }));
      custom.check(5000);
      expect(custom.tab(1).findingsOf('connection-limit')).toMatchObject([{ severity: 'error', product: 'video', message: expect.stringContaining('holds 4 connections to Stream Video across 4 tabs') }]);
    });
  });
});
