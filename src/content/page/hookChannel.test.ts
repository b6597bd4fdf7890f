import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_FRAMES_PER_SOCKET, HOOK_EVENT_NAME } from '../../core/wire/constants';
import type { HookEvent, HookMessage } from '../../core/wire/hookMessages';

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

const frame = (socketId: string, at: number): HookEvent => ({ type: 'message', socketId, at, direction: 'in', size: 10, binary: false, preview: 'x' });
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
    channel.record(frame('a', Date.now()));
    await vi.advanceTimersByTimeAsync(19);
    expect(batches).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(batches).toHaveLength(1);
  });

  it('paces a busy socket’s frames at four windows a second, and keeps their count', async () => {
    const { channel, batches } = await openChannel();
    const start = Date.now();
    let sent = 0;
    // 10 frames a millisecond for a second: far more than the worker keeps per window.
    for (let ms = 0; ms < 1000; ms++) {
      for (let i = 0; i < 10; i++, sent++) channel.record(frame('a', Date.now()));
      await vi.advanceTimersByTimeAsync(1);
    }
    await vi.advanceTimersByTimeAsync(300);
    // The first window is a normal one; it folds, so the next ones wait 250 ms each.
    expect(batches[0]?.at).toBe(start + 20);
    expect(batches.length).toBeLessThanOrEqual(6);
    for (const batch of batches) {
      expect(batch.events.filter((event) => event.type === 'message').length).toBeLessThanOrEqual(DEFAULT_FRAMES_PER_SOCKET);
    }
    const counted = batches
      .flatMap((batch) => batch.events)
      .reduce((total, event) => total + (event.type === 'message' ? 1 : event.type === 'traffic' ? event.received : 0), 0);
    expect(counted).toBe(sent);
  });

  it('still shows a new socket within 20 ms while another is busy', async () => {
    const { channel, batches } = await openChannel();
    for (let i = 0; i < DEFAULT_FRAMES_PER_SOCKET * 2; i++) channel.record(frame('a', Date.now()));
    await vi.advanceTimersByTimeAsync(20);
    expect(batches).toHaveLength(1);
    channel.record(frame('a', Date.now()));
    await vi.advanceTimersByTimeAsync(50);
    expect(batches).toHaveLength(1);
    channel.record(created('b', Date.now()));
    await vi.advanceTimersByTimeAsync(20);
    expect(batches).toHaveLength(2);
    expect(batches[1]?.events.map((event) => event.type)).toEqual(['message', 'created']);
  });

  it('goes back to 20 ms windows once the traffic calms down', async () => {
    const { channel, batches } = await openChannel();
    for (let i = 0; i < DEFAULT_FRAMES_PER_SOCKET * 2; i++) channel.record(frame('a', Date.now()));
    await vi.advanceTimersByTimeAsync(20);
    channel.record(frame('a', Date.now()));
    await vi.advanceTimersByTimeAsync(250);
    expect(batches).toHaveLength(2);
    channel.record(frame('a', Date.now()));
    await vi.advanceTimersByTimeAsync(20);
    expect(batches).toHaveLength(3);
  });
});
