import { describe, expect, it } from 'vitest';
import { applyTabEvents, createTabState, liveSocketCount } from './tabState';
import { DEFAULT_SETTINGS } from './settings/defaults';

describe('applyTabEvents with a long-poll session', () => {
  it('records it as a connection with transport longpoll, owned by the user in its connect URL', () => {
    const json = encodeURIComponent(JSON.stringify({ user_id: 'alice', user_details: { id: 'alice' } }));
    const url = `https://chat.example/longpoll?json=${json}&user_id=alice&api_key=demo-key`;
    const state = applyTabEvents(
      createTabState(1, 'https://app.example/', 0),
      [
        { type: 'hook', event: { type: 'created', socketId: 'lp', at: 1, url, protocols: [], frameUrl: 'https://app.example/', stack: ['poll (https://app.example/app.js:1:1)'], transport: 'longpoll' } },
        { type: 'hook', event: { type: 'open', socketId: 'lp', at: 2, protocol: '', extensions: '' } },
        { type: 'hook', event: { type: 'message', socketId: 'lp', at: 3, direction: 'in', size: 15, binary: false, preview: '{"events":[{}]}' } },
      ],
      DEFAULT_SETTINGS,
    );
    expect(state.sockets['lp']).toMatchObject({
      transport: 'longpoll',
      state: 'open',
      messagesReceived: 1,
      bytesReceived: 15,
      initiator: 'poll (https://app.example/app.js:1:1)',
      identity: { userId: 'alice', apiKey: 'demo-key' },
    });
    expect(liveSocketCount(state)).toBe(1);
  });

  it('treats a created event without a transport as a WebSocket', () => {
    const state = applyTabEvents(
      createTabState(1),
      [{ type: 'hook', event: { type: 'created', socketId: 's', at: 1, url: 'wss://x.example/', protocols: [], frameUrl: 'https://x.example/', stack: [] } }],
      DEFAULT_SETTINGS,
    );
    expect(state.sockets['s']?.transport).toBe('websocket');
  });
});
