import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it, vi } from 'vitest';
import { clip, payloadSize, previewPayload, utf8Length } from './payload';

// Node's Blob is a JavaScript class, which the hook's check for a native refuses (lateNatives.ts,
// tested there and in the browser): these tests are about sizes and previews.
vi.mock('./lateNatives', async (importOriginal) => ({ ...(await importOriginal<typeof import('./lateNatives')>()), lateBlob: () => Blob }));

setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

/** Heap bytes still in use after keeping `keep(i)` of 200 fresh 1 MB strings. */
function heapKeptBy(keep: (frame: string) => string): number {
  collectGarbage();
  const before = process.memoryUsage().heapUsed;
  const kept: string[] = [];
  for (let i = 0; i < 200; i++) kept.push(keep(`${i}:`.padEnd(1_000_000, 'x')));
  collectGarbage();
  const used = process.memoryUsage().heapUsed - before;
  expect(kept).toHaveLength(200);
  return used;
}

describe('payloadSize', () => {
  it('counts UTF-8 bytes of text exactly', () => {
    for (const text of ['', 'hello', 'héllo', '€', '😀', 'a😀b€', '\ud800x', 'x\udc00', '\ud83d']) {
      expect(utf8Length(text)).toBe(new TextEncoder().encode(text).length);
    }
  });

  it('counts binary payloads by their bytes', () => {
    const buffer = new ArrayBuffer(10);
    expect(payloadSize(buffer)).toBe(10);
    expect(payloadSize(new Uint16Array(buffer, 2, 3))).toBe(6);
    expect(payloadSize(new DataView(buffer, 1, 4))).toBe(4);
    expect(payloadSize(new Blob(['abc', 'dé']))).toBe(6);
  });
});

describe('previewPayload', () => {
  it('caps text previews at the configured number of characters', () => {
    expect(previewPayload('abcdef', 3)).toBe('abc…');
    expect(previewPayload('abc', 3)).toBe('abc');
    expect(previewPayload('abc', 0)).toBe('…');
  });

  it('shows binary as hex of the first bytes that fit the cap', () => {
    expect(previewPayload(new Uint8Array([0, 15, 255]).buffer, 100)).toBe('00 0f ff');
    expect(previewPayload(new Uint8Array([1, 2, 3, 4, 5]), 8)).toBe('01 02 03 …');
    expect(previewPayload(new Uint8Array([1, 2, 3, 4]).subarray(2), 100)).toBe('03 04');
    expect(previewPayload(new DataView(new Uint8Array([9, 10, 11]).buffer, 1), 100)).toBe('0a 0b');
  });

  it('never reads past the cap of a large buffer', () => {
    const preview = previewPayload(new Uint8Array(10_000_000), 30);
    expect(preview).toBe(`${Array(10).fill('00').join(' ')} …`);
  });

  it('does not keep the frame it previews alive (a preview waits in the queue, the frame should not)', () => {
    // A plain slice would hold all 200 MB; the previews themselves are 200 × 513 characters.
    expect(heapKeptBy((frame) => previewPayload(frame, 512))).toBeLessThan(20_000_000);
    expect(heapKeptBy((frame) => clip(frame, 512))).toBeLessThan(20_000_000);
    expect(heapKeptBy((frame) => frame.slice(0, 512))).toBeGreaterThan(150_000_000);
  });

  it('describes a Blob by its size', () => {
    expect(previewPayload(new Blob(['abc']), 100)).toBe('[Blob 3 bytes]');
  });
});
