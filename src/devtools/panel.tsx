import { render } from 'preact';
import browser from 'webextension-polyfill';
import { App } from './components/App';
import { watchBrowserInitiators } from './model/browserInitiators';
import { createPanelModel } from './model/panelModel';
import { connectPanel, resolveTabId } from '../common/panelConnection';
import { followDevtoolsTheme } from '../common/theme';

const root = document.getElementById('app') as HTMLElement;
const tabId = resolveTabId(location.search);
followDevtoolsTheme(document.documentElement);

if (tabId === null) {
  root.textContent = 'OneSocket needs a tab: open it from DevTools, or as panel.html?tabId=N.';
} else {
  watchBrowserInitiators(tabId);
  const model = createPanelModel(connectPanel(tabId));
  render(<App model={model} tabId={tabId} toolVersion={browser.runtime.getManifest().version} />, root);
}
