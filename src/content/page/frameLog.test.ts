import { describe, expect, it } from 'vitest';
import { applyTabEvents, createTabState } from '../../core/tabState';
import { DEFAULT_SETTINGS } from '../../core/settings/defaults';
import type { HookEvent } from '../../core/wire/hookMessages';
import { createFrameLog, drainFrameLog, logFrame, type FrameLog } from './frameLog';

/** Frame n: at n, 10 + n bytes, preview `m<n>`. */
const logN = (log: FrameLog, keep: number, n: number, direction: 'in' | 'out' = 'in'): void => logFrame(log, keep, n, direction, 10 + n, false, `m${n}`);
const message = (n: number, direction: 'in' | 'out' = 'in'): HookEvent => ({ type: 'message', socketId: 'a', at: n, direction, size: 10 + n, binary: false, preview: `m${n}` });
const drained = (log: FrameLog): { events: HookEvent[]; folded: boolean } => {
  const events: HookEvent[] = [];
  return { folded: drainFrameLog(log, events), events };
};

describe('frame log', () => {
  it('ships a quiet window’s frames as they came', () => {
    const log = createFrameLog('a');
    logN(log, 5, 1);
    logN(log, 5, 2, 'out');
    expect(drained(log)).toEqual({ events: [message(1), message(2, 'out')], folded: false });
    expect(drained(log)).toEqual({ events: [], folded: false });
  });

  it('keeps the newest frames and folds the older ones into counts that come first', () => {
    const log = createFrameLog('a');
    [1, 2, 3, 4, 5].forEach((n) => logN(log, 2, n, n % 2 ? 'in' : 'out'));
    expect(drained(log)).toEqual({
      events: [{ type: 'traffic', socketId: 'a', at: 4, sent: 1, received: 2, bytesSent: 12, bytesReceived: 24 }, message(4, 'out'), message(5)],
      folded: true,
    });
  });

  it('keeps order across a wrapped ring, window after window', () => {
    const log = createFrameLog('a');
    for (let n = 1; n <= 7; n++) logN(log, 3, n);
    expect(drained(log).events.slice(1)).toEqual([message(5), message(6), message(7)]);
    logN(log, 3, 8);
    expect(drained(log).events).toEqual([message(8)]);
  });

  it('counts every frame and ships none when the worker keeps none', () => {
    const log = createFrameLog('a');
    [1, 2, 3].forEach((n) => logN(log, 0, n));
    expect(drained(log).events).toEqual([{ type: 'traffic', socketId: 'a', at: 3, sent: 0, received: 3, bytesSent: 0, bytesReceived: 36 }]);
  });

  it('takes a new ring size from the next window', () => {
    const log = createFrameLog('a');
    [1, 2, 3].forEach((n) => logN(log, 3, n));
    logN(log, 1, 4); // the setting changed mid-window: this window still keeps 3
    expect(drained(log).events.filter((event) => event.type === 'message')).toHaveLength(3);
    [5, 6, 7].forEach((n) => logN(log, 1, n));
    expect(drained(log).events.filter((event) => event.type === 'message')).toEqual([message(7)]);
  });

  it('holds no preview once drained (a quiet socket keeps no payload alive)', () => {
    const log = createFrameLog('a');
    logN(log, 2, 1);
    drained(log);
    expect(log.slots.map((slot) => slot.preview)).toEqual(['']);
  });

  it('loses no count: the worker records the same totals and newest frames as from every frame', () => {
    const every: HookEvent[] = [];
    const windows: HookEvent[] = [];
    const log = createFrameLog('a');
    for (let n = 1; n <= 300; n++) {
      const direction = n % 3 ? 'in' : 'out';
      every.push(message(n, direction));
      logN(log, 20, n, direction);
      if (n % 70 === 0) drainFrameLog(log, windows);
    }
    drainFrameLog(log, windows);
    const created: HookEvent = { type: 'created', socketId: 'a', at: 0, url: 'wss://x.example/', protocols: [], frameUrl: '', stack: [] };
    const settings = { ...DEFAULT_SETTINGS, framesPerSocket: 20 };
    const recordOf = (events: HookEvent[]) => {
      const socket = applyTabEvents(createTabState(1), [created, ...events].map((event) => ({ type: 'hook', event })), settings).sockets['a']!;
      const { messagesSent, messagesReceived, bytesSent, bytesReceived, frames } = socket;
      return { messagesSent, messagesReceived, bytesSent, bytesReceived, frames };
    };
    expect(recordOf(windows)).toEqual(recordOf(every));
  });
});
