import { render } from 'preact';
import browser from 'webextension-polyfill';
import { connectPanel } from '../common/panelConnection';
import { followDevtoolsTheme } from '../common/theme';
import { PopupApp } from './PopupApp';

/** The tab the popup is about: the active tab, or ?tabId=N when opened as a page (tests). */
async function popupTabId(): Promise<number | null> {
  const fromUrl = new URLSearchParams(location.search).get('tabId');
  if (fromUrl !== null && /^\d+$/.test(fromUrl)) return Number(fromUrl);
  const [active] = await browser.tabs.query({ active: true, currentWindow: true });
  return active?.id ?? null;
}

const root = document.getElementById('app') as HTMLElement;
followDevtoolsTheme(document.documentElement);
const connection = connectPanel(null);
const tabId = await popupTabId();

const openSettings = (): void => void browser.runtime.openOptionsPage();
// The panel's standalone mode, for people who want it in its own tab or window.
const openPanel = (id: number): void => void browser.tabs.create({ url: browser.runtime.getURL(`src/devtools/panel.html?tabId=${id}`) });

function Popup() {
  return <PopupApp tally={connection.tally.value} tabId={tabId} onOpenSettings={openSettings} onOpenPanel={openPanel} />;
}

render(<Popup />, root);
