import type { AsyncInitiator } from '../core/appFrames/asyncInitiators';

/**
 * Between the DevTools page (devtools.ts, the one file that calls chrome.devtools) and the
 * panel: the browser's async initiator stacks of the inspected tab's sockets, and requests to
 * open a frame in the Sources panel. Both are pages of the extension, so a BroadcastChannel
 * carries it; every message names its tab (several DevTools windows may be open).
 */
export const DEVTOOLS_CHANNEL = 'onesocket-devtools';

export type DevtoolsMessage =
  | { type: 'initiators'; tabId: number; initiators: AsyncInitiator[] }
  | { type: 'want-initiators'; tabId: number }
  | { type: 'open-resource'; tabId: number; url: string; line: number; column: number };
