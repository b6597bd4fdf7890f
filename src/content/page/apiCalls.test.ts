import { describe, expect, it } from 'vitest';
import type { HookEvent } from '../../core/wire/hookMessages';
import { createApiCallRecorder, isApiCallUrl } from './apiCalls';

describe('the hook side of Stream API calls', () => {
  it('watches only URLs that carry an api_key, and never a long-poll', () => {
    expect(isApiCallUrl('https://chat.stream-io-api.com/channels?user_id=a&api_key=k')).toBe(true);
    expect(isApiCallUrl('/app?api_key=k')).toBe(true);
    expect(isApiCallUrl('https://chat.stream-io-api.com/longpoll?api_key=k')).toBe(false);
    expect(isApiCallUrl('https://cdn.example/app.js')).toBe(false);
  });

  it('reports method, timing, status and the rate-limit headers; copies a queryChannels body and an error body only', () => {
    const events: HookEvent[] = [];
    let time = 1000;
    const recorder = createApiCallRecorder((event) => events.push(event), () => time);
    const query = recorder.begin('/channels?api_key=k', 'post', '{"filter_conditions":{}}');
    const message = recorder.begin('/channels/messaging/x/message?api_key=k', 'POST', '{"message":{"text":"private"}}');
    expect(message?.requestBody).toBeNull();
    time = 1030;
    const headers: Record<string, string> = { 'x-ratelimit-limit': '60', 'x-ratelimit-remaining': '12', 'x-ratelimit-reset': '1700000000' };
    recorder.end(query!, { status: 200, header: (name) => headers[name] ?? null, errorBody: null });
    recorder.end(message!, { status: 403, header: () => null, errorBody: '{"code":17}' });
    expect(events).toEqual([
      { type: 'http', at: 1000, durationMs: 30, method: 'POST', url: '/channels?api_key=k', status: 200, rateLimitLimit: 60, rateLimitRemaining: 12, rateLimitReset: 1700000000, requestBody: '{"filter_conditions":{}}', errorBody: null },
      { type: 'http', at: 1000, durationMs: 30, method: 'POST', url: '/channels/messaging/x/message?api_key=k', status: 403, rateLimitLimit: null, rateLimitRemaining: null, rateLimitReset: null, requestBody: null, errorBody: '{"code":17}' },
    ]);
  });

  it('caps what it copies to the wire limits', () => {
    const events: HookEvent[] = [];
    const recorder = createApiCallRecorder((event) => events.push(event), () => 0);
    const request = recorder.begin('/channels?api_key=k', 'POST', 'x'.repeat(10_000));
    recorder.end(request!, { status: 500, header: () => 'not a number', errorBody: 'y'.repeat(10_000) });
    const event = events[0] as Extract<HookEvent, { type: 'http' }>;
    expect(event.requestBody?.length).toBe(4_000);
    expect(event.errorBody?.length).toBe(4_000);
    expect(event.rateLimitLimit).toBeNull();
  });
});
