/**
 * Sizes and previews of WebSocket payloads, computed without copying large payloads.
 * Runs in the page (hot path: once per message), so it stays allocation-light.
 */

const HEX_PREVIEW_BYTES = 64;

/** UTF-8 byte length of a string, counted without encoding it. */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        i++;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}

/** Exact size in bytes of what send() sends or a message event delivers. */
export function payloadSize(data: unknown): number {
  if (typeof data === 'string') return utf8Length(data);
  if (data instanceof ArrayBuffer) return data.byteLength;
  if (ArrayBuffer.isView(data)) return data.byteLength;
  if (typeof Blob !== 'undefined' && data instanceof Blob) return data.size;
  return 0;
}

function hexPreview(view: Uint8Array, total: number): string {
  const shown = Math.min(view.length, HEX_PREVIEW_BYTES);
  let out = '';
  for (let i = 0; i < shown; i++) out += (i ? ' ' : '') + (view[i] as number).toString(16).padStart(2, '0');
  return total > shown ? `${out} …` : out;
}

/** A capped preview: text as is, binary as hex of its first bytes, a Blob by its size only. */
export function previewPayload(data: unknown, maxChars: number): string {
  if (typeof data === 'string') return data.length > maxChars ? `${data.slice(0, maxChars)}…` : data;
  if (data instanceof ArrayBuffer) return hexPreview(new Uint8Array(data, 0, Math.min(data.byteLength, HEX_PREVIEW_BYTES)), data.byteLength);
  if (ArrayBuffer.isView(data)) {
    return hexPreview(new Uint8Array(data.buffer, data.byteOffset, Math.min(data.byteLength, HEX_PREVIEW_BYTES)), data.byteLength);
  }
  // Reading a Blob is asynchronous and would copy it; its size is enough.
  if (typeof Blob !== 'undefined' && data instanceof Blob) return `[Blob ${data.size} bytes]`;
  return '';
}
