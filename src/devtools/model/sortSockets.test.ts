import { describe, expect, it } from 'vitest';
import { streamConnectUrl, Timeline } from '../../core/testing/timeline';
import { DEFAULT_SORT, nextSortOrder, sortSockets } from './sortSockets';

const t = new Timeline()
  .connect('a', streamConnectUrl('carol'), 0)
  .connect('b', streamConnectUrl('alice'), 100)
  .close('b', 200)
  .connect('c', streamConnectUrl('bob'), 300);
const sockets = t.state.socketOrder.map((id) => t.state.sockets[id]!);
const ids = (order: Parameters<typeof sortSockets>[1]): string[] => sortSockets(sockets, order, 1000, new Map()).map((socket) => socket.id);

describe('sortSockets', () => {
  it('sorts by any column, either way, keeping creation order on ties', () => {
    expect(ids(DEFAULT_SORT)).toEqual(['a', 'b', 'c']);
    expect(ids({ column: 'user', descending: false })).toEqual(['b', 'c', 'a']);
    expect(ids({ column: 'duration', descending: true })).toEqual(['a', 'c', 'b']);
    expect(ids({ column: 'state', descending: false })).toEqual(['a', 'c', 'b']);
  });

  it('flips on a second click of the same column', () => {
    const byUser = nextSortOrder(DEFAULT_SORT, 'user');
    expect(byUser).toEqual({ column: 'user', descending: false });
    expect(nextSortOrder(byUser, 'user')).toEqual({ column: 'user', descending: true });
  });
});
