import browser from 'webextension-polyfill';
import type { TabState } from '../core/types';
import type { TabPersistence } from './tabStore';

const KEY_PREFIX = 'tab:';

/**
 * Tab records in chrome.storage.session: kept in memory by the browser (never written to disk,
 * so secrets in URLs stay off the disk), and alive across service-worker restarts.
 */
export const sessionPersistence: TabPersistence = {
  async loadAll() {
    const everything = await browser.storage.session.get(null);
    return Object.entries(everything)
      .filter(([key]) => key.startsWith(KEY_PREFIX))
      .map(([, value]) => value as TabState);
  },
  async save(state) {
    await browser.storage.session.set({ [`${KEY_PREFIX}${state.tabId}`]: state });
  },
  async remove(tabId) {
    await browser.storage.session.remove(`${KEY_PREFIX}${tabId}`);
  },
};
