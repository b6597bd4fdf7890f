import { describe, expect, it } from 'vitest';
import { REDACTED, redactTabState, redactText, redactUrl } from './redact';
import { isSecretName } from './secretNames';
import { buildReport } from './report';
import { reportMarkdown } from './reportMarkdown';
import { Timeline } from './testing/timeline';

const header = 'eyJhbGciOiJIUzI1NiJ9';
const claims = 'eyJ1c2VyX2lkIjoiYWxpY2UifQ';
const signature = 'c2lnbmF0dXJlLXNlY3JldA';
const jwt = `${header}.${claims}.${signature}`;

/** No part of the token: neither its header, its claims nor its signature. */
function expectNoTokenPart(text: string): void {
  expect(text).not.toContain(header);
  expect(text).not.toContain(claims);
  expect(text).not.toContain(signature);
}

describe('redactUrl', () => {
  it('replaces the whole JWT of an authorization parameter, header and claims included', () => {
    const redacted = redactUrl(`wss://chat.example/connect?api_key=k1&authorization=${jwt}&stream-auth-type=jwt`);
    expect(redacted).toBe(`wss://chat.example/connect?api_key=k1&authorization=${REDACTED}&stream-auth-type=jwt`);
  });

  it('replaces a JWT under any parameter name, in a path segment and in the fragment', () => {
    for (const url of [
      `wss://x.example/ws?jwt=${jwt}`,
      `wss://x.example/ws?t=${jwt}&room=1`,
      `wss://x.example/ws?data=${encodeURIComponent(JSON.stringify({ nested: jwt }))}`,
      `wss://x.example/ws/${jwt}/stream`,
      `https://app.example/#/chat?t=${jwt}`,
      `https://app.example/callback#id_token=${jwt}&state=s1`,
    ]) {
      const redacted = redactUrl(url);
      expectNoTokenPart(redacted);
      expect(redacted).toContain(REDACTED);
    }
    expect(redactUrl(`wss://x.example/ws/${jwt}/stream?room=1`)).toBe(`wss://x.example/ws/${REDACTED}/stream?room=1`);
  });

  it('replaces an unsigned JWT (empty signature) whole', () => {
    expect(redactUrl(`wss://x.example/ws?t=${header}.${claims}.`)).toBe(`wss://x.example/ws?t=${REDACTED}`);
  });

  it('replaces the whole value of every secret parameter, whatever its case or spelling', () => {
    const redacted = redactUrl('wss://x.example/ws?user_id=u1&access_token=abc123&Password=hunter2&key=zzz&auth=a1&session=s1&sessionId=s2&x-api-key=k9&api-secret=q&client_secret=c&X-Amz-Signature=f00');
    expect(redacted).toBe(
      `wss://x.example/ws?user_id=u1&access_token=${REDACTED}&Password=${REDACTED}&key=${REDACTED}&auth=${REDACTED}&session=${REDACTED}&sessionId=${REDACTED}&x-api-key=${REDACTED}&api-secret=${REDACTED}&client_secret=${REDACTED}&X-Amz-Signature=${REDACTED}`,
    );
  });

  it("keeps Stream's public api_key and what only mentions a secret word", () => {
    const url = 'wss://chat.example/connect?api_key=pub123&stream-auth-type=jwt&user_id=alice&X-Stream-Client=stream-chat-js';
    expect(redactUrl(url)).toBe(url);
  });

  it('redacts secrets inside a JSON parameter and a nested URL, keeping the rest as written', () => {
    const json = encodeURIComponent(JSON.stringify({ user_id: 'alice', token: 'opaque', user_details: { id: 'alice' } }));
    const redacted = redactUrl(`wss://x.example/connect?json=${json}&next=${encodeURIComponent('https://a.example/?token=t1&x=1')}`);
    const params = new URL(redacted).searchParams;
    expect(JSON.parse(params.get('json') ?? '')).toEqual({ user_id: 'alice', token: REDACTED, user_details: { id: 'alice' } });
    expect(params.get('next')).toBe(`https://a.example/?token=${REDACTED}&x=1`);
  });

  it('replaces the password of the user info', () => {
    expect(redactUrl('wss://bob:hunter2@x.example/ws')).toBe(`wss://bob:${REDACTED}@x.example/ws`);
  });

  it('leaves a URL without secrets exactly as written', () => {
    const url = 'wss://x.example/a%20b/ws?q=a+b&list=1,2&empty=&flag#top';
    expect(redactUrl(url)).toBe(url);
  });

  it('is idempotent, so a redacted view can be exported as is', () => {
    const once = redactUrl(`wss://chat.example/connect?authorization=${jwt}&token=t&json=${encodeURIComponent('{"token":"x"}')}`);
    expect(redactUrl(once)).toBe(once);
  });

  it('handles text that is no URL', () => {
    const redacted = redactUrl(`not a url ${jwt} token=abc`);
    expectNoTokenPart(redacted);
    expect(redacted).not.toContain('abc');
  });
});

describe('isSecretName', () => {
  it('judges a name by its last word', () => {
    for (const name of ['authorization', 'Authorization', 'auth', 'token', 'access_token', 'accessToken', 'refresh-token', 'jwt', 'key', 'x-api-key', 'apiSecret', 'password', 'session', 'session_id', 'PHPSESSID', 'signature', 'passcode']) {
      expect(isSecretName(name), name).toBe(true);
    }
    for (const name of ['api_key', 'apiKey', 'user_id', 'stream-auth-type', 'json', 'connection_id', 'keyword', 'monkey', 'author']) {
      expect(isSecretName(name), name).toBe(false);
    }
  });
});

describe('redactText', () => {
  it('replaces secret JSON fields and JWTs in frames, keeping the rest', () => {
    const frame = JSON.stringify({ type: 'auth', token: 'opaque-secret', password: 'p', user_id: 'alice', note: jwt });
    const redacted = redactText(frame);
    expect(JSON.parse(redacted)).toEqual({ type: 'auth', token: REDACTED, password: REDACTED, user_id: 'alice', note: REDACTED });
  });

  it('replaces a JWT under any field of an auth frame, and a bearer header line', () => {
    expect(redactText(`{"jwt":"${jwt}","products":["video"]}`)).toBe(`{"jwt":"${REDACTED}","products":["video"]}`);
    expect(redactText(`CONNECT\nAuthorization: Bearer ${jwt}\npasscode:pw\nhost:x\n`)).toBe(`CONNECT\nAuthorization: ${REDACTED}\npasscode:${REDACTED}\nhost:x\n`);
  });
});

describe('redactTabState and every export', () => {
  const url = `wss://chat.example/connect?api_key=k1&authorization=${jwt}`;
  const pathUrl = `wss://other.example/ws/${jwt}`;
  const timeline = new Timeline()
    .connect('a', url, 1000)
    .send('a', 1100, `{"type":"auth","jwt":"${jwt}"}`)
    .connect('b', pathUrl, 1200)
    .connect('c', pathUrl, 1300);
  // Two sockets of an unknown user to one endpoint: a duplicate-endpoint finding quotes the endpoint, path token and all.
  timeline.check(5000);
  const state = timeline.state;

  it('keeps no part of a token in URLs, frames or findings, and the claims in the token view', () => {
    expect(state.findings.map((finding) => finding.message).join(' ')).toContain(claims);
    const redacted = redactTabState(state);
    expectNoTokenPart(JSON.stringify({ ...redacted, sockets: Object.values(redacted.sockets).map(({ urlToken: _view, ...socket }) => socket) }));
    expect(redacted.sockets['a']?.urlToken).toEqual({ param: 'authorization', claims: { user_id: 'alice' }, signature: 'redacted' });
    expect(redacted.sockets['b']?.urlToken?.param).toBe('path');
    expect(JSON.stringify(redacted)).not.toContain(signature);
    expect(redactTabState(redacted)).toEqual(redacted);
  });

  it('keeps no part of a token in the JSON report or the Markdown', () => {
    const report = buildReport(state, { now: 2000, toolVersion: 'test', redact: true });
    expectNoTokenPart(JSON.stringify(report));
    expectNoTokenPart(reportMarkdown(report));
    expect(report.sockets[0]?.url).toBe(`wss://chat.example/connect?api_key=k1&authorization=${REDACTED}`);
  });
});

describe('the auth frame of Stream Video and Feeds', () => {
  it('replaces the token whole, like the chat URL\'s token, keeping the user it names', () => {
    const frame = JSON.stringify({ token: jwt, user_details: { id: 'alice' }, products: ['video'] });
    const redacted = redactText(frame);
    expect(redacted).not.toContain('c2lnbmF0dXJlLXNlY3JldA');
    expect(redacted).not.toContain('eyJ');
    expect(redacted).toContain(`"token":"${REDACTED}"`);
    expect(redacted).toContain('"user_details":{"id":"alice"}');
    expect(redactText(redacted)).toBe(redacted);
  });

  it('replaces a secret field whole when its value is no JWT, even one that quotes the marker', () => {
    expect(redactText(JSON.stringify({ token: `hunter2 ${REDACTED}` }))).toBe(`{"token":"${REDACTED}"}`);
  });
});
