/**
 * The content scripts (the relay and the MAIN-world hook) are registered here, at run time,
 * for the sites to watch only: a site the settings do not watch gets nothing injected at all
 * (docs/architecture.md, "Only the sites to watch get the hook"). The manifest declares them
 * for the build alone; the emitted manifest has none (vite.config.ts).
 *
 * The registration persists across browser sessions, so a page loads with its scripts before
 * the worker runs. It is brought in step with the settings each time the worker starts (an
 * update or reload of the extension clears it) and each time the list changes, and only after
 * the settings were read: never from the defaults of a worker that just woke.
 */
import browser, { type Scripting } from 'webextension-polyfill';
import { contentScriptMatches } from '../core/settings/watchedSites';
import type { SettingsSource } from '../common/settingsStore';
import { CONTENT_SCRIPT_FILES } from './contentScriptFiles';
const RELAY_ID = 'onesocket-relay';
const HOOK_ID = 'onesocket-hook';

/** Relay first: its listener must exist before the hook's first event. */
function scriptsFor(matches: string[], originFallback: boolean): Scripting.RegisteredContentScript[] {
  const common = { matches, runAt: 'document_start', allFrames: true, persistAcrossSessions: true } as const;
  // about:blank, srcdoc, data: and blob: frames get the scripts of the page that made them.
  const fallback = originFallback ? { matchOriginAsFallback: true } : {};
  return [
    { ...common, ...fallback, id: RELAY_ID, js: [CONTENT_SCRIPT_FILES.relay] },
    { ...common, ...fallback, id: HOOK_ID, js: [CONTENT_SCRIPT_FILES.hook], world: 'MAIN' },
  ];
}

function sameRegistration(current: Scripting.RegisteredContentScript[], matches: string[]): boolean {
  const key = (scripts: Array<Pick<Scripting.RegisteredContentScript, 'id' | 'js' | 'matches' | 'world'>>): string =>
    JSON.stringify(scripts.map((script) => [script.id, script.js, [...(script.matches ?? [])].sort(), script.world ?? 'ISOLATED']).sort());
  return key(current) === key(scriptsFor(matches, false));
}

async function register(matches: string[]): Promise<void> {
  const scripting = browser.scripting;
  if (typeof scripting?.registerContentScripts !== 'function') {
    console.error('OneSocket: this browser cannot register content scripts (scripting API missing); nothing is watched.');
    return;
  }
  const current = await scripting.getRegisteredContentScripts({ ids: [RELAY_ID, HOOK_ID] });
  if (sameRegistration(current, matches)) return;
  if (current.length > 0) await scripting.unregisterContentScripts({ ids: current.map((script) => script.id) });
  if (matches.length === 0) return;
  try {
    await scripting.registerContentScripts(scriptsFor(matches, true));
  } catch (error) {
    // A browser that does not know matchOriginAsFallback refuses the whole call: register
    // without it (about:blank frames are then matched as the browser does by default).
    console.warn('OneSocket: registering without matchOriginAsFallback', error);
    await scripting.registerContentScripts(scriptsFor(matches, false));
  }
}

/**
 * Keeps the registration in step with the sites to watch, from the moment the settings are
 * read. Resolves when the first registration is done; launchers and tests wait for it by
 * asking the browser (`contentScriptsRegistered` in scripts/chromium.mjs).
 */
export function keepContentScriptsRegistered(settings: SettingsSource): Promise<void> {
  let registered = '';
  let queue = Promise.resolve();
  const apply = (watchedSites: readonly string[]): Promise<void> => {
    const matches = contentScriptMatches(watchedSites);
    const wanted = JSON.stringify(matches);
    queue = queue
      .then(async () => {
        if (wanted === registered) return;
        await register(matches);
        registered = wanted;
      })
      .catch((error: unknown) => console.error('OneSocket: could not register the content scripts', error));
    return queue;
  };
  settings.subscribe((current) => void apply(current.watchedSites));
  return settings.ready.then(() => apply(settings.current().watchedSites));
}
