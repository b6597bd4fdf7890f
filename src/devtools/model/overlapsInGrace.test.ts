import { describe, expect, it } from 'vitest';
import { streamConnectUrl, Timeline } from '../../core/testing/timeline';
import { formatWindow, overlapsInGrace } from './overlapsInGrace';

describe('overlapsInGrace', () => {
  it('names a user with two live sockets until the duplicate-connection finding is raised', () => {
    const t = new Timeline().connect('a', streamConnectUrl('alice'), 0).connect('b', streamConnectUrl('alice'), 100).connect('c', streamConnectUrl('bob'), 100);
    t.check(500);
    expect(overlapsInGrace(t.state, t.settings)).toEqual([{ key: 'chat:alice', userId: 'alice', product: 'chat', socketIds: ['a', 'b'], dueAt: 1100 }]);
    t.check(1200);
    expect(overlapsInGrace(t.state, t.settings)).toEqual([]);
  });

  it('counts per product, as the rule does: one chat and one video socket of a user are no overlap', () => {
    const video = 'ws://127.0.0.1:8765/video/connect?api_key=k';
    const t = new Timeline().connect('c', streamConnectUrl('alice'), 0).connect('v', video, 10).send('v', 11, JSON.stringify({ token: 't', user_details: { id: 'alice' }, products: ['video'] }));
    expect(overlapsInGrace(t.state, t.settings)).toEqual([]);
  });

  it('says nothing when each user holds one socket', () => {
    const t = new Timeline().connect('a', streamConnectUrl('alice'), 0).connect('b', streamConnectUrl('alice'), 10).close('a', 20);
    expect(overlapsInGrace(t.state, t.settings)).toEqual([]);
  });

  it('formats the window as a person says it', () => {
    expect(formatWindow(1000)).toBe('1 s');
    expect(formatWindow(2500)).toBe('2.5 s');
    expect(formatWindow(300)).toBe('300 ms');
  });
});
