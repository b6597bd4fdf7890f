import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_FRAMES_PER_SOCKET, HOOK_EVENT_NAME, WIRE_LIMITS } from '../../core/wire/constants';
import type { HookEvent, HookMessage } from '../../core/wire/hookMessages';
import { createFrameLog, type FrameLog } from './frameLog';

type Channel = ReturnType<typeof import('./hookChannel').createHookChannel>;

/** A page window as the hook sees it, recording each batch it dispatches and when. */
async function openChannel(): Promise<{ channel: Channel; batches: Array<{ at: number; events: HookEvent[] }> }> {
  // Imported after the fake clock is installed: the hook saves Date.now when it loads.
  const { createHookChannel } = await import('./hookChannel');
  const win = Object.assign(new EventTarget(), { CustomEvent, setTimeout: globalThis.setTimeout });
  const batches: Array<{ at: number; events: HookEvent[] }> = [];
  win.addEventListener(HOOK_EVENT_NAME, (event) => {
    const message = JSON.parse((event as CustomEvent<string>).detail) as HookMessage;
    batches.push({ at: Date.now(), events: message.events });
  });
  return { channel: createHookChannel(win as unknown as Parameters<typeof createHookChannel>[0]), batches };
}

/** One incoming 10-byte frame on the socket whose log is `log`. */
const frameOn = (channel: Channel, log: FrameLog): void => channel.frame(log, 'in', 10, false, 'x');
/** 10 incoming frames a millisecond on `log`'s socket for `ms` milliseconds of the fake clock; returns how many. */
async function burst(channel: Channel, log: FrameLog, ms: number): Promise<number> {
  let sent = 0;
  for (let elapsed = 0; elapsed < ms; elapsed++) {
    for (let i = 0; i < 10; i++, sent++) frameOn(channel, log);
    await vi.advanceTimersByTimeAsync(1);
  }
  return sent;
}
/** Frames the batches account for: each kept one, and the counts of those folded into traffic. */
const framesIn = (batches: Array<{ events: HookEvent[] }>): number =>
  batches.flatMap((batch) => batch.events).reduce((total, event) => total + (event.type === 'message' ? 1 : event.type === 'traffic' ? event.received : 0), 0);
const created = (socketId: string, at: number): HookEvent => ({
  type: 'created',
  socketId,
  at,
  url: 'wss://chat.example/',
  protocols: [],
  frameUrl: 'https://app.example/',
  stack: [],
  transport: 'websocket',
});

describe('hook channel', () => {
  beforeEach(() => {
    vi.resetModules();
    vi.useFakeTimers({ now: 1_000_000 });
  });
  afterEach(() => vi.useRealTimers());

  it('dispatches a quiet socket’s frames within 20 ms', async () => {
    const { channel, batches } = await openChannel();
    frameOn(channel, createFrameLog('a'));
    await vi.advanceTimersByTimeAsync(19);
    expect(batches).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(batches).toHaveLength(1);
  });

  it('paces a busy socket’s frames at one window a second, and keeps their count', async () => {
    const { channel, batches } = await openChannel();
    const log = createFrameLog('a');
    const start = Date.now();
    // Three seconds: far more than the worker keeps per window.
    const sent = await burst(channel, log, 3000);
    await vi.advanceTimersByTimeAsync(1000);
    // The first window is a normal one; it folds, so the next ones wait a second each.
    expect(batches.map((batch) => batch.at - start)).toEqual([20, 1020, 2020, 3020]);
    for (const batch of batches) {
      expect(batch.events.filter((event) => event.type === 'message').length).toBeLessThanOrEqual(DEFAULT_FRAMES_PER_SOCKET);
    }
    expect(framesIn(batches)).toBe(sent);
  });

  it('paces a socket at machine rate even when the worker keeps all its frames', async () => {
    const { channel, batches } = await openChannel();
    const log = createFrameLog('a');
    // 11 frames a window: fewer than the worker keeps (nothing folds), more than anyone reads.
    for (let window = 0; window < 4; window++) {
      for (let i = 0; i < 11; i++) frameOn(channel, log);
      await vi.advanceTimersByTimeAsync(20);
    }
    // The first window left at 20 ms. The next one is busy: its looks at 270 ms (frames came) and
    // 520 ms (none since) find the burst over, so it leaves then, not at the end of its second.
    expect(batches).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(520 - 80 - 1);
    expect(batches).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(batches).toHaveLength(2);
    expect(batches.flatMap((batch) => batch.events).filter((event) => event.type === 'message')).toHaveLength(44);
  });

  it('keeps 20 ms windows for a socket of up to 10 frames a window', async () => {
    const { channel, batches } = await openChannel();
    const log = createFrameLog('a');
    for (let window = 0; window < 4; window++) {
      for (let i = 0; i < 10; i++) frameOn(channel, log);
      await vi.advanceTimersByTimeAsync(20);
    }
    expect(batches).toHaveLength(4);
  });

  it('still shows a new socket within 20 ms while another is busy', async () => {
    const { channel, batches } = await openChannel();
    const log = createFrameLog('a');
    for (let i = 0; i < DEFAULT_FRAMES_PER_SOCKET * 2; i++) frameOn(channel, log);
    await vi.advanceTimersByTimeAsync(20);
    expect(batches).toHaveLength(1);
    frameOn(channel, log);
    await vi.advanceTimersByTimeAsync(50);
    expect(batches).toHaveLength(1);
    channel.record(created('b', Date.now()));
    await vi.advanceTimersByTimeAsync(20);
    expect(batches).toHaveLength(2);
    expect(batches[1]?.events.map((event) => event.type)).toEqual(['created', 'message']);
  });

  it('goes back to 20 ms windows once the traffic calms down', async () => {
    const { channel, batches } = await openChannel();
    const log = createFrameLog('a');
    for (let i = 0; i < DEFAULT_FRAMES_PER_SOCKET * 2; i++) frameOn(channel, log);
    await vi.advanceTimersByTimeAsync(20);
    frameOn(channel, log);
    await vi.advanceTimersByTimeAsync(1000);
    expect(batches).toHaveLength(2);
    frameOn(channel, log);
    await vi.advanceTimersByTimeAsync(20);
    expect(batches).toHaveLength(3);
  });

  it('ships a busy socket’s last frames within half a second of its going quiet', async () => {
    const { channel, batches } = await openChannel();
    const log = createFrameLog('a');
    const start = Date.now();
    // 1.3 s, then nothing.
    const sent = await burst(channel, log, 1300);
    await vi.advanceTimersByTimeAsync(2000);
    // 20 ms, a full busy second, then the window that opened at 1020 ms: its looks at 1270 and
    // 1520 ms saw frames (the last came at 1299 ms), the one at 1770 ms none.
    expect(batches.map((batch) => batch.at - start)).toEqual([20, 1020, 1770]);
    expect(framesIn(batches)).toBe(sent);
  });

  it('shows a frame after a lull within 20 ms, though the last window was busy', async () => {
    const { channel, batches } = await openChannel();
    const log = createFrameLog('a');
    for (let i = 0; i < DEFAULT_FRAMES_PER_SOCKET * 2; i++) frameOn(channel, log);
    await vi.advanceTimersByTimeAsync(20);
    expect(batches).toHaveLength(1);
    // Quiet for longer than a busy window: the user's next message is not held back a second.
    await vi.advanceTimersByTimeAsync(5000);
    frameOn(channel, log);
    await vi.advanceTimersByTimeAsync(20);
    expect(batches).toHaveLength(2);
  });

  it('puts a socket’s event after the frames it holds, so a close never overtakes them', async () => {
    const { channel, batches } = await openChannel();
    const log = createFrameLog('a');
    frameOn(channel, log);
    frameOn(channel, log);
    channel.recordFor(log, { type: 'closing', socketId: 'a', at: Date.now(), code: 1000, reason: '' });
    frameOn(channel, log);
    await vi.advanceTimersByTimeAsync(20);
    expect(batches.flatMap((batch) => batch.events).map((event) => event.type)).toEqual(['message', 'message', 'closing', 'message']);
  });

  it('splits what many busy sockets drain into batches the relay accepts, losing no frame', async () => {
    const { channel, batches } = await openChannel();
    const logs = Array.from({ length: 100 }, (_, i) => createFrameLog(`s${i}`));
    for (const log of logs) for (let i = 0; i < DEFAULT_FRAMES_PER_SOCKET; i++) frameOn(channel, log);
    await vi.advanceTimersByTimeAsync(20);
    expect(batches.length).toBeGreaterThan(1);
    for (const batch of batches) expect(batch.events.length).toBeLessThanOrEqual(WIRE_LIMITS.batchEvents);
    expect(batches.flatMap((batch) => batch.events).filter((event) => event.type === 'message')).toHaveLength(100 * DEFAULT_FRAMES_PER_SOCKET);
  });
});
