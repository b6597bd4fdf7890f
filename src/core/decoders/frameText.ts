import type { FrameInput } from './types';

/** The ellipsis the page hook appends to a preview it cut (see the hook's payload.ts). */
const CUT_MARK = '…';

/** UTF-8 bytes of a string (for telling a cut preview from a frame that really ends in '…'). */
function utf8Bytes(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** A text frame's preview without the cut mark, and whether it was cut at the preview cap. */
export function frameText(frame: FrameInput): { text: string; cut: boolean } {
  const { preview } = frame;
  // The hook cuts a text longer than the cap to its first characters and the mark, so what
  // precedes the mark is shorter than the frame. (A frame that itself ends in '…' reads as cut
  // too; no protocol's frame ends so, so nothing is lost.)
  if (preview.endsWith(CUT_MARK)) {
    const text = preview.slice(0, -CUT_MARK.length);
    if (utf8Bytes(text) < frame.size) return { text, cut: true };
  }
  return { text: preview, cut: false };
}

/** A binary frame's bytes, read back from its hex preview; `cut` when the preview holds only the first ones. */
export function frameBytes(frame: FrameInput): { bytes: Uint8Array; cut: boolean } | null {
  if (!frame.binary) return null;
  const hex = frame.preview.trim();
  const cutMarked = hex.endsWith(CUT_MARK);
  const body = cutMarked ? hex.slice(0, -1).trim() : hex;
  if (body === '') return { bytes: new Uint8Array(0), cut: cutMarked || frame.size > 0 };
  const pairs = body.split(' ');
  const bytes = new Uint8Array(pairs.length);
  for (let i = 0; i < pairs.length; i++) {
    const pair = pairs[i] as string;
    if (!/^[0-9a-f]{2}$/i.test(pair)) return null;
    bytes[i] = parseInt(pair, 16);
  }
  return { bytes, cut: cutMarked || frame.size > bytes.length };
}

/** JSON.parse that answers undefined instead of throwing. */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A JSON string literal starting at `start` (on its opening quote), decoded as far as the text
 * goes: a cut frame still yields the beginning of the string. Null when there is no string there.
 */
export function readJsonString(text: string, start: number): { value: string; end: number; complete: boolean } | null {
  if (text[start] !== '"') return null;
  let value = '';
  let i = start + 1;
  while (i < text.length) {
    const char = text[i] as string;
    if (char === '"') return { value, end: i + 1, complete: true };
    if (char === '\\') {
      const next = text[i + 1];
      if (next === undefined) break;
      if (next === 'u') {
        const code = text.slice(i + 2, i + 6);
        if (!/^[0-9a-fA-F]{4}$/.test(code)) break;
        value += String.fromCharCode(parseInt(code, 16));
        i += 6;
        continue;
      }
      const escapes: Record<string, string> = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f', '"': '"', '\\': '\\', '/': '/' };
      value += escapes[next] ?? next;
      i += 2;
      continue;
    }
    value += char;
    i++;
  }
  return { value, end: text.length, complete: false };
}

/**
 * The first string value of `"name": "..."` in JSON text, for frames cut before they parse.
 * It may name a nested field: callers use it only when the whole frame does not parse.
 */
export function stringField(text: string, name: string): string | null {
  const match = new RegExp(`"${name}"\\s*:\\s*"`).exec(text);
  if (!match) return null;
  const read = readJsonString(text, match.index + match[0].length - 1);
  // A value cut short is no name: it would show as a name no frame carries.
  return read?.complete ? read.value : null;
}

/** A value shortened for a one-line summary. */
export function brief(value: unknown, max = 80): string {
  const text = typeof value === 'string' ? JSON.stringify(value) : value === undefined ? '' : (JSON.stringify(value) ?? String(value));
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

