/**
 * Error frames a realtime server sends before (or instead of) closing: Stream's
 * `{"error":{"code":71,"message":"..."}}` (also Ably's `{"action":9,"error":{...}}`), and
 * Sendbird's `EROR{"code":...,"message":...}`. The connection-rejected rule reads them.
 */
import { asObject, parseFrameJson } from './jsonPath';
import type { FrameRecord, ServerError } from './types';

/** Longest server message kept in a finding: a sentence, not a stack trace. */
const MAX_MESSAGE_CHARS = 200;

function errorFrom(fields: Record<string, unknown>, at: number): ServerError | null {
  const code = typeof fields['code'] === 'number' && Number.isFinite(fields['code']) ? fields['code'] : null;
  const message = typeof fields['message'] === 'string' ? fields['message'].slice(0, MAX_MESSAGE_CHARS) : '';
  return code === null && message === '' ? null : { at, code, message };
}

/** The error a server frame reports, or null for any other frame. */
export function serverErrorOf(frame: FrameRecord): ServerError | null {
  if (frame.direction !== 'in' || frame.binary) return null;
  const text = frame.preview;
  const sendbirdError = text.startsWith('EROR');
  // Most frames are not errors: spare them the JSON parse.
  if (!sendbirdError && !text.includes('"error"')) return null;
  const message = asObject(parseFrameJson(text));
  if (!message) return null;
  if (sendbirdError) return errorFrom(message, frame.at);
  const error = message['error'];
  if (typeof error === 'string' && error !== '') return { at: frame.at, code: null, message: error.slice(0, MAX_MESSAGE_CHARS) };
  const fields = asObject(error);
  return fields ? errorFrom(fields, frame.at) : null;
}
