import { describe, expect, it } from 'vitest';
import { streamConnectUrl, Timeline } from '../../core/testing/timeline';
import { FIT, overlapsOf, panBy, timelineLanes, timeWindow, zoomBy } from './timelineLayout';

describe('timeline layout', () => {
  it('finds where two or more lifetimes overlap; a touching hand-over is not an overlap', () => {
    expect(overlapsOf([{ start: 0, end: 10 }, { start: 5, end: 20 }, { start: 8, end: 9 }])).toEqual([{ start: 5, end: 10 }]);
    expect(overlapsOf([{ start: 0, end: 10 }, { start: 10, end: 20 }])).toEqual([]);
  });

  it('draws one lane per user, stacks bars alive together, and marks the overlap', () => {
    const t = new Timeline()
      .connect('a', streamConnectUrl('alice'), 0)
      .connect('b', streamConnectUrl('alice'), 1000)
      .close('a', 3000)
      .connect('c', streamConnectUrl('bob'), 500)
      .connect('d', 'wss://other.example/socket', 0);
    const sockets = t.state.socketOrder.map((id) => t.state.sockets[id]!);
    const lanes = timelineLanes(sockets, 5000);
    expect(lanes.map((lane) => [lane.label, lane.kind, lane.rows])).toEqual([
      ['alice · chat', 'user', 2],
      ['bob · chat', 'user', 1],
      ['unknown · other.example/socket', 'endpoint', 1],
    ]);
    expect(lanes[0]?.bars.map((bar) => [bar.socketId, bar.start, bar.end, bar.live, bar.row])).toEqual([
      ['a', 0, 3000, false, 0],
      ['b', 1000, 5000, true, 1],
    ]);
    expect(lanes[0]?.overlaps).toEqual([{ start: 1000, end: 3000 }]);
  });

  it("draws one lane per user and product: alice's chat and video sockets overlap without an error", () => {
    const t = new Timeline()
      .connect('c', streamConnectUrl('alice'), 0)
      .connect('v', 'ws://127.0.0.1:8765/video/connect?api_key=demo-key', 100)
      .send('v', 100, JSON.stringify({ token: 't', user_details: { id: 'alice' }, products: ['video'] }));
    const lanes = timelineLanes(t.state.socketOrder.map((id) => t.state.sockets[id]!), 5000);
    expect(lanes.map((lane) => [lane.label, lane.overlaps])).toEqual([
      ['alice · chat', []],
      ['alice · video', []],
    ]);
  });

  it('fits everything by default, zooms around now, and pans back to following now', () => {
    const socket = new Timeline().connect('a', streamConnectUrl('alice'), 10_000).state.sockets['a']!;
    const lanes = timelineLanes([socket], 20_000);
    const fit = timeWindow(lanes, 20_000, FIT);
    expect(fit.end).toBe(20_000);
    expect(fit.start).toBeLessThan(10_000);
    const zoomed = zoomBy(FIT, { start: 10_000, end: 20_000 }, 0.5);
    expect(zoomed).toEqual({ span: 5000, end: null });
    const earlier = panBy({ start: 15_000, end: 20_000 }, 20_000, -0.5);
    expect(earlier).toEqual({ span: 5000, end: 17_500 });
    expect(panBy({ start: 12_500, end: 17_500 }, 20_000, 0.5)).toEqual({ span: 5000, end: null });
  });
});
