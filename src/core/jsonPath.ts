/**
 * A dotted path into parsed JSON: `me.id`, `user_details.id`, `0.user.id` (a number indexes an
 * array). Enough for identity rules; no wildcards, no escaping.
 */
export function readJsonPath(value: unknown, path: string): unknown {
  let current = value;
  for (const segment of path.split('.')) {
    if (segment === '') return undefined;
    if (Array.isArray(current)) current = /^\d+$/.test(segment) ? current[Number(segment)] : undefined;
    else if (typeof current === 'object' && current !== null) current = (current as Record<string, unknown>)[segment];
    else return undefined;
  }
  return current;
}

/** Longest command prefix before the JSON of a frame (Sendbird `LOGI{...}`, Socket.IO `42[...]`). */
const MAX_FRAME_PREFIX = 16;

/**
 * The JSON a text frame carries, or undefined. Realtime protocols often put a short command in
 * front of the JSON (Sendbird `LOGI{"user_id":...}`, Socket.IO `42["hello",{...}]`): that prefix
 * is skipped.
 */
export function parseFrameJson(text: string): unknown {
  const start = text.search(/[[{]/);
  if (start < 0 || start > MAX_FRAME_PREFIX) return undefined;
  try {
    return JSON.parse(text.slice(start)) as unknown;
  } catch {
    return undefined;
  }
}

/** The value as an object, or null for arrays, primitives and nothing. */
export function asObject(value: unknown): Record<string, unknown> | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}

export function nonEmptyString(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

/** A user id written as a number (some SDKs do) counts as its decimal text. */
export function userIdText(value: unknown): string | null {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return nonEmptyString(value);
}
