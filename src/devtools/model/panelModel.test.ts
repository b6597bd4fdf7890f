import { effect, signal, type ReadonlySignal } from '@preact/signals';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS } from '../../core/settings/defaults';
import { applyTabChanges, tabChanges } from '../../core/tabChanges';
import { streamConnectUrl, Timeline } from '../../core/testing/timeline';
import type { TabState, TabView } from '../../core/types';
import type { PanelConnection } from '../../common/panelConnection';
import { createPanelModel } from './panelModel';

function connectionWith(view: TabView): PanelConnection {
  return { view: signal<TabView | null>(view), tally: signal(null), connected: signal(true), clear: () => undefined, setPreserveLog: () => undefined };
}

/** How many times each signal told its readers it moved (after the first read). */
function notifications(signals: Record<string, ReadonlySignal<unknown>>): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const [name, watched] of Object.entries(signals)) {
    counts[name] = -1;
    effect(() => {
      void watched.value;
      counts[name] = (counts[name] ?? 0) + 1;
    });
  }
  return counts;
}

describe('the panel model fed by changes', () => {
  beforeEach(() => vi.useFakeTimers({ now: 10_000 }));
  afterEach(() => vi.useRealTimers());

  it('moves only the signals whose part of the tab changed: a frame moves the rows, not the findings, pages or ordinals', () => {
    const t = new Timeline().connect('a', streamConnectUrl('alice'), 0).connect('b', streamConnectUrl('alice'), 0);
    t.check(5_000);
    const connection = connectionWith(structuredClone({ state: t.state, settings: DEFAULT_SETTINGS, now: 5_000 }));
    const model = createPanelModel(connection);
    const counts = notifications({ rows: model.rows, findings: model.findings, pages: model.pages, ordinals: model.ordinals, settings: model.settings, flagged: model.flagged });

    const apply = (before: TabState): void => {
      const changes = tabChanges(before, t.state);
      if (changes) connection.view.value = applyTabChanges(connection.view.peek() as TabView, structuredClone(changes), 6_000);
    };
    const before = t.state;
    t.receive('b', 6_000, '{"type":"health.check"}');
    apply(before);

    expect(model.rows.value.find((socket) => socket.id === 'b')?.messagesReceived).toBe(1);
    expect(counts).toEqual({ rows: 1, findings: 0, pages: 0, ordinals: 0, settings: 0, flagged: 0 });

    const beforeClose = t.state;
    t.close('b', 7_000);
    t.check(7_000);
    apply(beforeClose);
    expect(model.findings.value.map((finding) => finding.active)).toEqual([false]);
    expect(counts.findings).toBe(1);
    expect(counts.ordinals).toBe(0);
  });
});
