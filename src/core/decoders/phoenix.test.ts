import { describe, expect, it } from 'vitest';
import { previewPayload } from '../../content/page/payload';
import fixture from './fixtures/phoenix.json';
import { decodedAll, detect, eventsOf, replay } from './fixtures/replay';
import { decodeFrame } from './index';

const [v2, v1] = fixture.connections;
if (!v2 || !v1) throw new Error('fixture needs both serializer versions');
const EXPECTED = [
  'out phx_join', 'in phx_reply', 'out new_msg', 'in phx_reply', 'in new_msg',
  'out heartbeat (heartbeat)', 'in phx_reply (heartbeat)', 'out heartbeat (heartbeat)', 'in phx_reply (heartbeat)',
  'out phx_leave', 'in phx_reply',
];

describe('Phoenix decoder, on the phoenix client', () => {
  it('reads the v2 array form: join ref, ref, topic, event, payload', () => {
    const frames = replay(v2, previewPayload);
    expect(detect(v2, frames)).toBe('phoenix');
    expect(eventsOf('phoenix', frames)).toEqual(EXPECTED);
    const decoded = decodedAll('phoenix', frames);
    expect(decoded[0]).toMatchObject({ summary: 'room:lobby phx_join ref 3 {"nickname":"alice"}', view: { joinRef: '3', ref: '3', topic: 'room:lobby', event: 'phx_join', payload: { nickname: 'alice' } } });
    expect(decoded[1]?.summary).toBe('room:lobby phx_reply ok ref 3');
  });

  it('reads the v1 object form the same way', () => {
    const frames = replay(v1, previewPayload);
    expect(detect(v1, frames)).toBe('phoenix');
    expect(eventsOf('phoenix', frames)).toEqual(EXPECTED);
    expect(decodedAll('phoenix', frames)[4]).toMatchObject({ view: { topic: 'room:lobby', event: 'new_msg', payload: { body: 'hello phoenix' }, ref: null } });
  });

  it('keeps topic and event of a cut v2 frame', () => {
    const cut = replay(v2, previewPayload, 40);
    expect(decodeFrame('phoenix', cut[4] as (typeof cut)[number])).toMatchObject({ event: 'new_msg', partial: true, summary: 'room:lobby new_msg …' });
  });
});
