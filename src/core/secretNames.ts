/**
 * Which parameter, field and header names carry secrets (docs/redaction.md). A name is split
 * into words (at `-`, `_`, `.`, spaces and camelCase humps) and judged by its last word, the
 * noun it names: `access_token`, `x-api-key`, `api-secret`, `sessionId` are secrets, while
 * `stream-auth-type` (a type) or `user_id` are not. Names written as one word are judged by
 * their ending (`accesstoken`, `PHPSESSID`).
 */

/** Last words that name a secret. */
const SECRET_WORDS = new Set([
  'authorization',
  'auth',
  'token',
  'jwt',
  'bearer',
  'secret',
  'password',
  'passwd',
  'pwd',
  'pass',
  'passcode',
  'passphrase',
  'key',
  'signature',
  'sig',
  'credential',
  'credentials',
  'session',
  'sessionid',
  'sessid',
  'sid',
  'cookie',
]);

/** Endings of one-word names that name a secret (`accesstoken`, `clientsecret`, `jsessionid`). */
const SECRET_ENDINGS = ['token', 'secret', 'password', 'sessionid', 'sessid', 'jwt'];

/**
 * Stream's `api_key` names the app, not a credential: it is sent in every connect URL and
 * shipped in the app's bundle, and identity reads it. `x-api-key` style names stay secret.
 */
const PUBLIC_NAMES = new Set(['api key', 'apikey']);

function wordsOf(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/** Names repeat (every frame of a chat has `type`, `cid`, `id`…): each is judged once. */
const judged = new Map<string, boolean>();
const JUDGED_MAX = 2_000;

export function isSecretName(name: string): boolean {
  let secret = judged.get(name);
  if (secret === undefined) {
    if (judged.size >= JUDGED_MAX) judged.clear();
    judged.set(name, (secret = judge(name)));
  }
  return secret;
}

function judge(name: string): boolean {
  const words = wordsOf(name);
  const last = words[words.length - 1];
  if (last === undefined || PUBLIC_NAMES.has(words.join(' '))) return false;
  if (SECRET_WORDS.has(last)) return true;
  if (last === 'id' && words[words.length - 2] === 'session') return true;
  return words.length === 1 && SECRET_ENDINGS.some((ending) => last.endsWith(ending));
}
