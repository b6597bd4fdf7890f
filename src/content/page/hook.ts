/**
 * The only code that runs inside the page (MAIN world, document_start, every frame).
 *
 * It observes WebSockets (webSocketObserver.ts) and long-poll fallbacks (longPollObserver.ts)
 * and hands what it sees to the isolated relay (hookChannel.ts). Rules it must keep
 * (docs/architecture.md):
 * - the page gets the native socket, with its own prototype, constants and behaviour, and our
 *   wrappers print as the natives they wrap (nativeDisguise.ts);
 * - nothing of ours ever throws into page code: every observation is wrapped in try/catch;
 * - natives are saved before the page can patch them (natives.ts);
 * - no full copy of a large payload: sizes are counted, previews are capped (payload.ts).
 * It is built as a standalone IIFE with no imports at run time (docs/architecture.md: crxjs's default
 * loader runs after the page's first inline script).
 *
 * Workers: a MAIN-world content script runs in documents only. Sockets a Web Worker or Shared
 * Worker opens are not seen; the panel and README say so. Capturing them would mean rewriting
 * the page's worker scripts, which breaks module workers, CSP and relative imports.
 */
// The bundle is a classic script (an IIFE): without this directive it runs sloppy, where a
// function's `arguments` is a live mapped object and a primitive `this` is boxed. Modules are
// strict, and the code is written for it.
'use strict';

import { createApiCallRecorder } from './apiCalls';
import { createStackCapture } from './creationStack';
import { createHookChannel } from './hookChannel';
import { createLongPollTracker } from './longPollSessions';
import { observeLongPolls } from './longPollObserver';
import { installNativeDisguise } from './nativeDisguise';
import { createNativeThrow } from './nativeThrow';
import { defineProperty, now, random, slice, symbolFor } from './natives';
import { observeWebSockets } from './webSocketObserver';

const INSTALLED = symbolFor('onesocket.hook.installed');

type HookWindow = typeof globalThis & { [INSTALLED]?: true };

function installHook(win: HookWindow): void {
  if (win[INSTALLED] || typeof win.WebSocket !== 'function') return;
  defineProperty(win, INSTALLED, { value: true });

  const channel = createHookChannel(win);
  const disguise = installNativeDisguise(win.Function.prototype, createNativeThrow(win));
  const captureStack = createStackCapture(win.Error);
  // Socket ids are unique per document: a random prefix for the document, a counter within it.
  const socketIdPrefix = slice(random().toString(36), 2, 8);
  let counter = 0;
  const nextId = (): string => `${socketIdPrefix}-${++counter}`;

  observeWebSockets({ win, channel, disguise, captureStack, nextId });
  const tracker = createLongPollTracker({
    record: channel.record,
    flushNow: channel.flushNow,
    nextId,
    now,
    frameUrl: () => win.location.href,
    captureStack,
    previewChars: channel.previewChars,
  });
  try {
    observeLongPolls({ win, disguise, tracker, apiCalls: createApiCallRecorder(channel.record, now) });
  } catch {
    // Sockets are still observed without the long-poll view.
  }
}

try {
  installHook(globalThis as HookWindow);
} catch {
  // A page that froze or poisoned globals before us: leave it exactly as it is.
}
