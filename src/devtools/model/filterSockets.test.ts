import { describe, expect, it } from 'vitest';
import { streamConnectUrl, Timeline } from '../../core/testing/timeline';
import { filterSockets } from './filterSockets';

const t = new Timeline()
  .connect('a', streamConnectUrl('alice'), 0)
  .connect('b', streamConnectUrl('bob'), 0)
  .close('b', 10)
  .connect('c', 'wss://other.example/live', 0);
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
});
