import browser from 'webextension-polyfill';
import { currentPage, hasActiveError, liveSocketCount } from '../core/tabState';
import type { TabState } from '../core/types';

export const BADGE_ERROR_COLOR = '#d93025';
export const BADGE_OK_COLOR = '#5f6368';

/** What each tab's badge shows now, so a busy tab does not repaint an unchanged badge. */
const shown = new Map<number, string>();

/**
 * Toolbar badge of one tab: its live sockets, on red while it has an active error finding.
 * Each badge call is a round trip to the browser process; on a busy socket the tab changes
 * every flush while its badge does not (profiled: the worker's top cost in the 64 KB run).
 * Keyed by page too, since the browser may reset a tab's badge when it navigates.
 */
export async function updateBadge(state: TabState): Promise<void> {
  const count = liveSocketCount(state);
  const text = count > 0 ? String(count) : '';
  const color = hasActiveError(state) ? BADGE_ERROR_COLOR : BADGE_OK_COLOR;
  const key = `${currentPage(state).id}|${text}|${color}`;
  if (shown.get(state.tabId) === key) return;
  shown.set(state.tabId, key);
  try {
    await browser.action.setBadgeText({ tabId: state.tabId, text });
    await browser.action.setBadgeBackgroundColor({ tabId: state.tabId, color });
  } catch {
    // The tab closed between the event and the badge update.
    shown.delete(state.tabId);
  }
}

/** A closed tab's badge is gone with it. */
export function forgetBadge(tabId: number): void {
  shown.delete(tabId);
}
