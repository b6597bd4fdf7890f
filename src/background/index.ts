/**
 * The service worker: per-tab records, rules, badge. It can be killed at any moment (MV3), so
 * every listener is registered synchronously here and all state lives in the tab store, which
 * persists to chrome.storage.session and restores on wake.
 */
import browser from 'webextension-polyfill';
import { PORT_PANEL, PORT_RELAY } from '../core/wire/constants';
import { forgetBadge, updateBadge } from './badge';
import { keepContentScriptsRegistered } from './contentScriptRegistration';
import { handlePanelPort } from './panelPort';
import { handleRelayPort } from './relayPort';
import { createTabPersistence } from './sessionPersistence';
import { createSettingsSource } from '../common/settingsStore';
import { createTabStore } from './tabStore';

const settings = createSettingsSource();
const store = createTabStore({ persistence: createTabPersistence(browser.storage.session), settings: settings.current });
// The hook and relay go to the sites to watch only, registered once the settings are read.
void keepContentScriptsRegistered(settings);

// A new grace window or threshold changes the answer for sockets already recorded.
settings.subscribe(() => {
  for (const state of store.all()) void store.reevaluate(state.tabId);
});

store.subscribe((state) => void updateBadge(state));

browser.runtime.onConnect.addListener((port) => {
  if (port.name === PORT_RELAY) handleRelayPort(port, store, settings);
  else if (port.name === PORT_PANEL) handlePanelPort(port, store, settings);
});

browser.tabs.onRemoved.addListener((tabId) => {
  forgetBadge(tabId);
  void store.remove(tabId);
});

// Tabs closed while the worker was asleep leave records behind: drop them on wake.
void store.ready.then(async () => {
  const openTabs = new Set((await browser.tabs.query({})).map((tab) => tab.id));
  for (const state of store.all()) if (!openTabs.has(state.tabId)) await store.remove(state.tabId);
});
