import browser from 'webextension-polyfill';
import { hasActiveError, liveSocketCount } from '../core/tabState';
import type { TabState } from '../core/types';

export const BADGE_ERROR_COLOR = '#d93025';
export const BADGE_OK_COLOR = '#5f6368';

/** Toolbar badge of one tab: its live sockets, on red while it has an active error finding. */
export async function updateBadge(state: TabState): Promise<void> {
  const count = liveSocketCount(state);
  try {
    await browser.action.setBadgeText({ tabId: state.tabId, text: count > 0 ? String(count) : '' });
    await browser.action.setBadgeBackgroundColor({ tabId: state.tabId, color: hasActiveError(state) ? BADGE_ERROR_COLOR : BADGE_OK_COLOR });
  } catch {
    // The tab closed between the event and the badge update.
  }
}
