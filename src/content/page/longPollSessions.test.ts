import { describe, expect, it, vi } from 'vitest';
import type { HookEvent } from '../../core/wire/hookMessages';
import { createLongPollTracker, isLongPollUrl } from './longPollSessions';

// Node's URL is a JavaScript class, which the hook's check for a native refuses (lateNatives.ts,
// tested there and in the browser): these tests are about the sessions.
vi.mock('./lateNatives', async (importOriginal) => ({ ...(await importOriginal<typeof import('./lateNatives')>()), lateUrl: () => ({ NativeURL: URL, getHref: (url: URL) => url.href }) }));

const BASE = 'https://app.example/chat';
const JSON_PARAM = encodeURIComponent(JSON.stringify({ user_id: 'alice', user_details: { id: 'alice' } }));
const CONNECT = `https://chat.example/longpoll?user_id=alice&api_key=k&json=${JSON_PARAM}`;
const POLL = 'https://chat.example/longpoll?user_id=alice&connection_id=c1&api_key=k';
const CLOSE = 'https://chat.example/longpoll?user_id=alice&close=true&connection_id=c1&api_key=k';
const CONNECTED = JSON.stringify({ event: { type: 'health.check', connection_id: 'c1', me: { id: 'alice' } } });

function tracker() {
  const events: HookEvent[] = [];
  let id = 0;
  let time = 0;
  const t = createLongPollTracker({
    record: (event) => events.push(event),
    flushNow: () => {},
    nextId: () => `lp-${++id}`,
    now: () => ++time,
    frameUrl: () => BASE,
    captureStack: () => ['connect (https://app.example/chat.js:1:1)'],
    previewChars: () => 512,
  });
  const reply = (status: number, body: string) => ({ kind: 'reply' as const, status, body, size: new TextEncoder().encode(body).length });
  return { t, events, reply, types: () => events.map((event) => `${event.type}:${'socketId' in event ? event.socketId : ''}`) };
}

describe('isLongPollUrl', () => {
  it('matches the /longpoll endpoint, relative or absolute, and nothing else', () => {
    expect(isLongPollUrl('/longpoll?x=1', BASE)).toBe(true);
    expect(isLongPollUrl(CONNECT, BASE)).toBe(true);
    expect(isLongPollUrl('https://chat.example/connect', BASE)).toBe(false);
    expect(isLongPollUrl('https://chat.example/longpolling', BASE)).toBe(false);
    expect(isLongPollUrl('http://[bad', BASE)).toBe(false);
  });
});

describe('createLongPollTracker', () => {
  it('records a session through connect, polls and close, like a socket', () => {
    const { t, events, reply, types } = tracker();
    const connect = t.begin(CONNECT, BASE);
    expect(connect).toMatchObject({ kind: 'connect', sessionId: 'lp-1' });
    t.end(connect!, reply(200, CONNECTED));
    const poll = t.begin(POLL, BASE);
    t.end(poll!, reply(200, '{"events":[{"type":"message.new"}]}'));
    t.begin(CLOSE, BASE);
    expect(types()).toEqual(['created:lp-1', 'message:lp-1', 'open:lp-1', 'message:lp-1', 'close:lp-1']);
    expect(events[0]).toMatchObject({ transport: 'longpoll', url: CONNECT, frameUrl: BASE, stack: ['connect (https://app.example/chat.js:1:1)'] });
    expect(events[3]).toMatchObject({ direction: 'in', size: 35, binary: false, preview: '{"events":[{"type":"message.new"}]}' });
    expect(events[4]).toMatchObject({ code: 1000, wasClean: true });
  });

  it('ignores requests that are not long-poll requests, and closes of unknown sessions', () => {
    const { t, events } = tracker();
    expect(t.begin('https://chat.example/channels', BASE)).toBeNull();
    expect(t.begin(CLOSE, BASE)).toBeNull();
    expect(events).toEqual([]);
  });

  it('ends a session whose connect is refused, and keeps one whose poll failed on the network', () => {
    const { t, reply, types } = tracker();
    t.end(t.begin(CONNECT, BASE)!, reply(401, '{"code":43}'));
    expect(types()).toEqual(['created:lp-1', 'message:lp-1', 'error:lp-1', 'close:lp-1']);

    const second = tracker();
    second.t.end(second.t.begin(CONNECT, BASE)!, second.reply(200, CONNECTED));
    second.t.end(second.t.begin(POLL, BASE)!, { kind: 'failed' });
    second.t.end(second.t.begin(POLL, BASE)!, { kind: 'aborted' });
    expect(second.types()).toEqual(['created:lp-1', 'message:lp-1', 'open:lp-1', 'error:lp-1']);
  });

  it('closes a session the server no longer knows (a 4xx poll)', () => {
    const { t, reply, types, events } = tracker();
    t.end(t.begin(CONNECT, BASE)!, reply(200, CONNECTED));
    t.end(t.begin(POLL, BASE)!, reply(400, '{"code":46}'));
    expect(types().slice(-3)).toEqual(['message:lp-1', 'error:lp-1', 'close:lp-1']);
    expect(events.at(-1)).toMatchObject({ code: 1006, reason: 'long-poll failed (HTTP 400)', wasClean: false });
    // A later poll with that id is a session of its own.
    expect(t.begin(POLL, BASE)).toMatchObject({ kind: 'poll', sessionId: 'lp-2' });
  });

  it('matches a poll and a close sent before the connect reply was read to their session', () => {
    const { t, reply, types } = tracker();
    const connect = t.begin(CONNECT, BASE)!;
    // fetch: the page read its response before our clone of it was read.
    const poll = t.begin(POLL, BASE)!;
    expect(poll.sessionId).toBeNull();
    t.begin(CLOSE, BASE);
    t.end(connect, reply(200, CONNECTED));
    t.end(poll, reply(200, '{"events":[]}'));
    expect(types()).toEqual(['created:lp-1', 'message:lp-1', 'open:lp-1', 'close:lp-1', 'message:lp-1']);
  });

  it('counts the reply of a poll under way when the page closed its session, on that session', () => {
    const { t, reply, types } = tracker();
    const connect = t.begin(CONNECT, BASE)!;
    const poll = t.begin(POLL, BASE)!;
    t.end(connect, reply(200, CONNECTED));
    t.begin(CLOSE, BASE);
    t.end(poll, reply(200, '{"events":[]}'));
    expect(types()).toEqual(['created:lp-1', 'message:lp-1', 'open:lp-1', 'close:lp-1', 'message:lp-1']);
  });

  it('caps the preview of a large reply and keeps its exact size', () => {
    const { t, reply, events } = tracker();
    t.end(t.begin(CONNECT, BASE)!, reply(200, CONNECTED));
    const body = JSON.stringify({ events: [{ text: 'é'.repeat(2_000) }] });
    t.end(t.begin(POLL, BASE)!, reply(200, body));
    const message = events.at(-1) as Extract<HookEvent, { type: 'message' }>;
    expect(message.size).toBe(new TextEncoder().encode(body).length);
    expect(message.preview.length).toBe(513);
  });
});
