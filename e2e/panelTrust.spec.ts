import { badgeOf } from './support/badge';
import { expect, test } from './support/extension';
import { connectionRows, socketDetail } from './support/panel';
import { openSockets } from './support/pageSockets';
import { streamConnectUrl } from './support/streamUrls';

// What the panel says must stay true whatever the user does: these are the moments it used to lie.

const RED = [217, 48, 37, 255];

test('Clear forgets the log but not the sockets still open: their counts, their findings and the badge stay', async ({ context, fixtures, openPanel, serviceWorker, tabIdOf }) => {
  const page = await context.newPage();
  await page.goto(`${fixtures.origin}/blank.html`);
  await openSockets(page, [streamConnectUrl(fixtures.wsOrigin, 'bob'), streamConnectUrl(fixtures.wsOrigin, 'alice'), streamConnectUrl(fixtures.wsOrigin, 'alice')]);
  const panel = await openPanel(page);
  const tabId = await tabIdOf(page);
  const findings = panel.getByRole('region', { name: 'Findings' });
  await expect(findings.locator('li[data-rule="duplicate-connection"][data-active="true"]')).toHaveCount(1);
  await page.evaluate(() => (window as unknown as { held: WebSocket[] }).held[0]?.close());
  await expect(connectionRows(panel).first()).toHaveAttribute('data-state', 'closed');

  await panel.getByRole('button', { name: 'Clear' }).click();
  // The closed socket is log; both alice sockets are still open and still a duplicate.
  await expect(connectionRows(panel)).toHaveCount(2);
  await expect(connectionRows(panel).locator('td.user')).toHaveText(['alice', 'alice']);
  await expect(findings.locator('li[data-rule="duplicate-connection"][data-active="true"]')).toHaveCount(1);
  await expect(findings).not.toContainText('every user holds at most one connection');
  await expect(panel.getByLabel('Summary')).toContainText('2 open');
  await expect.poll(() => badgeOf(serviceWorker, tabId)).toEqual({ text: '2', color: RED });

  // A third socket after the clear: three for alice, the finding says so.
  await openSockets(page, [streamConnectUrl(fixtures.wsOrigin, 'alice')]);
  await expect(connectionRows(panel)).toHaveCount(3);
  await expect(findings.locator('li[data-rule="duplicate-connection"][data-active="true"]')).toContainText('holds 3 connections');
  await expect.poll(() => badgeOf(serviceWorker, tabId)).toEqual({ text: '3', color: RED });
});

test('inside the grace window the panel says what is happening instead of an all-clear', async ({ context, fixtures, openPanel, serviceWorker }) => {
  // A long window, so the test sees the overlap while it is still inside it.
  await serviceWorker.evaluate(() => chrome.storage.local.set({ settings: { graceWindowMs: 30_000 } }));
  const page = await context.newPage();
  await page.goto(`${fixtures.origin}/blank.html`);
  const panel = await openPanel(page);
  await openSockets(page, [streamConnectUrl(fixtures.wsOrigin, 'alice'), streamConnectUrl(fixtures.wsOrigin, 'alice'), streamConnectUrl(fixtures.wsOrigin, 'bob')]);
  await expect(connectionRows(panel)).toHaveCount(3);
  const findings = panel.getByRole('region', { name: 'Findings' });
  await expect(findings).toContainText('alice: 2 open, within the 30 s grace window');
  await expect(findings).not.toContainText('every user holds at most one connection');
  await expect(findings).not.toContainText('bob:');

  // One of them closes inside the window: nothing to report, and now the all-clear is true.
  await page.evaluate(() => (window as unknown as { held: WebSocket[] }).held[1]?.close());
  await expect(findings).toContainText('every user holds at most one connection');
  await expect(findings).not.toContainText('grace window');
});

test('the filter finds resolved findings, close codes, connection ids and frame text, and says when a keyword is unknown', async ({ context, fixtures, openPanel }) => {
  const page = await context.newPage();
  await page.goto(`${fixtures.origin}/blank.html`);
  // The third socket has no owner: a socket of another user would be a user switch, a finding too.
  await openSockets(page, [streamConnectUrl(fixtures.wsOrigin, 'alice'), streamConnectUrl(fixtures.wsOrigin, 'alice'), `${fixtures.wsOrigin}/feed`]);
  const panel = await openPanel(page);
  const findings = panel.getByRole('region', { name: 'Findings' });
  await expect(findings.locator('li[data-rule="duplicate-connection"][data-active="true"]')).toHaveCount(1);
  // alice's second socket closes with a code of its own: the finding resolves.
  await page.evaluate(() => {
    const held = (window as unknown as { held: WebSocket[] }).held;
    held[1]?.close(4321, 'done here');
    held[2]?.send('{"type":"message.new","text":"zebra crossing"}');
  });
  await expect(findings.locator('li[data-rule="duplicate-connection"][data-active="false"]')).toHaveCount(1);
  const users = connectionRows(panel).locator('td.user');
  const filter = panel.getByRole('searchbox', { name: 'Filter' });

  await filter.fill('has:finding');
  await expect(users).toHaveText(['alice', 'alice']);
  await filter.fill('4321');
  await expect(users).toHaveText(['alice']);
  await filter.fill('zebra');
  await expect(users).toHaveText(['unknown']);

  // The hint under the box lists the keywords while the box has focus.
  await filter.fill('');
  await filter.focus();
  await expect(panel.locator('#filter-hint')).toContainText('has:finding');
  await expect(panel.locator('#filter-hint')).toContainText('user:<id>');

  await filter.fill('state:open');
  await expect(panel.locator('#filter-hint')).toContainText('Unknown keyword state:open');
  await expect(connectionRows(panel)).toHaveCount(0);
  await expect(panel.getByRole('status').filter({ hasText: 'No socket matches' })).toContainText('Unknown keyword: state:open');
});

test('evicted sockets keep their #n in findings, and the dropped count does not follow onto the next page', async ({ context, fixtures, openPanel, serviceWorker }) => {
  await serviceWorker.evaluate(() => chrome.storage.local.set({ settings: { maxSocketsPerTab: 3 } }));
  const page = await context.newPage();
  await page.goto(`${fixtures.origin}/blank.html`);
  await openSockets(page, [streamConnectUrl(fixtures.wsOrigin, 'alice'), streamConnectUrl(fixtures.wsOrigin, 'alice')]);
  const panel = await openPanel(page);
  const finding = panel.getByRole('region', { name: 'Findings' }).locator('li[data-rule="duplicate-connection"]');
  await expect(finding).toHaveAttribute('data-active', 'true');
  await page.evaluate(() => (window as unknown as { held: WebSocket[] }).held.forEach((socket) => socket.close()));
  await expect(finding).toHaveAttribute('data-active', 'false');
  // Three more sockets: the cap of 3 evicts the two closed ones the finding names.
  await openSockets(page, ['a', 'b', 'c'].map((path) => `${fixtures.wsOrigin}/${path}`));
  await expect(panel.getByLabel('Summary')).toContainText('2 oldest closed sockets dropped');
  await expect(connectionRows(panel).locator('td').first()).toHaveText('3');
  await expect(finding.locator('.socket-ref')).toHaveText(['#1', '#2']);
  // Socket ids are `<prefix>-<n>`: none may show.
  await expect(finding.locator('.finding-sockets')).toHaveText(/^[ ·a-z#\d]+$/);

  await page.reload();
  await expect(connectionRows(panel)).toHaveCount(0);
  await expect(panel.getByLabel('Summary')).not.toContainText('dropped');
});

test('Esc closes the detail wherever the focus is, and Down then moves on from the row that was selected', async ({ context, fixtures, openPanel }) => {
  const page = await context.newPage();
  await page.goto(`${fixtures.origin}/blank.html`);
  await openSockets(page, ['a', 'b', 'c', 'd'].map((path) => `${fixtures.wsOrigin}/${path}`));
  const panel = await openPanel(page);
  await expect(connectionRows(panel)).toHaveCount(4);
  await connectionRows(panel).nth(1).click();
  await expect(socketDetail(panel)).toHaveAccessibleName('Socket #2 details');

  // Focus inside the detail pane, on its Frames tab.
  await socketDetail(panel).getByRole('tab', { name: /^Frames/ }).click();
  await panel.keyboard.press('Escape');
  await expect(socketDetail(panel)).toHaveCount(0);
  await panel.keyboard.press('ArrowDown');
  await expect(socketDetail(panel)).toHaveAccessibleName('Socket #3 details');
  await expect(connectionRows(panel).nth(2)).toHaveAttribute('aria-selected', 'true');

  // From the table itself too.
  await panel.keyboard.press('Escape');
  await expect(socketDetail(panel)).toHaveCount(0);
  await panel.keyboard.press('ArrowUp');
  await expect(socketDetail(panel)).toHaveAccessibleName('Socket #2 details');
});
