import { expect, test } from './support/extension';
import { openSockets } from './support/panel';
import { streamConnectUrl } from './support/streamUrls';

test('the popup shows this tab and all tabs, with findings, and leads to the settings and the panel', async ({ context, fixtures, extensionId, tabIdOf }) => {
  const first = await context.newPage();
  await first.goto(`${fixtures.origin}/blank.html`);
  await openSockets(first, [streamConnectUrl(fixtures.wsOrigin, 'alice'), streamConnectUrl(fixtures.wsOrigin, 'alice'), streamConnectUrl(fixtures.wsOrigin, 'bob')]);
  const second = await context.newPage();
  await second.goto(`${fixtures.origin}/blank.html?second`);
  await openSockets(second, [streamConnectUrl(fixtures.wsOrigin, 'alice')]);
  const firstTab = await tabIdOf(first);
  await tabIdOf(second);

  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/src/popup/popup.html?tabId=${firstTab}`);
  const thisTab = popup.getByRole('region', { name: 'This tab' });
  await expect(thisTab).toContainText('3 open sockets · 2 users');
  await expect(thisTab.getByRole('list', { name: 'Findings in this tab' })).toContainText('duplicate-connection');
  const allTabs = popup.getByRole('region', { name: 'All tabs' });
  await expect(allTabs).toContainText('4 open sockets in 2 tabs');
  // alice: 3 sockets across the two tabs, at the development limit of 3.
  await expect(allTabs.getByRole('list', { name: 'Users across tabs' })).toContainText('alice: 3 of 3 (development) in 2 tabs');
  await expect(allTabs.getByRole('list', { name: 'Users across tabs' })).toContainText('bob: 1 of 3 (development) in 1 tab');

  const settingsPage = context.waitForEvent('page');
  await popup.getByRole('button', { name: 'Open settings' }).click();
  await expect(await settingsPage).toHaveURL(new RegExp(`^chrome-extension://${extensionId}/src/options/options.html`));

  const panelPage = context.waitForEvent('page');
  await popup.getByRole('button', { name: 'Open panel in a tab' }).click();
  const panel = await panelPage;
  await expect(panel).toHaveURL(`chrome-extension://${extensionId}/src/devtools/panel.html?tabId=${firstTab}`);
  await expect(panel.getByRole('table', { name: 'Connections' }).locator('tbody tr[data-socket-id]')).toHaveCount(3);
});

test('the popup of a tab with nothing recorded says what to do', async ({ context, fixtures, extensionId }) => {
  const page = await context.newPage();
  await page.goto(`${fixtures.origin}/blank.html`);
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/src/popup/popup.html?tabId=987654`);
  await expect(popup.getByRole('region', { name: 'This tab' })).toContainText('Nothing recorded in this tab');
  await expect(popup.getByRole('region', { name: 'All tabs' })).toContainText('0 open sockets in 0 tabs');
});
