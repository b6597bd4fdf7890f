import { describe, expect, it } from 'vitest';
import { parseHar } from './har';
import { replayTabEvents } from './replay';
import { DEFAULT_SETTINGS } from './settings/defaults';
import { streamConnectUrl, testToken } from './testing/timeline';

const T0 = Date.parse('2026-11-30T10:00:00.000Z');
const iso = (ms: number): string => new Date(ms).toISOString();

/** A WebSocket entry as Chrome DevTools' "Save all as HAR" writes it (frame times in epoch seconds). */
function chromeEntry(url: string, startMs: number, messages: Array<[type: 'send' | 'receive', ms: number, data: string]>) {
  return {
    startedDateTime: iso(startMs),
    time: 0,
    request: { method: 'GET', url, headers: [] },
    response: { status: 101, statusText: 'Switching Protocols', headers: [] },
    _resourceType: 'websocket',
    _webSocketMessages: messages.map(([type, ms, data]) => ({ type, time: ms / 1000, opcode: 1, data })),
  };
}

function har(entries: unknown[], pages = [{ id: 'page_1', startedDateTime: iso(T0), title: 'https://app.example/chat' }]): string {
  return JSON.stringify({ log: { version: '1.2', creator: { name: 'WebInspector', version: '537.36' }, pages, entries } });
}

function analyze(text: string) {
  const parsed = parseHar(text, DEFAULT_SETTINGS.previewChars);
  if (!parsed.ok) throw new Error(parsed.error);
  const { recording } = parsed;
  return { recording, state: replayTabEvents(recording.events, DEFAULT_SETTINGS, { tabId: 0, url: recording.url, at: recording.startedAt }, recording.lastEventAt + DEFAULT_SETTINGS.graceWindowMs) };
}

const rulesOf = (state: ReturnType<typeof analyze>['state']): string[] => state.findings.map((finding) => `${finding.rule}:${finding.userId}`);

describe('a HAR replayed through the rules', () => {
  it('finds two sockets of one user held together (Chrome HAR, frame times in seconds)', () => {
    const { state, recording } = analyze(
      har([
        { startedDateTime: iso(T0), _resourceType: 'document', request: { url: 'https://app.example/chat' }, response: { status: 200 } },
        chromeEntry(streamConnectUrl('alice'), T0 + 100, [['receive', T0 + 150, '{"type":"health.check","connection_id":"c1","me":{"id":"alice"}}']]),
        chromeEntry(streamConnectUrl('alice'), T0 + 120, [['receive', T0 + 170, '{"type":"health.check","connection_id":"c2","me":{"id":"alice"}}']]),
      ]),
    );
    expect(recording.url).toBe('https://app.example/chat');
    expect(recording.webSocketCount).toBe(2);
    expect(rulesOf(state)).toEqual(['duplicate-connection:alice']);
    const first = state.sockets['har-1'];
    expect(first?.messagesReceived).toBe(1);
    expect(first?.frames[0]?.at).toBe(T0 + 150);
    expect(first?.identity.connectionId).toBe('c1');
  });

  it('passes one socket, and reads Playwright frame times in milliseconds', () => {
    const entry = chromeEntry(streamConnectUrl('alice'), T0 + 100, []);
    entry._webSocketMessages = [{ type: 'receive', time: T0 + 150, opcode: 1, data: '{"type":"health.check","me":{"id":"alice"}}' }];
    const { state } = analyze(har([entry]));
    expect(state.findings).toEqual([]);
    expect(state.sockets['har-1']?.frames[0]?.at).toBe(T0 + 150);
  });

  it('reads identity from the first frames when the URL has none (a dev token is a warning)', () => {
    const devToken = testToken({ user_id: 'carol' }, 'devtoken');
    const { state } = analyze(har([chromeEntry(streamConnectUrl('carol', 'chat.example', { token: devToken }), T0, [])]));
    expect(rulesOf(state)).toEqual(['dev-token:carol']);
  });

  it('ends the sockets of a page when the next page of the recording starts', () => {
    const pages = [
      { id: 'page_1', startedDateTime: iso(T0), title: 'https://app.example/chat' },
      { id: 'page_2', startedDateTime: iso(T0 + 5_000), title: 'https://app.example/chat' },
    ];
    const { state } = analyze(har([chromeEntry(streamConnectUrl('alice'), T0 + 100, []), chromeEntry(streamConnectUrl('alice'), T0 + 5_100, [])], pages));
    expect(state.findings).toEqual([]);
    expect(state.sockets['har-1']?.state).toBe('closed');
    expect(state.sockets['har-2']?.state).toBe('open');
  });

  it('takes a failed handshake for a refused socket', () => {
    const refused = { ...chromeEntry(streamConnectUrl('alice'), T0, []), response: { status: 0, _failureText: 'net::ERR_CONNECTION_REFUSED' } };
    const { state } = analyze(har([refused, chromeEntry(streamConnectUrl('alice'), T0 + 10, [])]));
    expect(state.sockets['har-1']?.state).toBe('closed');
    expect(state.findings.filter((finding) => finding.rule === 'duplicate-connection')).toEqual([]);
  });

  it('previews a binary frame as hex', () => {
    const entry = chromeEntry('wss://rt.example/socket', T0, []);
    entry._webSocketMessages = [{ type: 'send', time: (T0 + 1) / 1000, opcode: 2, data: btoa('\x0f\xa0') }];
    const { state } = analyze(har([entry]));
    expect(state.sockets['har-1']?.frames[0]).toMatchObject({ binary: true, size: 2, preview: '0f a0', direction: 'out' });
  });

  it.each([
    ['not JSON', 'not json at all', /not JSON/],
    ['no log', '{"entries": []}', /not a HAR: it has no "log.entries" list/],
    ['a bad frame', har([{ ...chromeEntry('wss://x/', T0, []), _webSocketMessages: [{ type: 'sent', time: 1, opcode: 1, data: '' }] }]), /entry 0 \(a WebSocket\) message 0 has type "sent"/],
    ['no start time', har([{ ...chromeEntry('wss://x/', T0, []), startedDateTime: 'yesterday' }]), /entry 0 \(a WebSocket\) has no valid startedDateTime/],
  ])('refuses %s with a clear error', (_name, text, error) => {
    const parsed = parseHar(text, 100);
    expect(parsed.ok).toBe(false);
    expect(parsed.ok ? '' : parsed.error).toMatch(error);
  });
});
