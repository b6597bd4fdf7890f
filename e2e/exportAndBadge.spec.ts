import { readFile } from 'node:fs/promises';
import { badgeOf } from './support/badge';
import { expect, test } from './support/extension';
import { openSockets } from './support/pageSockets';
import { assertValidReport } from './support/reportSchema';
import { streamConnectUrl } from './support/streamUrls';


test('the badge counts open sockets and turns red on a duplicate', async ({ context, fixtures, serviceWorker, tabIdOf }) => {
  const page = await context.newPage();
  await page.goto(`${fixtures.origin}/blank.html`);
  const tabId = await tabIdOf(page);
  // Alice's chat socket and one of another service (no user): two sockets, nothing wrong. (A
  // second user in the same tab would be a user-switch-leak.)
  await openSockets(page, [streamConnectUrl(fixtures.wsOrigin, 'alice'), `${fixtures.wsOrigin}/notifications`]);
  await expect.poll(() => badgeOf(serviceWorker, tabId)).toEqual({ text: '2', color: [95, 99, 104, 255] });

  await openSockets(page, [streamConnectUrl(fixtures.wsOrigin, 'alice')]);
  await expect.poll(() => badgeOf(serviceWorker, tabId), { timeout: 4_000 }).toEqual({ text: '3', color: [217, 48, 37, 255] });

  // Closing the extra socket resolves the finding: the badge goes back to grey.
  await page.evaluate(() => (window as unknown as { held: WebSocket[] }).held[2]?.close());
  await expect.poll(() => badgeOf(serviceWorker, tabId)).toEqual({ text: '2', color: [95, 99, 104, 255] });
});

test('Export report downloads a valid, redacted report that says what the panel says', async ({ context, fixtures, openPanel }) => {
  const page = await context.newPage();
  await page.goto(`${fixtures.origin}/blank.html`);
  await openSockets(page, [streamConnectUrl(fixtures.wsOrigin, 'alice'), streamConnectUrl(fixtures.wsOrigin, 'alice')]);
  const panel = await openPanel(page);
  const findings = panel.getByRole('region', { name: 'Findings' });
  await expect(findings.getByRole('listitem')).toContainText('duplicate-connection');

  const downloadPromise = panel.waitForEvent('download');
  await panel.getByRole('button', { name: 'Export report' }).click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toMatch(/^onesocket-report-tab\d+-.*\.json$/);
  const text = await readFile(await download.path(), 'utf8');
  const report = JSON.parse(text);
  assertValidReport(report);

  expect(report.page.url).toBe(page.url());
  expect(report.sockets).toHaveLength(2);
  expect(report.sockets.map((s: { userId: string; apiKey: string; state: string }) => [s.userId, s.apiKey, s.state])).toEqual([
    ['alice', 'e2e-key', 'open'],
    ['alice', 'e2e-key', 'open'],
  ]);
  expect(report.findings).toEqual([
    expect.objectContaining({ rule: 'duplicate-connection', severity: 'error', userId: 'alice', active: true, socketIds: report.sockets.map((s: { id: string }) => s.id) }),
  ]);
  // The token's signature never leaves: not in the report, not on screen.
  expect(text).not.toContain('SECRET-SIGNATURE');
  expect(text).toContain('[REDACTED]');
  // Nor its header or claims: the whole token is replaced (the claims are for the token view only).
  expect(text).not.toMatch(/eyJ[\w-]+\.[\w-]+/);
  await expect(panel.locator('body')).not.toContainText('SECRET-SIGNATURE');
});
