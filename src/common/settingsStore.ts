import browser from 'webextension-polyfill';
import type { Settings } from '../core/types';
import { mergeSettings } from '../core/settings/mergeSettings';
import { SETTINGS_KEY } from './storageLayout';

/**
 * Settings live in chrome.storage.local (they are preferences, not secrets, and should outlive
 * the browser session), stored as one object and always read merged over DEFAULT_SETTINGS.
 * The options page writes them; the worker caches them and hears every change.
 */
export { SETTINGS_KEY };

export async function loadSettings(): Promise<Settings> {
  const stored = await browser.storage.local.get(SETTINGS_KEY);
  return mergeSettings(stored[SETTINGS_KEY]);
}

/** Writes the given fields over the current settings; returns the result. */
export async function saveSettings(changes: Partial<Settings>): Promise<Settings> {
  const next = mergeSettings({ ...(await loadSettings()), ...changes });
  await browser.storage.local.set({ [SETTINGS_KEY]: next });
  return next;
}

export async function resetSettings(): Promise<Settings> {
  await browser.storage.local.remove(SETTINGS_KEY);
  return loadSettings();
}

/**
 * Calls `listener` with the merged settings after every change, from any context.
 * Listens to storage.local only: a listener on storage.onChanged would also be sent every write
 * of the tab records to storage.session, old and new value, several times a second on a busy
 * tab (bench: that doubled the worker's and the browser process's share of a 64 KB echo).
 */
export function onSettingsChanged(listener: (settings: Settings) => void): () => void {
  const handler = (changes: Record<string, browser.Storage.StorageChange>): void => {
    if (SETTINGS_KEY in changes) listener(mergeSettings(changes[SETTINGS_KEY]?.newValue));
  };
  browser.storage.local.onChanged.addListener(handler);
  return () => browser.storage.local.onChanged.removeListener(handler);
}

/** The worker's view: the current settings at once (defaults until storage answers), and changes. */
export interface SettingsSource {
  current(): Settings;
  ready: Promise<void>;
  subscribe(listener: (settings: Settings) => void): () => void;
}

export function createSettingsSource(): SettingsSource {
  let current = mergeSettings(undefined);
  const listeners = new Set<(settings: Settings) => void>();
  const update = (next: Settings): void => {
    current = next;
    for (const listener of listeners) listener(next);
  };
  onSettingsChanged(update);
  const ready = loadSettings().then(update, (error: unknown) => console.error('OneSocket: could not read settings', error));
  return {
    current: () => current,
    ready,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
