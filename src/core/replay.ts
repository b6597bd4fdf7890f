import { evaluateFindings } from './findings';
import { connectionLimit } from './rules/index';
import { applyTabEvents, createTabState } from './tabState';
import type { TimedTabEvent } from './har';
import type { Settings, TabState } from './types';

/**
 * Replays a recording through the reducer and the rules as the worker would have lived it: each
 * event applied at its time, the rules evaluated after it and whenever they asked to look again
 * (a duplicate is raised once the grace window has passed), up to `endAt`. One tab, so
 * connection-limit counts this tab's sockets only.
 */
export function replayTabEvents(events: readonly TimedTabEvent[], settings: Settings, start: { tabId: number; url: string; at: number }, endAt: number): TabState {
  let state = createTabState(start.tabId, start.url, start.at);
  let nextCheckAt: number | null = null;
  let checkedAt = -Infinity;
  const evaluate = (now: number): void => {
    const limit = connectionLimit([state], now, settings);
    const result = evaluateFindings(state, now, settings, limit.candidatesByTab.get(state.tabId) ?? []);
    state = result.state;
    const next = [result.nextCheckAt, limit.nextCheckAt].filter((at): at is number => at !== null && at > now);
    nextCheckAt = next.length > 0 ? Math.min(...next) : null;
    checkedAt = now;
  };
  const checkUntil = (until: number): void => {
    while (nextCheckAt !== null && nextCheckAt < until && nextCheckAt > checkedAt) evaluate(nextCheckAt);
  };
  for (const timed of events) {
    checkUntil(timed.at);
    state = applyTabEvents(state, [timed.event], settings);
    evaluate(timed.at);
  }
  checkUntil(endAt);
  evaluate(Math.max(endAt, checkedAt));
  return state;
}
