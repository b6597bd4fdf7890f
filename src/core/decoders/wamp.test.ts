import { describe, expect, it } from 'vitest';
import { previewPayload } from '../../content/page/payload';
import fixture from './fixtures/wamp.json';
import { decodedAll, detect, eventsOf, replay } from './fixtures/replay';
import { decodeFrame, protocolFromFrame } from './index';

const [connection] = fixture.connections;
if (!connection) throw new Error('fixture has no connection');
const frames = replay(connection, previewPayload);

describe('WAMP decoder, on wampy (wamp.2.json)', () => {
  it('is chosen from the subprotocol, and recognized by HELLO', () => {
    expect(detect(connection, frames)).toBe('wamp');
    expect(protocolFromFrame(frames[0] as (typeof frames)[number])).toBe('wamp');
  });

  it('names every message code', () => {
    expect(eventsOf('wamp', frames)).toEqual([
      'out HELLO', 'in WELCOME', 'out SUBSCRIBE', 'in SUBSCRIBED', 'out PUBLISH', 'in PUBLISHED', 'in EVENT', 'out REGISTER', 'in REGISTERED',
      'out CALL', 'in INVOCATION', 'out YIELD', 'in RESULT', 'out CALL', 'in ERROR', 'out GOODBYE', 'in GOODBYE',
    ]);
  });

  it('shows the realm, topics, procedures and arguments by field name', () => {
    const decoded = decodedAll('wamp', frames);
    expect(decoded[0]).toMatchObject({ summary: 'HELLO realm1', view: { message: 'HELLO', realm: 'realm1' } });
    expect(decoded[4]).toMatchObject({ summary: 'PUBLISH chat.room1 ["hello wamp"]', view: { topic: 'chat.room1', args: ['hello wamp'] } });
    expect(decoded[9]).toMatchObject({ summary: 'CALL math.add [2,3]', view: { procedure: 'math.add' } });
    expect(decoded[14]).toMatchObject({ summary: 'ERROR wamp.error.no_such_procedure', view: { requestType: 'CALL', error: 'wamp.error.no_such_procedure' } });
  });

  it('names a cut message by its code', () => {
    expect(decodeFrame('wamp', { direction: 'out', binary: false, size: 400, preview: '[1,"realm1",{"agent":"Wampy.js v8…' })).toMatchObject({ event: 'HELLO', summary: 'HELLO realm1 …', partial: true });
    expect(decodeFrame('wamp', { direction: 'in', binary: false, size: 7, preview: '[999,1]' })).toBeNull();
  });
});
