import { describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION } from '../../core/wire/constants';
import type { RelayMessage, RelayPayload } from '../../core/wire/relayMessages';
import { createReliableSender } from './reliableSender';

const events = (n: number): RelayPayload => ({ kind: 'hook-events', version: PROTOCOL_VERSION, dropped: n });

describe('createReliableSender', () => {
  it('numbers messages, holds them until acknowledged, and resends the rest in order', () => {
    const posted: RelayMessage[] = [];
    const sender = createReliableSender({ documentId: 'r1', post: (m) => (posted.push(m), true), maxHeldSize: 10, onGiveUp: () => {} });
    sender.send(events(1));
    sender.send(events(2));
    sender.send(events(3));
    expect(posted.map((m) => [m.documentId, m.seq])).toEqual([['r1', 1], ['r1', 2], ['r1', 3]]);
    sender.acknowledge(1);
    expect(sender.heldCount()).toBe(2);
    posted.length = 0;
    sender.resendHeld();
    expect(posted.map((m) => m.seq)).toEqual([2, 3]);
  });

  it('gives up the oldest messages beyond the size cap and says which', () => {
    const givenUp: number[] = [];
    const sender = createReliableSender({ documentId: 'r1', post: () => false, maxHeldSize: 100, onGiveUp: (m) => givenUp.push(m.seq) });
    for (let i = 0; i < 5; i++) sender.send(events(i), 40);
    expect(givenUp).toEqual([1, 2, 3]);
    expect(sender.heldCount()).toBe(2);
    // One message larger than the cap is still held: it is the newest, the one to deliver.
    sender.send(events(9), 500);
    expect(givenUp).toEqual([1, 2, 3, 4, 5]);
    expect(sender.heldCount()).toBe(1);
    sender.acknowledge(6);
    expect(sender.heldCount()).toBe(0);
  });
});
