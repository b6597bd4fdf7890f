// @ts-check
/**
 * The fake backend's REST answers, with what Stream's API adds that the integration checklist
 * reads: `X-RateLimit-Limit`, `X-RateLimit-Remaining` and `X-RateLimit-Reset` on every answer
 * (limits per endpoint and user, per minute), 429 with error code 9 over a limit, and 403 with
 * code 17 for an action the user's role may not take. The rules it plays:
 * - every endpoint allows `limitPerMinute` calls per user a minute (default 60), `GET /users` 30
 *   (so a burst of queryUsers calls reaches it);
 * - role `user` may not `SendMessage` on channel type `announcements` (a read-only type).
 */

/** @typedef {import('node:http').ServerResponse} ServerResponse */

const RATE_LIMIT_HEADERS = ['X-RateLimit-Limit', 'X-RateLimit-Remaining', 'X-RateLimit-Reset'];
/** What a browser page on another origin may read of an answer (CORS). */
export const EXPOSED_HEADERS = RATE_LIMIT_HEADERS.join(', ');

/** @param {string} method @param {string} path */
function replyFor(method, path, /** @type {string} */ userId) {
  if (method === 'POST' && path === '/channels') return { channels: [], duration: '0.01ms' };
  if (path === '/users' && method === 'GET') return { users: [], duration: '0.01ms' };
  if (path === '/app') return { app: { name: 'demo', disable_auth_checks: false }, duration: '0.01ms' };
  const message = /^\/channels\/([^/]+)\/([^/]+)\/message$/.exec(path);
  if (method === 'POST' && message) {
    const now = new Date().toISOString();
    return { message: { id: `m-${Date.now()}`, text: '', type: 'regular', user: { id: userId }, cid: `${message[1]}:${message[2]}`, created_at: now, updated_at: now }, duration: '0.01ms' };
  }
  return { duration: '0.01ms' };
}

/**
 * @param {{ limitPerMinute?: number, limits?: Record<string, number>, now?: () => number }} [options]
 */
export function createRestApi(options = {}) {
  const { limitPerMinute = 60, limits = { 'GET /users': 30 }, now = Date.now } = options;
  /** Calls per `user endpoint` in the current minute window. @type {Map<string, { windowStart: number, count: number }>} */
  const windows = new Map();

  /**
   * Answers one REST call.
   * @param {string} method
   * @param {URL} url
   * @param {ServerResponse} res
   */
  function handle(method, url, res) {
    const endpoint = `${method} ${url.pathname}`;
    const userId = url.searchParams.get('user_id') ?? 'anonymous';
    const limit = limits[endpoint] ?? limitPerMinute;
    const minute = Math.floor(now() / 60_000) * 60_000;
    const key = `${userId} ${endpoint}`;
    const window = windows.get(key);
    const current = window && window.windowStart === minute ? window : { windowStart: minute, count: 0 };
    current.count += 1;
    windows.set(key, current);
    const headers = {
      'Content-Type': 'application/json; charset=utf-8',
      'Cache-Control': 'no-store',
      'X-RateLimit-Limit': String(limit),
      'X-RateLimit-Remaining': String(Math.max(0, limit - current.count)),
      'X-RateLimit-Reset': String(Math.floor((minute + 60_000) / 1000)),
    };
    /** @param {number} status @param {unknown} body */
    const send = (status, body) => {
      res.writeHead(status, headers);
      res.end(JSON.stringify(body));
    };
    if (current.count > limit) {
      send(429, { code: 9, message: `Too many requests, check response headers for more information.`, StatusCode: 429, duration: '0.01ms', more_info: 'https://getstream.io/chat/docs/rate_limits' });
      return;
    }
    const forbidden = /^\/channels\/announcements\/[^/]+\/message$/.test(url.pathname) && method === 'POST';
    if (forbidden) {
      send(403, {
        code: 17,
        message: `SendMessage failed with error: "User '${userId}' with role 'user' is not allowed to access Resource SendMessage on channel type announcements"`,
        StatusCode: 403,
        duration: '0.01ms',
        more_info: 'https://getstream.io/chat/docs/api_errors_response',
      });
      return;
    }
    send(200, replyFor(method, url.pathname, userId));
  }

  return { handle };
}
