import { render } from 'preact';
import browser from 'webextension-polyfill';
import { App } from './components/App';
import { connectPanel, resolveTabId } from './panelConnection';
import { applyDevtoolsTheme } from './theme';

const root = document.getElementById('app') as HTMLElement;
const tabId = resolveTabId(location.search);
applyDevtoolsTheme(document.documentElement);

if (tabId === null) {
  root.textContent = 'OneSocket needs a tab: open it from DevTools, or as panel.html?tabId=N.';
} else {
  render(<App connection={connectPanel(tabId)} tabId={tabId} toolVersion={browser.runtime.getManifest().version} />, root);
}
