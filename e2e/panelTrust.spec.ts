import { badgeOf } from './support/badge';
import { expect, test } from './support/extension';
import { connectionRows } from './support/panel';
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
