// @ts-check
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeStreamBackend } from './fakeStreamBackend.mjs';

/** @type {import('./fakeStreamBackend.mjs').FakeStreamBackend} */
let backend;
beforeAll(async () => {
  backend = await startFakeStreamBackend({ staticDir: false });
});
afterAll(() => backend.close());

describe('the fake backend REST API, as the checklist reads it', () => {
  it('puts rate-limit headers on every answer and exposes them to other origins', async () => {
    const answer = await fetch(`${backend.baseURL}/app?api_key=k&user_id=headers`, { headers: { Origin: 'http://page.test' } });
    expect(answer.status).toBe(200);
    expect(answer.headers.get('x-ratelimit-limit')).toBe('60');
    expect(answer.headers.get('x-ratelimit-remaining')).toBe('59');
    expect(Number(answer.headers.get('x-ratelimit-reset'))).toBeGreaterThan(Date.now() / 1000);
    expect(answer.headers.get('access-control-expose-headers')).toContain('X-RateLimit-Remaining');
  });

  it('answers 429 with code 9 past an endpoint limit, per user', async () => {
    const call = (/** @type {string} */ user) => fetch(`${backend.baseURL}/users?api_key=k&user_id=${user}`);
    /** @type {number[]} */
    const statuses = [];
    for (let i = 0; i < 31; i++) statuses.push((await call('burst')).status);
    expect(statuses.slice(0, 30).every((status) => status === 200)).toBe(true);
    const over = await call('burst');
    expect(over.status).toBe(429);
    expect(await over.json()).toMatchObject({ code: 9, StatusCode: 429 });
    expect((await call('someone-else')).status).toBe(200);
  });

  it('answers 403 with code 17 naming the action and role for a message on a read-only channel type', async () => {
    const denied = await fetch(`${backend.baseURL}/channels/announcements/news/message?api_key=k&user_id=alice`, { method: 'POST', body: '{}' });
    expect(denied.status).toBe(403);
    const body = await denied.json();
    expect(body).toMatchObject({ code: 17, StatusCode: 403 });
    expect(body.message).toContain("User 'alice' with role 'user' is not allowed to access Resource SendMessage on channel type announcements");
    const allowed = await fetch(`${backend.baseURL}/channels/messaging/general/message?api_key=k&user_id=alice`, { method: 'POST', body: '{}' });
    expect(allowed.status).toBe(200);
    expect(await allowed.json()).toMatchObject({ message: { user: { id: 'alice' }, cid: 'messaging:general' } });
  });
});
