// @ts-check
/**
 * The `/longpoll` endpoint of the fake Stream backend: what stream-chat's `enableWSFallback`
 * uses after WebSocket failures (the SDK polls over axios, i.e. XHR in a browser).
 * - `GET /longpoll?json=...&api_key=...` (token in the Authorization header) opens a session:
 *   `{ event: { type: 'health.check', connection_id, me, ... } }`;
 * - `GET /longpoll?connection_id=...` is held until `holdMs` passes or the session closes, then
 *   answered `{ events: [] }`; an unknown connection id gets Stream's error 46 (the SDK then
 *   connects anew);
 * - `GET /longpoll?close=true&connection_id=...` closes the session.
 */
import { randomUUID } from 'node:crypto';

/** @typedef {import('node:http').IncomingMessage} IncomingMessage */
/** @typedef {import('node:http').ServerResponse} ServerResponse */
/** @typedef {{ code: number, message: string, StatusCode: number }} StreamError */
/** @typedef {{ userId: string, connectionId: string, url: string }} LongPollSession */

/**
 * @typedef {object} LongPollDeps
 * @property {(params: URLSearchParams) => { userId: string, userDetails: Record<string, unknown> } | { error: StreamError }} authenticate
 * @property {(userId: string, userDetails: Record<string, unknown>, now: string) => Record<string, unknown>} ownUser
 * @property {(res: ServerResponse, status: number, body: unknown) => void} sendJson
 * @property {(error: StreamError) => Record<string, unknown>} errorBody
 * @property {(line: string) => void} log
 * @property {number} holdMs how long an idle poll is held before its empty answer
 */

/** @param {LongPollDeps} deps */
export function createLongPollEndpoint(deps) {
  /** @type {Map<string, LongPollSession & { release: Set<() => void> }>} */
  const sessions = new Map();

  /**
   * Query plus the auth the SDK sends as headers, as `authenticate` reads a connect URL.
   * @param {URL} url
   * @param {IncomingMessage} req
   */
  function authParams(url, req) {
    const params = new URLSearchParams(url.searchParams);
    const authorization = req.headers['authorization'];
    const authType = req.headers['stream-auth-type'];
    if (!params.has('authorization') && typeof authorization === 'string') params.set('authorization', authorization);
    if (!params.has('stream-auth-type') && typeof authType === 'string') params.set('stream-auth-type', authType);
    return params;
  }

  /** @param {string} connectionId */
  function closeSession(connectionId) {
    const session = sessions.get(connectionId);
    if (!session) return false;
    sessions.delete(connectionId);
    for (const release of session.release) release();
    deps.log(`- longpoll ${session.userId} ${connectionId} (live sessions: ${sessions.size})`);
    return true;
  }

  return {
    /** @returns {LongPollSession[]} the sessions open right now */
    sessions: () => [...sessions.values()].map(({ userId, connectionId, url }) => ({ userId, connectionId, url })),

    /**
     * @param {IncomingMessage} req
     * @param {ServerResponse} res
     * @param {URL} url
     */
    handle(req, res, url) {
      const connectionId = url.searchParams.get('connection_id');
      if (url.searchParams.get('close') === 'true') {
        if (connectionId) closeSession(connectionId);
        deps.sendJson(res, 200, { duration: '0.01ms' });
        return;
      }
      if (connectionId) {
        const session = sessions.get(connectionId);
        if (!session) {
          deps.sendJson(res, 400, deps.errorBody({ code: 46, message: `connection_id ${connectionId} not found`, StatusCode: 400 }));
          return;
        }
        const answer = () => {
          clearTimeout(timer);
          session.release.delete(answer);
          if (!res.writableEnded) deps.sendJson(res, 200, { events: [], duration: '0.01ms' });
        };
        const timer = setTimeout(answer, deps.holdMs);
        session.release.add(answer);
        res.on('close', () => {
          clearTimeout(timer);
          session.release.delete(answer);
        });
        return;
      }
      const auth = deps.authenticate(authParams(url, req));
      if ('error' in auth) {
        deps.log(`refused longpoll (code ${auth.error.code}): ${auth.error.message}`);
        deps.sendJson(res, auth.error.StatusCode, deps.errorBody(auth.error));
        return;
      }
      const id = randomUUID();
      sessions.set(id, { userId: auth.userId, connectionId: id, url: req.url ?? '/longpoll', release: new Set() });
      deps.log(`+ longpoll ${auth.userId} ${id} (live sessions: ${sessions.size})`);
      const now = new Date().toISOString();
      deps.sendJson(res, 200, {
        event: { type: 'health.check', connection_id: id, cid: '*', me: deps.ownUser(auth.userId, auth.userDetails, now), created_at: now },
        duration: '0.01ms',
      });
    },

    /** Answers every held poll (before the server closes). */
    closeAll() {
      for (const id of [...sessions.keys()]) closeSession(id);
    },
  };
}
