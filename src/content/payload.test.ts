import { describe, expect, it } from 'vitest';
import { payloadSize, previewPayload, utf8Length } from './payload';

describe('payloadSize', () => {
  it('counts UTF-8 bytes of text exactly', () => {
    for (const text of ['', 'hello', 'héllo', '€', '😀', 'a😀b€', '\ud800x']) {
      expect(utf8Length(text)).toBe(new TextEncoder().encode(text).length);
    }
  });

  it('counts binary payloads by their bytes', () => {
    const buffer = new ArrayBuffer(10);
    expect(payloadSize(buffer)).toBe(10);
    expect(payloadSize(new Uint16Array(buffer, 2, 3))).toBe(6);
    expect(payloadSize(new DataView(buffer, 1, 4))).toBe(4);
    expect(payloadSize(new Blob(['abc', 'de']))).toBe(5);
  });
});

describe('previewPayload', () => {
  it('caps text previews', () => {
    expect(previewPayload('abcdef', 3)).toBe('abc…');
    expect(previewPayload('abc', 3)).toBe('abc');
  });

  it('shows binary as hex of its first bytes', () => {
    expect(previewPayload(new Uint8Array([0, 15, 255]).buffer, 100)).toBe('00 0f ff');
    expect(previewPayload(new Uint8Array(100), 100).endsWith('…')).toBe(true);
    expect(previewPayload(new Uint8Array([1, 2, 3, 4]).subarray(2), 100)).toBe('03 04');
  });
});
