import { describe, expect, it } from 'vitest';
import { isWatchedSite, parseSitePatterns } from './watchedSites';

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
