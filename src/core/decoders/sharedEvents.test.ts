import { describe, expect, it } from 'vitest';
import { sharedEvents } from './sharedEvents';
import { streamConnectUrl, Timeline } from '../testing/timeline';

const event = (type: string, extra: Record<string, unknown> = {}): string => JSON.stringify({ type, cid: 'messaging:general', ...extra });

describe('events two sockets of one user both received', () => {
  it('names the doubled events, with counts per socket, and leaves out greetings, heartbeats and what one socket alone got', () => {
    const t = new Timeline().connect('a', streamConnectUrl('alice'), 0).connect('b', streamConnectUrl('alice'), 0);
    for (const id of ['a', 'b']) {
      t.receive(id, 1, JSON.stringify({ type: 'health.check', connection_id: id, me: { id: 'alice' } }));
      t.receive(id, 2, event('message.new', { message: { id: 'm1', text: 'hi' } }));
      t.receive(id, 3, event('message.new', { message: { id: 'm2', text: 'again' } }));
      t.receive(id, 4, JSON.stringify({ type: 'health.check', connection_id: id }));
    }
    t.receive('a', 5, event('typing.start'));
    t.receive('b', 5, event('message.read'));
    t.receive('b', 6, event('message.read'));
    t.receive('a', 6, event('message.read'));
    const sockets = ['a', 'b'].map((id) => t.state.sockets[id]).filter((socket) => socket !== undefined);
    expect(sharedEvents(sockets)).toEqual([
      { event: 'message.new', counts: [2, 2] },
      { event: 'message.read', counts: [1, 2] },
    ]);
  });

  it('finds nothing without frames (capture off, an imported report)', () => {
    const t = new Timeline().connect('a', streamConnectUrl('alice'), 0).connect('b', streamConnectUrl('alice'), 0);
    const sockets = ['a', 'b'].map((id) => t.state.sockets[id]).filter((socket) => socket !== undefined);
    expect(sharedEvents(sockets)).toEqual([]);
  });
});
