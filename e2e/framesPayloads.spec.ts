import type { Page, Worker } from '@playwright/test';
import { expect, test } from './support/extension';
import { recordedSockets } from './support/tabRecord';

/**
 * Frames (messages) as OneSocket records them: counts and exact byte sizes for every payload
 * kind, previews capped at the user's setting, binary previews in hex (issue 3, "Frames").
 */
async function openEchoSocket(page: Page, wsOrigin: string): Promise<void> {
  await page.evaluate(async (origin) => {
    const socket = new WebSocket(`${origin}/payloads`);
    socket.binaryType = 'arraybuffer';
    (window as unknown as { socket: WebSocket }).socket = socket;
    await new Promise((resolve) => socket.addEventListener('open', resolve, { once: true }));
  }, wsOrigin);
}

test('counts every payload kind by its exact bytes, previews binary in hex and caps large text', async ({ context, fixtures, serviceWorker, tabIdOf }) => {
  const page = await context.newPage();
  await page.goto(`${fixtures.origin}/blank.html`);
  await openEchoSocket(page, fixtures.wsOrigin);
  const tabId = await tabIdOf(page);
  const large = 1_000_000;
  await page.evaluate(async (largeChars) => {
    const socket = (window as unknown as { socket: WebSocket }).socket;
    const bytes = new Uint8Array([0xde, 0xad, 0xbe, 0xef, 0x00, 0x10]);
    socket.send('héllo €😀'); // 14 bytes of UTF-8 for 9 UTF-16 code units
    socket.send(new Blob(['blob ', 'part']));
    socket.send(bytes.buffer);
    socket.send(new Uint16Array(bytes.buffer, 2, 2));
    socket.send(new DataView(bytes.buffer, 1, 3));
    socket.send('x'.repeat(largeChars));
    // Every payload comes back from the echo server.
    let echoes = 0;
    await new Promise<void>((resolve) => socket.addEventListener('message', () => ++echoes === 6 && resolve()));
  }, large);

  const expectedSizes = [new TextEncoder().encode('héllo €😀').length, 9, 6, 4, 3, large];
  await expect.poll(async () => (await recordedSockets(serviceWorker, tabId))[0]?.messagesReceived).toBe(6);
  const [socket] = await recordedSockets(serviceWorker, tabId);
  const total = expectedSizes.reduce((sum, size) => sum + size, 0);
  expect(socket).toMatchObject({ messagesSent: 6, messagesReceived: 6, bytesSent: total, bytesReceived: total });

  const sent = socket?.frames.filter((frame) => frame.direction === 'out') ?? [];
  expect(sent.map((frame) => frame.size)).toEqual(expectedSizes);
  expect(sent.map((frame) => frame.binary)).toEqual([false, true, true, true, true, false]);
  expect(sent[1]?.preview).toBe('[Blob 9 bytes]');
  expect(sent[2]?.preview).toBe('de ad be ef 00 10');
  expect(sent[3]?.preview).toBe('be ef 00 10');
  expect(sent[4]?.preview).toBe('ad be ef');
  // The large frame: exact size, a preview of the default cap (512 characters and an ellipsis).
  expect(sent[5]?.preview).toBe(`${'x'.repeat(512)}…`);
  // Echoed binary arrives as an ArrayBuffer (binaryType): previewed in hex too.
  const received = socket?.frames.filter((frame) => frame.direction === 'in') ?? [];
  expect(received.slice(2, 5).map((frame) => frame.preview)).toEqual(['de ad be ef 00 10', 'be ef 00 10', 'ad be ef']);
});

async function setPreviewCap(serviceWorker: Worker, previewChars: number): Promise<void> {
  await serviceWorker.evaluate(async (cap) => {
    const stored = ((await chrome.storage.local.get('settings')).settings ?? {}) as Record<string, unknown>;
    await chrome.storage.local.set({ settings: { ...stored, previewChars: cap } });
  }, previewChars);
}

test('the preview cap is a setting the page hook applies, to text and to hex', async ({ context, fixtures, serviceWorker, tabIdOf }) => {
  await setPreviewCap(serviceWorker, 10);
  const page = await context.newPage();
  await page.goto(`${fixtures.origin}/blank.html`);
  await openEchoSocket(page, fixtures.wsOrigin);
  const tabId = await tabIdOf(page);
  // The first frames each way are kept whole (they name the user); the cap applies after them.
  const sendAndReadLast = async (payload: 'text' | 'binary'): Promise<string | undefined> => {
    await page.evaluate((kind) => {
      const socket = (window as unknown as { socket: WebSocket }).socket;
      socket.send(kind === 'text' ? 'abcdefghijklmnopqrstuvwxyz' : new Uint8Array(20));
    }, payload);
    const frames = (await recordedSockets(serviceWorker, tabId))[0]?.frames.filter((frame) => frame.direction === 'out') ?? [];
    return frames.at(-1)?.preview;
  };
  await expect.poll(() => sendAndReadLast('text')).toBe('abcdefghij…');
  await expect.poll(() => sendAndReadLast('binary')).toBe('00 00 00 …');

  // A change reaches pages already open.
  await setPreviewCap(serviceWorker, 4);
  await expect.poll(() => sendAndReadLast('text')).toBe('abcd…');
});
