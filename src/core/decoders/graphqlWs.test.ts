import { describe, expect, it } from 'vitest';
import { previewPayload } from '../../content/page/payload';
import graphqlWs from './fixtures/graphqlws.json';
import subscriptionsTransportWs from './fixtures/subscriptions-transport-ws.json';
import { decodedAll, detect, eventsOf, replay } from './fixtures/replay';
import { decodeFrame } from './index';

const [modern] = graphqlWs.connections;
const [legacy] = subscriptionsTransportWs.connections;
if (!modern || !legacy) throw new Error('fixtures have no connection');

describe('GraphQL over WebSocket decoder', () => {
  it('reads graphql-ws (graphql-transport-ws): message types, operation names, ping/pong as heartbeats', () => {
    const frames = replay(modern, previewPayload);
    expect(detect(modern, frames)).toBe('graphql-ws');
    expect(eventsOf('graphql-ws', frames)).toEqual([
      'out connection_init', 'in connection_ack', 'out subscribe', 'in next', 'in complete', 'out subscribe',
      'out ping (heartbeat)', 'in pong (heartbeat)', 'in next', 'out ping (heartbeat)', 'in pong (heartbeat)', 'in next', 'in complete',
    ]);
    const decoded = decodedAll('graphql-ws', frames);
    expect(decoded[2]?.summary).toMatch(/^subscribe #[0-9a-f-]+ query Hello$/);
    expect(decoded[5]?.summary).toMatch(/^subscribe #[0-9a-f-]+ subscription OnGreetings$/);
  });

  it('reads subscriptions-transport-ws (subprotocol graphql-ws): start, data, ka keep-alives', () => {
    const frames = replay(legacy, previewPayload);
    expect(detect(legacy, frames)).toBe('graphql-ws');
    expect(eventsOf('graphql-ws', frames)).toEqual([
      'out connection_init', 'out start', 'in connection_ack', 'in ka (heartbeat)', 'in data', 'in ka (heartbeat)', 'in data', 'in complete', 'in ka (heartbeat)', 'out connection_terminate', 'in ka (heartbeat)',
    ]);
    expect(decodedAll('graphql-ws', frames)[1]?.summary).toBe('start #1 subscription OnGreetings');
  });

  it('names a cut message by its type and leaves other JSON raw', () => {
    const cut = replay(modern, previewPayload, 60);
    expect(decodeFrame('graphql-ws', cut[8] as (typeof cut)[number])).toMatchObject({ event: 'next', partial: true });
    expect(decodeFrame('graphql-ws', { direction: 'in', binary: false, size: 17, preview: '{"type":"other"}' })).toBeNull();
  });
});
