import { signal } from '@preact/signals';
import { withAsyncInitiators, type AsyncInitiator } from '../../core/appFrames/asyncInitiators';
import type { StackFrame } from '../../core/appFrames/stackFrames';
import { withCauses } from '../../core/causes/findingCauses';
import type { TabView } from '../../core/types';
import { DEVTOOLS_CHANNEL, type DevtoolsMessage } from '../devtoolsChannel';

/**
 * The DevTools network log's initiator stacks, kept on the panel's side: the worker never needs
 * them (the badge counts sockets, not call sites), and only DevTools has them. The panel's view
 * gets each socket's async stack and app frame, and the findings' causes re-read with them, so
 * the table, the detail and the exported report all show the app code.
 */
const initiators = signal<AsyncInitiator[]>([]);
/** Whether a DevTools page answered: the panel runs inside DevTools, where Sources can open. */
const inDevtools = signal(false);
let channel: BroadcastChannel | null = null;
let watchedTab: number | null = null;

export function watchBrowserInitiators(tabId: number): void {
  if (typeof BroadcastChannel === 'undefined' || channel) return;
  watchedTab = tabId;
  channel = new BroadcastChannel(DEVTOOLS_CHANNEL);
  channel.onmessage = (event: MessageEvent<DevtoolsMessage>) => {
    const message = event.data;
    if (message.type !== 'initiators' || message.tabId !== tabId) return;
    inDevtools.value = true;
    initiators.value = message.initiators;
  };
  post({ type: 'want-initiators', tabId });
}

function post(message: DevtoolsMessage): void {
  channel?.postMessage(message);
}

/** The live view with the browser's initiators applied (an imported report is left as it is). */
export function withBrowserInitiators(view: TabView | null): TabView | null {
  const found = initiators.value;
  if (!view || found.length === 0) return view;
  return { ...view, state: withCauses(withAsyncInitiators(view.state, found)) };
}

export function sourcesAvailable(): boolean {
  return inDevtools.value;
}

/** Asks the DevTools page to open the frame in the Sources panel at its line. */
export function openInSources(frame: StackFrame): void {
  if (watchedTab !== null) post({ type: 'open-resource', tabId: watchedTab, url: frame.url, line: frame.line, column: frame.column });
}
