import { describe, expect, it } from 'vitest';
import type { HookEvent } from '../../core/wire/hookMessages';
import { applyTabEvents, createTabState } from '../../core/tabState';
import { DEFAULT_SETTINGS } from '../../core/settings/defaults';
import { compactFrames } from './compactFrames';

const message = (socketId: string, n: number, direction: 'in' | 'out' = 'in'): HookEvent => ({
  type: 'message',
  socketId,
  at: n,
  direction,
  size: 10 + n,
  binary: false,
  preview: `m${n}`,
});
const created = (socketId: string): HookEvent => ({ type: 'created', socketId, at: 0, url: 'wss://x.example/', protocols: [], frameUrl: '', stack: [] });

describe('compactFrames', () => {
  it('leaves a quiet window as it is', () => {
    const events = [created('a'), message('a', 1), message('a', 2)];
    expect(compactFrames(events, 5, () => false)).toBe(events);
  });

  it('keeps the newest frames per socket and folds the rest into counts', () => {
    const events = [created('a'), message('a', 1, 'out'), message('b', 2), message('a', 3), message('a', 4), message('a', 5, 'out')];
    const compacted = compactFrames(events, 2, () => false);
    expect(compacted).toEqual([
      created('a'),
      message('b', 2),
      message('a', 4),
      message('a', 5, 'out'),
      { type: 'traffic', socketId: 'a', at: 3, sent: 1, received: 1, bytesSent: 11, bytesReceived: 13 },
    ]);
  });

  it('always ships essential frames, and ships none other when the worker keeps no frames', () => {
    const first = message('a', 1);
    const compacted = compactFrames([first, message('a', 2), message('a', 3)], 0, (event) => event === first);
    expect(compacted).toEqual([first, { type: 'traffic', socketId: 'a', at: 3, sent: 0, received: 2, bytesSent: 0, bytesReceived: 25 }]);
  });

  it('loses no count: the worker records the same totals and newest frames either way', () => {
    const events: HookEvent[] = [created('a')];
    for (let n = 1; n <= 300; n++) events.push(message('a', n, n % 3 ? 'in' : 'out'));
    const settings = { ...DEFAULT_SETTINGS, framesPerSocket: 20 };
    const whole = applyTabEvents(createTabState(1), events.map((event) => ({ type: 'hook', event })), settings);
    const compact = applyTabEvents(createTabState(1), compactFrames(events, 20, () => false).map((event) => ({ type: 'hook', event })), settings);
    const pick = ({ messagesSent, messagesReceived, bytesSent, bytesReceived, frames }: NonNullable<(typeof whole.sockets)[string]>) => ({
      messagesSent,
      messagesReceived,
      bytesSent,
      bytesReceived,
      frames,
    });
    expect(pick(compact.sockets['a']!)).toEqual(pick(whole.sockets['a']!));
  });
});
