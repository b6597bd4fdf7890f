import { describe, expect, it } from 'vitest';
import { streamConnectUrl, Timeline } from '../../core/testing/timeline';
import { filterSockets, unknownKeywords } from './filterSockets';

const t = new Timeline()
  .connect('a', streamConnectUrl('alice'), 0)
  .connect('b', streamConnectUrl('bob'), 0)
  .connect('c', 'wss://other.example/live', 0)
  .receive('a', 5, JSON.stringify({ type: 'health.check', connection_id: 'conn-7f3a', me: { id: 'alice' } }))
  .receive('c', 6, '{"type":"message.new","text":"hello there"}')
  .close('b', 10, 4001);
const sockets = t.state.socketOrder.map((id) => t.state.sockets[id]!);
const ids = (query: string, withFinding = new Set<string>()): string[] => filterSockets(sockets, query, withFinding).map((socket) => socket.id);

describe('filterSockets', () => {
  it('matches keywords, users, free text and exclusions, all words together', () => {
    expect(ids('')).toEqual(['a', 'b', 'c']);
    expect(ids('is:open')).toEqual(['a', 'c']);
    expect(ids('is:closed')).toEqual(['b']);
    expect(ids('user:alice')).toEqual(['a']);
    expect(ids('user:unknown')).toEqual(['c']);
    expect(ids('other.example')).toEqual(['c']);
    expect(ids('-other.example is:open')).toEqual(['a']);
    expect(ids('has:finding', new Set(['b']))).toEqual(['b']);
  });

  it('searches what the row and detail show: close code, connection id, frame text', () => {
    expect(ids('4001')).toEqual(['b']);
    expect(ids('conn-7f3a')).toEqual(['a']);
    expect(ids('hello there'.split(' ')[0]!)).toEqual(['c']);
  });

  it('names the keywords it does not know, and never a host:port', () => {
    expect(unknownKeywords('is:foo state:open -has:bugs user:bob is:open')).toEqual(['is:foo', 'state:open', 'has:bugs']);
    expect(unknownKeywords('localhost:8765 wss://x.example')).toEqual([]);
  });
});
