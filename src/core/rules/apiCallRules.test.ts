import { describe, expect, it } from 'vitest';
import { buildChecklist } from '../checklist';
import { streamConnectUrl, Timeline } from '../testing/timeline';

/** A Stream API call to the same host the chat socket uses (chat.example). */
const API = 'https://chat.example';
const query = (filter: unknown, options: Record<string, unknown> = { limit: 20, watch: true }) => ({
  method: 'POST',
  url: `${API}/channels?user_id=alice&connection_id=c1&api_key=k`,
  requestBody: JSON.stringify({ filter_conditions: filter, sort: [{ field: 'last_message_at', direction: -1 }], state: true, presence: false, ...options }),
});
const forbidden = JSON.stringify({ code: 17, message: "User 'alice' with role 'user' is not allowed to access Resource CreateChannel on channel type messaging", StatusCode: 403 });

const withChat = (): Timeline => new Timeline().connect('s1', streamConnectUrl('alice'), 0);

describe('the integration checklist rules', () => {
  it('rate-limited: a 429 is an error until the endpoint answers again', () => {
    const t = withChat().apiCall(10, { url: `${API}/channels?api_key=k`, method: 'POST', status: 429, rateLimitLimit: 60, rateLimitRemaining: 0, rateLimitReset: 1_700_000_060 });
    t.check(11);
    expect(t.activeRules()).toEqual(['rate-limited:POST /channels']);
    expect(t.findingsOf('rate-limited')[0]).toMatchObject({ severity: 'error' });
    t.apiCall(20, { url: `${API}/channels?api_key=k`, method: 'POST', status: 201, rateLimitLimit: 60, rateLimitRemaining: 59 }).check(21);
    expect(t.activeRules()).toEqual([]);
    expect(t.findingsOf('rate-limited')).toMatchObject([{ active: false }]);
  });

  it('rate-limit-headroom: under 20% of the limit left is a warning; 20% or more is not', () => {
    const t = withChat().apiCall(10, { url: `${API}/app?api_key=k`, rateLimitLimit: 100, rateLimitRemaining: 20 });
    t.check(11);
    expect(t.activeRules()).toEqual([]);
    t.apiCall(12, { url: `${API}/app?api_key=k`, rateLimitLimit: 100, rateLimitRemaining: 19 }).check(13);
    expect(t.activeRules()).toEqual(['rate-limit-headroom:GET /app']);
    expect(t.findingsOf('rate-limit-headroom')[0]?.message).toContain('19 of 100');
  });

  it('permission-denied: groups 403s by the action the message names, with the role', () => {
    const t = withChat()
      .apiCall(10, { url: `${API}/channels/messaging/support-1/query?api_key=k`, method: 'POST', status: 403, errorBody: forbidden })
      .apiCall(11, { url: `${API}/channels/messaging/support-2/query?api_key=k`, method: 'POST', status: 403, errorBody: forbidden });
    t.check(12);
    expect(t.activeRules()).toEqual(['permission-denied:CreateChannel']);
    expect(t.findingsOf('permission-denied')[0]?.message).toMatch(/CreateChannel for role "user" on channel type messaging \(403, 2 endpoints\)/);
  });

  it('query-channels-unfiltered: no members or type condition; a narrowed query resolves it', () => {
    const t = withChat().apiCall(10, query({ frozen: false }));
    t.check(11);
    expect(t.activeRules()).toEqual(['query-channels-unfiltered:{"frozen":false}']);
    t.apiCall(12, query({ $and: [{ members: { $in: ['alice'] } }, { frozen: false }] })).check(13);
    expect(t.activeRules()).toEqual([]);
  });

  it('query-channels-unbounded: no limit, or over 30 while watching', () => {
    const filter = { type: 'messaging', members: { $in: ['alice'] } };
    const t = withChat().apiCall(10, query(filter, { watch: true }));
    t.check(11);
    expect(t.findingsOf('query-channels-unbounded')[0]?.message).toContain('has no limit');
    t.apiCall(3000, query(filter, { watch: true, limit: 31 })).check(3001);
    expect(t.findingsOf('query-channels-unbounded').filter((f) => f.active)[0]?.message).toContain('watches 31 channels');
    t.apiCall(6010, query(filter, { watch: false, limit: 100 })).check(6011);
    expect(t.activeRules()).toEqual([]);
  });

  it('query-channels-repeated: the same filter 3 times in 5 s, whatever its key order; resolves when the repeats stop', () => {
    const t = withChat()
      .apiCall(1000, query({ type: 'messaging', members: { $in: ['alice'] } }))
      .apiCall(2000, query({ members: { $in: ['alice'] }, type: 'messaging' }));
    t.check(2001);
    expect(t.activeRules()).toEqual([]);
    t.apiCall(3000, query({ type: 'messaging', members: { $in: ['alice'] } }));
    const next = t.check(3001);
    expect(t.activeRules()).toEqual(['query-channels-repeated:{"members":{"$in":["alice"]},"type":"messaging"}']);
    expect(next).toBe(6000);
    t.check(6000);
    expect(t.activeRules()).toEqual([]);
  });

  it('ignores calls to hosts that are neither Stream nor used by a Stream socket of the tab', () => {
    const t = withChat().apiCall(10, { url: 'https://payments.example/charge?api_key=k', method: 'POST', status: 429 });
    t.check(11);
    expect(t.activeRules()).toEqual([]);
    const stream = new Timeline().apiCall(10, { url: 'https://chat.stream-io-api.com/channels?api_key=k', method: 'POST', status: 429 });
    stream.check(11);
    expect(stream.activeRules()).toEqual(['rate-limited:POST /channels']);
  });
});

describe('buildChecklist', () => {
  it('is not applicable without Stream traffic, never passed', () => {
    const checklist = buildChecklist(new Timeline().connect('s', 'wss://other.example/socket', 0).state);
    expect(Object.values(checklist).map((section) => section.status)).toEqual(['not-applicable', 'not-applicable', 'not-applicable', 'not-applicable']);
  });

  it('passes the sections the page exercised and fails or warns the ones with active findings', () => {
    const t = withChat()
      .apiCall(10, { url: `${API}/app?api_key=k`, rateLimitLimit: 100, rateLimitRemaining: 99 })
      .apiCall(11, query({ frozen: false }));
    t.check(12);
    let checklist = buildChecklist(t.state);
    expect(checklist.connection.status).toBe('passed');
    expect(checklist.permissions.status).toBe('passed');
    expect(checklist.rateLimits.status).toBe('passed');
    expect(checklist.queryChannels).toMatchObject({ status: 'warned', rules: ['query-channels-unfiltered'] });
    t.apiCall(13, { url: `${API}/channels/messaging/x/query?api_key=k`, method: 'POST', status: 403, errorBody: forbidden }).check(14);
    checklist = buildChecklist(t.state);
    expect(checklist.permissions.status).toBe('failed');
    expect(checklist.permissions.evidence[0]).toMatch(/^permission-denied: Stream refused CreateChannel/);
  });
});
