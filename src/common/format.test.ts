import { describe, expect, it } from 'vitest';
import { formatBytes, formatDuration, shortUrl } from './format';

describe('panel formatting', () => {
  it('formats durations at each scale', () => {
    expect(formatDuration(250)).toBe('250 ms');
    expect(formatDuration(1500)).toBe('1.5 s');
    expect(formatDuration(125_000)).toBe('2 min 5 s');
    expect(formatDuration(3_720_000)).toBe('1 h 2 min');
  });

  it('formats byte counts', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(2048)).toBe('2.0 KB');
    expect(formatBytes(3 * 1024 * 1024)).toBe('3.0 MB');
  });

  it('shortens URLs to host and path', () => {
    expect(shortUrl('wss://chat.example:8443/connect?json=x')).toBe('chat.example:8443/connect');
    expect(shortUrl('nonsense')).toBe('nonsense');
  });
});
