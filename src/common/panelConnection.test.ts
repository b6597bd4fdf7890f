import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PanelUpdate } from '../core/panelUpdate';
import { DEFAULT_SETTINGS } from '../core/settings/defaults';
import { tabChanges } from '../core/tabChanges';
import { streamConnectUrl, Timeline } from '../core/testing/timeline';
import type { TabState } from '../core/types';
import { PROTOCOL_VERSION } from '../core/wire/constants';

/** The worker's end of each port the panel opened, newest last. */
interface FakePort {
  deliver(update: PanelUpdate): void;
  drop(): void;
  requests: unknown[];
}
const ports: FakePort[] = [];

// The runtime the panel's port is opened through (both browsers connect ports the same way).
vi.mock('./extensionRuntime', () => ({
  extensionRuntime: () => ({
    id: 'onesocket-test',
    connect: () => {
      const onMessage: Array<(message: unknown) => void> = [];
      const onDisconnect: Array<() => void> = [];
      const requests: unknown[] = [];
      ports.push({
        requests,
        deliver: (update) => onMessage.forEach((listener) => listener(structuredClone(update))),
        drop: () => onDisconnect.forEach((listener) => listener()),
      });
      return {
        postMessage: (message: unknown) => requests.push(message),
        disconnect: () => undefined,
        onMessage: { addListener: (listener: (message: unknown) => void) => onMessage.push(listener) },
        onDisconnect: { addListener: (listener: () => void) => onDisconnect.push(listener) },
      };
    },
  }),
}));

const { connectPanel } = await import('./panelConnection');

const TAB = 1;
const snapshot = (state: TabState): PanelUpdate => ({ kind: 'snapshot', version: PROTOCOL_VERSION, tab: { state, settings: DEFAULT_SETTINGS, now: 0 } });
const changes = (before: TabState, after: TabState): PanelUpdate => {
  const found = tabChanges(before, after);
  if (!found) throw new Error('nothing changed');
  return { kind: 'changes', version: PROTOCOL_VERSION, tabId: TAB, changes: found, now: 1 };
};
const latestPort = (): FakePort => {
  const port = ports.at(-1);
  if (!port) throw new Error('the panel opened no port');
  return port;
};

describe('connectPanel', () => {
  beforeEach(() => {
    ports.length = 0;
    vi.useFakeTimers();
  });
  afterEach(() => vi.useRealTimers());

  it('subscribes, takes the snapshot, then applies each change on top of it', () => {
    const connection = connectPanel(TAB);
    expect(latestPort().requests).toContainEqual({ kind: 'subscribe', version: PROTOCOL_VERSION, tabId: TAB });
    const t = new Timeline(DEFAULT_SETTINGS, TAB).connect('a', streamConnectUrl('alice'), 0);
    latestPort().deliver(snapshot(t.state));
    const before = t.state;
    t.connect('b', streamConnectUrl('bob'), 1).receive('a', 2, '{"type":"health.check"}');
    latestPort().deliver(changes(before, t.state));
    expect(connection.view.value?.state).toEqual(t.state);
  });

  it('after the worker restarts, ignores anything until the new port’s snapshot, which replaces the view', async () => {
    const connection = connectPanel(TAB);
    const t = new Timeline(DEFAULT_SETTINGS, TAB).connect('a', streamConnectUrl('alice'), 0);
    latestPort().deliver(snapshot(t.state));
    const first = latestPort();
    first.drop();
    await vi.advanceTimersByTimeAsync(200);
    const second = latestPort();
    expect(second).not.toBe(first);
    expect(second.requests).toContainEqual({ kind: 'subscribe', version: PROTOCOL_VERSION, tabId: TAB });

    // Changes made against a state this panel never had must not be applied to its old view.
    const unknownBase = new Timeline(DEFAULT_SETTINGS, TAB).connect('x', streamConnectUrl('xavier'), 0);
    const before = unknownBase.state;
    unknownBase.connect('y', streamConnectUrl('yann'), 1);
    second.deliver(changes(before, unknownBase.state));
    expect(connection.view.value?.state.socketOrder).toEqual(['a']);

    t.connect('b', streamConnectUrl('bob'), 3);
    second.deliver(snapshot(t.state));
    expect(connection.view.value?.state).toEqual(t.state);
  });
});
