/**
 * Relay side of the one setting the page hook needs (the preview cap): the worker sends it
 * over the relay's port, the relay hands it to the hook as a DOM event. A page can forge that
 * event as well, so the hook bounds what it accepts (hookChannel.ts); here only well-formed
 * values from the worker are passed on.
 */
import { HOOK_CONFIG_EVENT_NAME, HOOK_SOURCE, MAX_FRAMES_KEPT, MAX_PREVIEW_CHARS, PROTOCOL_VERSION, type HookConfig, type RelayConfigMessage } from '../core/protocol';

export function isRelayConfigMessage(value: unknown): value is RelayConfigMessage {
  const message = value as Partial<RelayConfigMessage> | null;
  return (
    typeof message === 'object' &&
    message !== null &&
    message.kind === 'hook-config' &&
    message.version === PROTOCOL_VERSION &&
    Number.isInteger(message.previewChars) &&
    (message.previewChars as number) >= 0 &&
    (message.previewChars as number) <= MAX_PREVIEW_CHARS &&
    Number.isInteger(message.framesKept) &&
    (message.framesKept as number) >= 0 &&
    (message.framesKept as number) <= MAX_FRAMES_KEPT
  );
}

export function forwardHookConfig(target: EventTarget, value: unknown): void {
  if (!isRelayConfigMessage(value)) return;
  const config: HookConfig = { source: HOOK_SOURCE, previewChars: value.previewChars, framesKept: value.framesKept };
  target.dispatchEvent(new CustomEvent(HOOK_CONFIG_EVENT_NAME, { detail: JSON.stringify(config) }));
}
