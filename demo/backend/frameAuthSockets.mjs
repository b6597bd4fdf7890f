// @ts-check
/**
 * Stream Video's coordinator and Stream Feeds' connect, as the fake backend serves them: enough
 * for the REAL `@stream-io/video-client` and `@stream-io/feeds-client` to connectUser,
 * stay healthy and disconnect against it.
 *
 * Both products name the user in the FIRST client frame, not in the URL:
 * - WebSocket `/video/connect?api_key=&stream-auth-type=jwt&X-Stream-Client=stream-video-...`
 *   (the video client's base URL is `<baseURL>/video`) and `/api/v2/connect?...` (feeds);
 * - the client sends `{token, products: ["video" | "feeds"], user_details: {id, ...}}`; the server
 *   answers `{type: "connection.ok", connection_id, me}`, or `{type: "connection.error", error}`
 *   and a close with 1000 (final: the SDKs do not retry);
 * - client pings (`[{"type":"health.check","client_id":...}]` or the object alone) get a
 *   `health.check` back.
 * And the video client's HTTP calls on connect:
 * - `HEAD <locationHintUrl>`: the demo points it at `/video/location-hint`, answered with an
 *   `x-amz-cf-pop` header, so nothing reaches for the internet;
 * - `POST /video/call_client_event` (connect telemetry): 201.
 */
import { randomUUID } from 'node:crypto';
import { decodeJwt, hasValidSignature } from './jwt.mjs';

/** @typedef {import('ws').WebSocket} WebSocket */
/** @typedef {{ code: number, message: string, StatusCode: number }} StreamError */
/** @typedef {'video' | 'feeds'} FrameAuthProduct */

/** The WebSocket paths of the products that authenticate in the first frame. */
const SOCKET_PATHS = /** @type {const} */ ({ '/video/connect': 'video', '/api/v2/connect': 'feeds' });

/** The location hint the demo's video clients are pointed at (`locationHintUrl`). */
export const LOCATION_HINT_PATH = '/video/location-hint';

/**
 * The product a WebSocket upgrade path is served as, or null.
 * @param {string} pathname
 * @returns {FrameAuthProduct | null}
 */
export function frameAuthProductOf(pathname) {
  return Object.hasOwn(SOCKET_PATHS, pathname) ? SOCKET_PATHS[/** @type {keyof typeof SOCKET_PATHS} */ (pathname)] : null;
}

/**
 * Checks an auth frame the way Stream does: a user id, and a token signed for that user.
 * @param {unknown} frame
 * @param {{ apiSecret: string, verifyTokens: boolean }} options
 * @returns {{ userId: string, userDetails: Record<string, unknown> } | { error: StreamError }}
 */
export function authenticateFrame(frame, { apiSecret, verifyTokens }) {
  const message = /** @type {{ token?: unknown, user_details?: unknown }} */ (frame && typeof frame === 'object' ? frame : {});
  const userDetails = /** @type {Record<string, unknown>} */ (message.user_details && typeof message.user_details === 'object' ? message.user_details : {});
  const userId = userDetails.id;
  if (typeof userId !== 'string' || userId === '') {
    return { error: { code: 4, message: 'Connect failed: the auth frame has no user_details.id', StatusCode: 400 } };
  }
  if (!verifyTokens) return { userId, userDetails };
  const token = typeof message.token === 'string' ? message.token : '';
  const decoded = decodeJwt(token);
  if (!decoded) return { error: { code: 43, message: 'JWTAuth error: token is malformed', StatusCode: 401 } };
  if (decoded.signature !== 'devtoken' && !hasValidSignature(token, apiSecret)) {
    return { error: { code: 43, message: 'JWTAuth error: signature is not valid', StatusCode: 401 } };
  }
  if (decoded.payload.user_id !== userId) {
    return { error: { code: 43, message: 'JWTAuth error: token user_id does not match the user of the connection', StatusCode: 401 } };
  }
  const exp = decoded.payload.exp;
  if (typeof exp === 'number' && exp * 1000 < Date.now()) return { error: { code: 40, message: 'JWTAuth error: token has expired', StatusCode: 401 } };
  return { userId, userDetails };
}

/**
 * @typedef {object} FrameAuthOptions
 * @property {string} apiSecret
 * @property {boolean} verifyTokens
 * @property {(userId: string, userDetails: Record<string, unknown>, now: string) => Record<string, unknown>} ownUser
 * @property {(error: StreamError) => Record<string, unknown>} errorBody
 * @property {(line: string) => void} log
 * @property {(ws: WebSocket, connection: { userId: string, connectionId: string, url: string, product: FrameAuthProduct }) => void} onAuthenticated
 *   the backend's bookkeeping of a live connection (its `connections()`)
 */

/**
 * Serves one accepted WebSocket of a frame-auth product: waits for the auth frame, answers it,
 * then answers pings.
 * @param {WebSocket} ws
 * @param {string} url the request URL (path and query)
 * @param {FrameAuthProduct} product
 * @param {FrameAuthOptions} options
 */
export function serveFrameAuthSocket(ws, url, product, options) {
  ws.on('error', () => {});
  /** @type {string | null} */
  let connectionId = null;
  ws.on('message', (data, isBinary) => {
    if (isBinary) return;
    /** @type {unknown} */
    let frame;
    try {
      frame = JSON.parse(data.toString());
    } catch {
      return;
    }
    const now = new Date().toISOString();
    if (connectionId === null) {
      const auth = authenticateFrame(frame, options);
      if ('error' in auth) {
        options.log(`refused ${product} connection (code ${auth.error.code}): ${auth.error.message}`);
        ws.send(JSON.stringify({ type: 'connection.error', error: options.errorBody(auth.error), created_at: now }));
        ws.close(1000, `code ${auth.error.code}`);
        return;
      }
      connectionId = randomUUID();
      options.onAuthenticated(ws, { userId: auth.userId, connectionId, url, product });
      ws.send(JSON.stringify({ type: 'connection.ok', connection_id: connectionId, me: options.ownUser(auth.userId, auth.userDetails, now), created_at: now }));
      return;
    }
    const frames = Array.isArray(frame) ? frame : [frame];
    const isPing = frames.some((f) => f && typeof f === 'object' && /** @type {{ type?: unknown }} */ (f).type === 'health.check');
    if (isPing && ws.readyState === ws.OPEN) ws.send(JSON.stringify({ type: 'health.check', connection_id: connectionId, created_at: now }));
  });
}

/**
 * The video client's HTTP calls this fake models; true when it answered.
 * @param {string} method
 * @param {URL} url
 * @param {import('node:http').ServerResponse} res
 */
export function handleVideoHttp(method, url, res) {
  if (url.pathname === LOCATION_HINT_PATH && (method === 'HEAD' || method === 'GET')) {
    res.writeHead(200, { 'x-amz-cf-pop': 'AMS1-P2', 'Access-Control-Expose-Headers': 'x-amz-cf-pop', 'Cache-Control': 'no-store' });
    res.end();
    return true;
  }
  if (url.pathname === '/video/call_client_event' && method === 'POST') {
    res.writeHead(201, { 'Content-Type': 'application/json; charset=utf-8' });
    res.end(JSON.stringify({ duration: '0.01ms' }));
    return true;
  }
  return false;
}
