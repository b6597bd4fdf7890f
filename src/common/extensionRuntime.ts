/**
 * The extension's runtime API, without webextension-polyfill: Firefox's `browser.runtime` and
 * Chrome's `chrome.runtime` open and use ports the same way (synchronously, returning a Port),
 * which is all a port needs. The relay runs in every frame of every watched page, and the
 * polyfill's set-up (its table of every API) cost each document more than the rest of the relay
 * (bench: per document).
 */
type Runtime = typeof chrome.runtime;

export function extensionRuntime(): Runtime | undefined {
  const scope = globalThis as { browser?: { runtime?: Runtime }; chrome?: { runtime?: Runtime } };
  return scope.browser?.runtime ?? scope.chrome?.runtime;
}

export type ExtensionPort = chrome.runtime.Port;
