import { describe, expect, it } from 'vitest';
import { contentScriptMatches, isWatchedSite, parseSitePatterns } from './watchedSites';

describe('isWatchedSite', () => {
  it('watches every site while the list is empty', () => {
    expect(isWatchedSite('https://anything.example/page', [])).toBe(true);
  });

  it('matches a host, a host with port, a wildcard host and a URL prefix', () => {
    const patterns = ['app.example.com', 'localhost:8765', '*.corp.example', 'https://docs.example.org/chat'];
    expect(isWatchedSite('https://app.example.com/x', patterns)).toBe(true);
    expect(isWatchedSite('http://localhost:8765/', patterns)).toBe(true);
    expect(isWatchedSite('http://localhost:9999/', patterns)).toBe(false);
    expect(isWatchedSite('https://chat.corp.example/', patterns)).toBe(true);
    expect(isWatchedSite('https://corp.example/', patterns)).toBe(true);
    expect(isWatchedSite('https://evilcorp.example/', patterns)).toBe(false);
    expect(isWatchedSite('https://docs.example.org/chat/room', patterns)).toBe(true);
    expect(isWatchedSite('https://docs.example.org/other', patterns)).toBe(false);
    expect(isWatchedSite('https://other.example.com/', patterns)).toBe(false);
  });

  it('reads one pattern per line or comma', () => {
    expect(parseSitePatterns(' a.example \n\n b.example, c.example ')).toEqual(['a.example', 'b.example', 'c.example']);
  });
});

describe('contentScriptMatches', () => {
  it('registers every site while the list is empty or holds *', () => {
    expect(contentScriptMatches([])).toEqual(['<all_urls>']);
    expect(contentScriptMatches(['  ', 'a.example', '*'])).toEqual(['<all_urls>']);
  });

  it('registers the hosts of the list only, each pattern as the browser can match it', () => {
    expect(contentScriptMatches(['app.example.com', 'localhost:8765', '*.corp.example', 'https://docs.example.org/chat', '127.0.0.1', '[::1]:3000', 'APP.example.com'])).toEqual([
      '*://app.example.com/*',
      '*://localhost/*',
      '*://*.corp.example/*',
      'https://docs.example.org/*',
      '*://127.0.0.1/*',
      '*://[::1]/*',
    ]);
  });

  it('registers nothing for lines no page can match, rather than every site', () => {
    expect(contentScriptMatches(['not a host', 'ftp://files.example/x', 'a/b'])).toEqual([]);
  });

  it('covers at least every page the worker records', () => {
    const patterns = ['app.example.com', 'localhost:8765', '*.corp.example', 'https://docs.example.org/chat'];
    const registered = contentScriptMatches(patterns);
    for (const url of ['https://app.example.com/x', 'http://localhost:8765/', 'https://corp.example/', 'https://chat.corp.example/', 'https://docs.example.org/chat/room']) {
      expect(isWatchedSite(url, patterns), url).toBe(true);
      const host = new URL(url).hostname;
      expect(registered.some((match) => match.includes(`//${host}/`) || (match.includes('*.') && host.endsWith(match.split('*.')[1]!.split('/')[0]!))), url).toBe(true);
    }
  });
});
