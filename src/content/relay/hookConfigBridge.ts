/**
 * Relay side of the one setting the page hook needs (the preview cap and frames kept): the
 * worker sends it over the relay's port (already checked against the wire schema), the relay
 * hands it to the hook as a DOM event. A page can forge that event as well, so the hook bounds
 * what it accepts (page/hookChannel.ts).
 */
import { HOOK_CONFIG_EVENT_NAME, HOOK_SOURCE } from '../../core/wire/constants';
import type { HookConfig } from '../../core/wire/hookMessages';
import type { RelayConfigMessage } from '../../core/wire/workerToRelay';

export function forwardHookConfig(target: EventTarget, message: RelayConfigMessage): void {
  const config: HookConfig = { source: HOOK_SOURCE, previewChars: message.previewChars, framesKept: message.framesKept };
  target.dispatchEvent(new CustomEvent(HOOK_CONFIG_EVENT_NAME, { detail: JSON.stringify(config) }));
}
