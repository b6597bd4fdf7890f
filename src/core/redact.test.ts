import { describe, expect, it } from 'vitest';
import { REDACTED, redactText, redactUrl } from './redact';

const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJ1c2VyX2lkIjoiYWxpY2UifQ.c2lnbmF0dXJlLXNlY3JldA';

describe('redactUrl', () => {
  it('keeps a JWT readable but replaces its signature', () => {
    const url = `wss://chat.example/connect?api_key=k1&authorization=${jwt}&stream-auth-type=jwt`;
    const redacted = redactUrl(url);
    expect(redacted).not.toContain('c2lnbmF0dXJlLXNlY3JldA');
    expect(redacted).toContain(`authorization=eyJhbGciOiJIUzI1NiJ9.eyJ1c2VyX2lkIjoiYWxpY2UifQ.${REDACTED}`);
    expect(redacted).toContain('api_key=k1');
  });

  it('replaces plain secret parameters whatever their case', () => {
    const redacted = redactUrl('wss://x.example/ws?user_id=u1&access_token=abc123&Password=hunter2&key=zzz');
    expect(redacted).toBe(`wss://x.example/ws?user_id=u1&access_token=${REDACTED}&Password=${REDACTED}&key=${REDACTED}`);
  });

  it('redacts a JWT anywhere in the URL, even under an unknown name', () => {
    expect(redactUrl(`wss://x.example/ws/${jwt}?session=${jwt}`)).not.toContain('c2lnbmF0dXJlLXNlY3JldA');
  });

  it('is idempotent, so a redacted view can be exported as is', () => {
    const once = redactUrl(`wss://chat.example/connect?authorization=${jwt}&token=t`);
    expect(redactUrl(once)).toBe(once);
  });

  it('handles URLs it cannot parse', () => {
    expect(redactUrl(`not a url ${jwt}`)).not.toContain('c2lnbmF0dXJlLXNlY3JldA');
  });
});

describe('redactText', () => {
  it('replaces secret JSON fields and JWT signatures in frames', () => {
    const frame = JSON.stringify({ type: 'auth', token: 'opaque-secret', password: 'p', user_id: 'alice', note: jwt });
    const redacted = redactText(frame);
    expect(redacted).not.toContain('opaque-secret');
    expect(redacted).not.toContain('"p"');
    expect(redacted).not.toContain('c2lnbmF0dXJlLXNlY3JldA');
    expect(redacted).toContain('"user_id":"alice"');
  });
});

describe('the auth frame of Stream Video and Feeds', () => {
  it("keeps the token's header and claims readable, like the chat URL's token, and never its signature", () => {
    const frame = JSON.stringify({ token: jwt, user_details: { id: 'alice' }, products: ['video'] });
    const redacted = redactText(frame);
    expect(redacted).not.toContain('c2lnbmF0dXJlLXNlY3JldA');
    expect(redacted).toContain(`"token":"eyJhbGciOiJIUzI1NiJ9.eyJ1c2VyX2lkIjoiYWxpY2UifQ.${REDACTED}"`);
    expect(redactText(redacted)).toBe(redacted);
  });

  it('replaces a secret field whole when its value is no JWT, even one that quotes the marker', () => {
    expect(redactText(JSON.stringify({ token: `hunter2 ${REDACTED}` }))).toBe(`{"token":"${REDACTED}"}`);
  });
});
