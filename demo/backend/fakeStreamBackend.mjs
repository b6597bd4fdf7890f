// @ts-check
/**
 * A local fake Stream Chat backend that speaks enough of the stream-chat v9 wire protocol for the
 * REAL `stream-chat` SDK to connectUser / disconnectUser / reconnect against it.
 *
 * - WebSocket `GET /connect?json=...&api_key=...&authorization=<JWT>&stream-auth-type=jwt`:
 *   the first server frame is a `health.check` event carrying `connection_id` and `me` (the SDK
 *   resolves connectUser on the first frame, or rejects it when that frame has an `error` field).
 *   Client pings (`[{"type":"health.check","client_id":...}]`) are answered with a health.check.
 * - `GET /token?user_id=X` returns `{ token }`, an HS256 JWT `{ user_id: X }` signed with apiSecret.
 * - `GET /longpoll` serves the SDK's long-poll fallback (`enableWSFallback`): see longPoll.mjs.
 * - Stream Video's coordinator (`/video/connect`, location hint, telemetry) and Stream Feeds'
 *   `/api/v2/connect`, which authenticate in the first client frame: see frameAuthSockets.mjs.
 *   With `refuseWebSockets`, every WebSocket upgrade is refused, as by a proxy that blocks them.
 * - Any other REST call gets a plausible JSON reply with Stream's rate-limit headers, 429 over a
 *   limit and 403 for a forbidden action (restApi.mjs); CORS is permissive.
 * - `GET /` and `GET /app.js` serve the demo page (demo/page/index.html, demo/dist/app.js).
 *
 * Run directly: `node demo/backend/fakeStreamBackend.mjs [port]` (default 8765, env DEMO_PORT).
 */
import http from 'node:http';
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { WebSocketServer } from 'ws';
import { decodeJwt, hasValidSignature, signJwt } from './jwt.mjs';
import { createLongPollEndpoint } from './longPoll.mjs';
import { createRestApi, EXPOSED_HEADERS } from './restApi.mjs';
import { frameAuthProductOf, handleVideoHttp, serveFrameAuthSocket } from './frameAuthSockets.mjs';

/** @typedef {import('ws').WebSocket} WebSocket */

/**
 * A Stream API error, as sent in `{"error": {...}}` frames and HTTP error bodies.
 * Codes used by the SDK: 40 token expired, 43 JWT auth error, 71 too many connections.
 * @typedef {{ code: number, message: string, StatusCode: number }} StreamError
 */

/**
 * What `rejectWith` is told about an incoming, already authenticated connection.
 * @typedef {object} RejectInfo
 * @property {string} userId
 * @property {number} liveCountForUser live connections this user already holds (not counting this one)
 * @property {string} url the request URL (path and query) of the WebSocket upgrade
 */

/**
 * @typedef {object} FakeStreamBackendOptions
 * @property {number} [port] default 0 (a random free port); 3030 is refused (the SDK rewrites it to 8800)
 * @property {string} [host] default '127.0.0.1'
 * @property {string} [apiSecret] secret for signing/verifying user tokens; default 'demo-secret'
 * @property {boolean} [staticDir] serve the demo page at `/` and `/app.js`; default true
 * @property {(info: RejectInfo) => StreamError | null | undefined} [rejectWith] return an error to
 *   refuse a connection: the error frame is sent, then the socket is closed with code 1000
 * @property {boolean} [verifyTokens] check JWT signature, user_id and exp (dev tokens pass); default true
 * @property {(line: string) => void} [log] called with one line per connection event
 * @property {boolean} [refuseWebSockets] refuse every WebSocket upgrade (HTTP 503), so the SDK
 *   falls back to long-polling when `enableWSFallback` is on; default false
 * @property {number} [longPollHoldMs] how long an idle long-poll is held; default 20000 (Stream's 20 s)
 */

/**
 * A live WebSocket connection, as reported by `connections()`; `product` is absent for chat.
 * @typedef {{ userId: string, connectionId: string, url: string, product?: 'video' | 'feeds' }} LiveConnection
 */

/**
 * @typedef {object} FakeStreamBackend
 * @property {number} port
 * @property {string} baseURL `http://127.0.0.1:PORT`; pass it as the SDK's `baseURL`
 * @property {() => LiveConnection[]} connections the connections open right now
 * @property {() => number} totalConnections WebSocket connections ever opened (rejected ones included)
 * @property {(filter?: { userId?: string, connectionId?: string }, code?: number) => number} dropConnections
 *   server-side close of matching live connections: without `code` the socket is terminated (the
 *   client sees 1006 and reconnects); with code 1000 the SDK does not reconnect. Returns how many.
 * @property {() => LiveConnection[]} longPollSessions the long-poll sessions open right now
 * @property {(event: Record<string, unknown>, filter?: { userId?: string }) => number} sendEvent
 *   sends a Stream event (e.g. a `message.new`) to every live socket (of one user), as the real
 *   backend fans an event out to each connection; returns how many sockets got it
 * @property {() => Promise<void>} close
 */

const demoPageFile = fileURLToPath(new URL('../page/index.html', import.meta.url));
const demoBundleFile = fileURLToPath(new URL('../dist/app.js', import.meta.url));

/**
 * The `me` object of the first health.check: the user as the server stores it.
 * @param {string} userId
 * @param {Record<string, unknown>} userDetails
 * @param {string} now ISO date
 */
function ownUser(userId, userDetails, now) {
  return {
    role: 'user',
    created_at: now,
    updated_at: now,
    last_active: now,
    banned: false,
    online: true,
    invisible: false,
    language: '',
    teams: [],
    ...userDetails,
    id: userId,
    devices: [],
    mutes: [],
    channel_mutes: [],
    blocked_user_ids: [],
    unread_count: 0,
    total_unread_count: 0,
    unread_channels: 0,
    unread_threads: 0,
  };
}

/**
 * @param {StreamError} error
 */
function errorBody(error) {
  return {
    code: error.code,
    message: error.message,
    StatusCode: error.StatusCode,
    duration: '0.00ms',
    more_info: 'https://getstream.io/chat/docs/api_errors_response',
    details: [],
  };
}

/**
 * Checks the query of a /connect upgrade the way Stream does; returns the user or an error.
 * @param {URLSearchParams} params
 * @param {string} apiSecret
 * @param {boolean} verifyTokens
 * @returns {{ userId: string, userDetails: Record<string, unknown> } | { error: StreamError }}
 */
function authenticate(params, apiSecret, verifyTokens) {
  /** @type {unknown} */
  let json;
  try {
    json = JSON.parse(params.get('json') ?? '');
  } catch {
    json = undefined;
  }
  const payload = /** @type {{ user_id?: unknown, user_details?: unknown } | undefined} */ (
    json && typeof json === 'object' ? json : undefined
  );
  if (!payload || typeof payload.user_id !== 'string' || payload.user_id === '') {
    return { error: { code: 4, message: 'Connect failed with error: "json" parameter is missing or has no user_id', StatusCode: 400 } };
  }
  if (!params.get('api_key')) {
    return { error: { code: 2, message: 'api_key not found', StatusCode: 401 } };
  }
  const userId = payload.user_id;
  const userDetails = /** @type {Record<string, unknown>} */ (
    payload.user_details && typeof payload.user_details === 'object' ? payload.user_details : {}
  );
  if (!verifyTokens || params.get('stream-auth-type') === 'anonymous') return { userId, userDetails };

  const token = params.get('authorization') ?? '';
  const decoded = decodeJwt(token);
  if (!decoded) {
    return { error: { code: 43, message: 'JWTAuth error: token is malformed', StatusCode: 401 } };
  }
  if (decoded.signature !== 'devtoken' && !hasValidSignature(token, apiSecret)) {
    return {
      error: {
        code: 43,
        message: 'JWTAuth error: signature is not valid. Make sure the token is created using the secret key from the app',
        StatusCode: 401,
      },
    };
  }
  if (decoded.payload.user_id !== userId) {
    return { error: { code: 43, message: 'JWTAuth error: token user_id does not match the user_id of the connection', StatusCode: 401 } };
  }
  const exp = decoded.payload.exp;
  if (typeof exp === 'number' && exp * 1000 < Date.now()) {
    return { error: { code: 40, message: 'JWTAuth error: token has expired', StatusCode: 401 } };
  }
  return { userId, userDetails };
}

/**
 * @param {http.IncomingMessage} req
 * @param {http.ServerResponse} res
 */
function setCors(req, res) {
  res.setHeader('Access-Control-Allow-Origin', req.headers.origin ?? '*');
  res.setHeader('Vary', 'Origin');
  res.setHeader('Access-Control-Allow-Methods', 'GET, POST, PUT, PATCH, DELETE, OPTIONS');
  res.setHeader(
    'Access-Control-Allow-Headers',
    req.headers['access-control-request-headers'] ??
      'Authorization, Content-Type, stream-auth-type, X-Stream-Client, x-client-request-id',
  );
  res.setHeader('Access-Control-Max-Age', '600');
  res.setHeader('Access-Control-Expose-Headers', EXPOSED_HEADERS);
}

/**
 * @param {http.ServerResponse} res
 * @param {number} status
 * @param {unknown} body
 */
function sendJson(res, status, body) {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(JSON.stringify(body));
}

/**
 * @param {http.ServerResponse} res
 * @param {string} file
 * @param {string} contentType
 * @param {string} missingHint
 */
async function sendFile(res, file, contentType, missingHint) {
  try {
    const body = await readFile(file);
    res.writeHead(200, { 'Content-Type': contentType, 'Cache-Control': 'no-store' });
    res.end(body);
  } catch {
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
    res.end(missingHint);
  }
}

/**
 * Starts the fake backend.
 * @param {FakeStreamBackendOptions} [options]
 * @returns {Promise<FakeStreamBackend>}
 */
export async function startFakeStreamBackend(options = {}) {
  const {
    port: requestedPort = 0,
    host = '127.0.0.1',
    apiSecret = 'demo-secret',
    staticDir = true,
    rejectWith,
    verifyTokens = true,
    log = () => {},
    refuseWebSockets = false,
    longPollHoldMs = 20_000,
  } = options;
  if (requestedPort === 3030) {
    throw new Error('Port 3030 is refused: the stream-chat SDK rewrites :3030 to :8800 for WebSockets.');
  }

  /** @type {Map<WebSocket, LiveConnection>} */
  const live = new Map();
  const restApi = createRestApi();
  const longPoll = createLongPollEndpoint({
    authenticate: (params) => authenticate(params, apiSecret, verifyTokens),
    ownUser,
    sendJson,
    errorBody,
    log,
    holdMs: longPollHoldMs,
  });
  let total = 0;

  const server = http.createServer((req, res) => {
    handleHttp(req, res).catch((err) => {
      if (!res.headersSent) sendJson(res, 500, errorBody({ code: -1, message: String(err), StatusCode: 500 }));
      else res.destroy();
    });
  });

  /**
   * @param {http.IncomingMessage} req
   * @param {http.ServerResponse} res
   */
  async function handleHttp(req, res) {
    setCors(req, res);
    const method = req.method ?? 'GET';
    const url = new URL(req.url ?? '/', 'http://localhost');
    // Drain any request body: the fake does not need it.
    for await (const _chunk of req) {
      // discard
    }
    if (method === 'OPTIONS') {
      res.writeHead(204);
      res.end();
      return;
    }
    if (method === 'GET' && staticDir && (url.pathname === '/' || url.pathname === '/index.html')) {
      await sendFile(res, demoPageFile, 'text/html; charset=utf-8', 'demo/page/index.html not found');
      return;
    }
    if (method === 'GET' && staticDir && url.pathname === '/app.js') {
      await sendFile(
        res,
        demoBundleFile,
        'text/javascript; charset=utf-8',
        'demo/dist/app.js not found: run `node scripts/buildDemo.mjs` first',
      );
      return;
    }
    if (!staticDir && ['/', '/index.html', '/app.js'].includes(url.pathname)) {
      sendJson(res, 404, errorBody({ code: 16, message: 'static files are not served (staticDir: false)', StatusCode: 404 }));
      return;
    }
    if (url.pathname === '/favicon.ico') {
      res.writeHead(204);
      res.end();
      return;
    }
    if (method === 'GET' && url.pathname === '/token') {
      const userId = url.searchParams.get('user_id');
      if (!userId) {
        sendJson(res, 400, errorBody({ code: 4, message: 'user_id query parameter is required', StatusCode: 400 }));
        return;
      }
      /** @type {Record<string, unknown>} */
      const claims = { user_id: userId };
      const expiresIn = Number(url.searchParams.get('expires_in'));
      if (url.searchParams.has('expires_in') && Number.isFinite(expiresIn)) {
        claims.exp = Math.floor(Date.now() / 1000) + expiresIn;
      }
      sendJson(res, 200, { token: signJwt(claims, apiSecret) });
      return;
    }
    if (method === 'GET' && url.pathname === '/longpoll') {
      longPoll.handle(req, res, url);
      return;
    }
    // Stream Video's HTTP calls on connect (products demo): location hint and telemetry.
    if (handleVideoHttp(method, url, res)) return;
    if (url.pathname === '/connect' || url.pathname === '/longpoll') {
      sendJson(res, 400, errorBody({ code: 4, message: `${url.pathname} is only served as a WebSocket (/connect) or GET (/longpoll)`, StatusCode: 400 }));
      return;
    }
    restApi.handle(method, url, res);
  }

  const wss = new WebSocketServer({ noServer: true });

  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (refuseWebSockets) {
      socket.end('HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    // Video and feeds sockets name their user in the first frame (frameAuthSockets.mjs).
    const frameAuthProduct = frameAuthProductOf(url.pathname);
    if (frameAuthProduct !== null) {
      wss.handleUpgrade(req, socket, head, (ws) => {
        total += 1;
        serveFrameAuthSocket(ws, req.url ?? url.pathname, frameAuthProduct, {
          apiSecret,
          verifyTokens,
          ownUser,
          errorBody,
          log,
          onAuthenticated(authenticated, connection) {
            live.set(authenticated, connection);
            log(`+ ${connection.userId} ${connection.product} ${connection.connectionId} (total live: ${live.size})`);
            authenticated.on('close', (code) => {
              if (live.delete(authenticated)) log(`- ${connection.userId} ${connection.product} closed with ${code} (total live: ${live.size})`);
            });
          },
        });
      });
      return;
    }
    if (url.pathname !== '/connect') {
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => onConnection(ws, req.url ?? '/connect', url.searchParams));
  });

  /**
   * @param {WebSocket} ws
   * @param {string} url
   * @param {URLSearchParams} params
   */
  function onConnection(ws, url, params) {
    total += 1;
    ws.on('error', () => {});
    /** @param {StreamError} error */
    const refuse = (error) => {
      log(`refused connection (code ${error.code}): ${error.message}`);
      ws.send(JSON.stringify({ error: errorBody(error) }));
      // Stream closes with 1000 after an error frame: the SDK treats that as final (no reconnect).
      ws.close(1000, `code ${error.code}`);
    };

    const auth = authenticate(params, apiSecret, verifyTokens);
    if ('error' in auth) {
      refuse(auth.error);
      return;
    }
    const { userId, userDetails } = auth;
    let liveCountForUser = 0;
    for (const c of live.values()) if (c.userId === userId) liveCountForUser += 1;
    const rejection = rejectWith?.({ userId, liveCountForUser, url });
    if (rejection) {
      refuse(rejection);
      return;
    }

    const connectionId = randomUUID();
    live.set(ws, { userId, connectionId, url });
    log(`+ ${userId} ${connectionId} (live for ${userId}: ${liveCountForUser + 1}, total live: ${live.size})`);
    ws.on('close', (code) => {
      if (!live.delete(ws)) return;
      log(`- ${userId} ${connectionId} closed with ${code} (total live: ${live.size})`);
    });

    const now = new Date().toISOString();
    ws.send(
      JSON.stringify({
        type: 'health.check',
        connection_id: connectionId,
        cid: '*',
        me: ownUser(userId, userDetails, now),
        created_at: now,
      }),
    );

    ws.on('message', (data, isBinary) => {
      if (isBinary) return;
      /** @type {unknown} */
      let frame;
      try {
        frame = JSON.parse(data.toString());
      } catch {
        return;
      }
      const frames = Array.isArray(frame) ? frame : [frame];
      const isPing = frames.some(
        (f) => f && typeof f === 'object' && /** @type {{ type?: unknown }} */ (f).type === 'health.check',
      );
      if (isPing && ws.readyState === ws.OPEN) {
        ws.send(
          JSON.stringify({
            type: 'health.check',
            connection_id: connectionId,
            cid: '*',
            created_at: new Date().toISOString(),
          }),
        );
      }
    });
  }

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(requestedPort, host, () => {
      server.off('error', reject);
      resolve(undefined);
    });
  });
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('fake Stream backend: no TCP address');
  const port = address.port;
  const urlHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
  const baseURL = `http://${urlHost}:${port}`;

  let closing = /** @type {Promise<void> | undefined} */ (undefined);

  return {
    port,
    baseURL,
    connections: () => [...live.values()].map((c) => ({ ...c })),
    totalConnections: () => total,
    longPollSessions: () => longPoll.sessions(),
    sendEvent(event, filter = {}) {
      let sent = 0;
      for (const [ws, c] of live) {
        if (filter.userId !== undefined && c.userId !== filter.userId) continue;
        if (ws.readyState !== ws.OPEN) continue;
        ws.send(JSON.stringify({ ...event, connection_id: c.connectionId, created_at: new Date().toISOString() }));
        sent += 1;
      }
      return sent;
    },
    dropConnections(filter = {}, code) {
      let dropped = 0;
      for (const [ws, c] of live) {
        if (filter.userId !== undefined && c.userId !== filter.userId) continue;
        if (filter.connectionId !== undefined && c.connectionId !== filter.connectionId) continue;
        dropped += 1;
        if (code === undefined) ws.terminate();
        else ws.close(code, 'closed by the fake backend');
      }
      return dropped;
    },
    close() {
      closing ??= (async () => {
        for (const ws of wss.clients) ws.terminate();
        live.clear();
        longPoll.closeAll();
        await new Promise((resolve) => wss.close(() => resolve(undefined)));
        server.closeAllConnections();
        await new Promise((resolve) => server.close(() => resolve(undefined)));
      })();
      return closing;
    },
  };
}

const isMain = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (isMain) {
  const port = Number(process.argv[2] ?? process.env.DEMO_PORT ?? 8765);
  const backend = await startFakeStreamBackend({
    port,
    log: (line) => console.log(`[fake-stream] ${line}`),
  });
  console.log(`Fake Stream backend listening on ${backend.baseURL}`);
  console.log(`Demo page: ${backend.baseURL}/  (build it first: node scripts/buildDemo.mjs)`);
  console.log('Press Ctrl-C to stop.');
  const stop = () => {
    backend.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
