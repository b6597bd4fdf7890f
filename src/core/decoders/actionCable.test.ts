import { describe, expect, it } from 'vitest';
import { previewPayload } from '../../content/page/payload';
import fixture from './fixtures/actioncable.json';
import { decodedAll, detect, eventsOf, replay } from './fixtures/replay';
import { decodeFrame } from './index';

const [connection] = fixture.connections;
if (!connection) throw new Error('fixture has no connection');
const frames = replay(connection, previewPayload);

describe('Action Cable decoder, on @rails/actioncable', () => {
  it('is chosen from the actioncable subprotocol', () => {
    expect(detect(connection, frames)).toBe('actioncable');
  });

  it('names welcome, subscriptions, the action performed, broadcasts; pings are heartbeats', () => {
    expect(eventsOf('actioncable', frames)).toEqual(['in welcome', 'out subscribe', 'in confirm_subscription', 'out speak', 'in message', 'in ping (heartbeat)', 'in ping (heartbeat)']);
    const decoded = decodedAll('actioncable', frames);
    expect(decoded[1]).toMatchObject({ summary: 'subscribe ChatChannel', view: { identifier: { channel: 'ChatChannel', room: 'lobby' } } });
    expect(decoded[3]).toMatchObject({ view: { command: 'message', data: { action: 'speak', text: 'hello cable' } } });
    expect(decoded[4]?.summary).toBe('message ChatChannel {"text":"hello cable"}');
  });

  it('degrades on a cut frame and leaves unrelated JSON raw', () => {
    const cut = replay(connection, previewPayload, 20);
    expect(decodeFrame('actioncable', cut[4] as (typeof cut)[number])).toMatchObject({ event: 'message', partial: true });
    expect(decodeFrame('actioncable', { direction: 'in', binary: false, size: 12, preview: '{"foo":"bar"}' })).toBeNull();
  });
});
