// The DevTools page: it adds the OneSocket panel (which learns its tab from
// chrome.devtools.inspectedWindow, so it also runs as a plain page with ?tabId=N), and it is the
// one place that reads DevTools' own network log and opens Sources (see docs/app-code.md).
import { collectInitiators } from './networkInitiators';
import { DEVTOOLS_CHANNEL, type DevtoolsMessage } from './devtoolsChannel';

// The path starts at the extension's root: Chrome resolves a relative one from the root,
// Firefox from this page's folder (src/devtools/), which would name src/devtools/src/devtools/.
chrome.devtools.panels.create('OneSocket', '', '/src/devtools/panel.html');

const tabId = chrome.devtools.inspectedWindow.tabId;
const channel = new BroadcastChannel(DEVTOOLS_CHANNEL);
/** The network log is read again this often while DevTools is open; the panel hears of changes only. */
const POLL_MS = 2000;
let lastSent = '';

async function publish(force: boolean): Promise<void> {
  const initiators = await collectInitiators(chrome.devtools.network, chrome.devtools.inspectedWindow);
  const text = JSON.stringify(initiators);
  if (!force && text === lastSent) return;
  lastSent = text;
  channel.postMessage({ type: 'initiators', tabId, initiators } satisfies DevtoolsMessage);
}

channel.onmessage = (event: MessageEvent<DevtoolsMessage>) => {
  const message = event.data;
  if (message.tabId !== tabId) return;
  if (message.type === 'want-initiators') void publish(true);
  if (message.type === 'open-resource') chrome.devtools.panels.openResource(message.url, message.line - 1, message.column - 1, () => undefined);
};
setInterval(() => void publish(false), POLL_MS);
