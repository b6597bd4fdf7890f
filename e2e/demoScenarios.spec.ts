import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { expect, test } from './support/extension';
import { assertValidReport } from './support/reportSchema';

/**
 * The demo's classic mistakes and correct patterns, through the REAL stream-chat SDK against
 * the fake backend, as a user sees them in the OneSocket panel.
 */

function connectionRows(panel: Page) {
  return panel.getByRole('table', { name: 'Connections' }).locator('tbody tr');
}

function activeFindings(panel: Page) {
  return panel.getByRole('region', { name: 'Findings' }).locator('li[data-active="true"]');
}

test('two new StreamChat instances for one user: two rows, a duplicate-connection error, badge 2 on red, same in the report', async ({
  context,
  backend,
  serviceWorker,
  tabIdOf,
  openPanel,
}) => {
  const page = await context.newPage();
  await page.goto(backend.baseURL);
  await page.evaluate(() => window.demo.run('two-clients'));
  expect(backend.connections().map((c) => c.userId)).toEqual(['alice', 'alice']);
  const overlapPassedGraceAt = Date.now() + 1000;

  const panel = await openPanel(page);
  await expect(connectionRows(panel)).toHaveCount(2);
  await expect(connectionRows(panel).locator('td.user')).toHaveText(['alice', 'alice']);
  const finding = activeFindings(panel);
  // Within 2 s of the overlap passing the grace window.
  await expect(finding).toHaveCount(1, { timeout: Math.max(500, overlapPassedGraceAt + 2000 - Date.now()) });
  await expect(finding).toContainText('duplicate-connection');
  await expect(finding).toContainText('alice');
  await expect(finding).toHaveAttribute('class', /severity-error/);

  const tabId = await tabIdOf(page);
  const badge = await serviceWorker.evaluate(async (id) => ({
    text: await chrome.action.getBadgeText({ tabId: id }),
    color: [...(await chrome.action.getBadgeBackgroundColor({ tabId: id }))],
  }), tabId);
  expect(badge).toEqual({ text: '2', color: [217, 48, 37, 255] });

  const downloadPromise = panel.waitForEvent('download');
  await panel.getByRole('button', { name: 'Export report' }).click();
  const report = JSON.parse(await readFile(await (await downloadPromise).path(), 'utf8'));
  assertValidReport(report);
  expect(report.sockets.map((s: { userId: string; apiKey: string }) => [s.userId, s.apiKey])).toEqual([
    ['alice', 'demo-key'],
    ['alice', 'demo-key'],
  ]);
  const errors = report.findings.filter((f: { severity: string; active: boolean }) => f.severity === 'error' && f.active);
  expect(errors).toEqual([expect.objectContaining({ rule: 'duplicate-connection', userId: 'alice', socketIds: report.sockets.map((s: { id: string }) => s.id) })]);
});

test('the correct pattern raises nothing, and disconnecting closes the row', async ({ context, backend, openPanel }) => {
  const page = await context.newPage();
  await page.goto(backend.baseURL);
  await page.evaluate(() => window.demo.run('correct'));
  const panel = await openPanel(page);
  await expect(connectionRows(panel)).toHaveCount(1);
  await expect(connectionRows(panel).first()).toHaveAttribute('data-state', 'open');
  // Longer than the grace window: still nothing to report.
  await panel.waitForTimeout(1500);
  await expect(panel.getByRole('region', { name: 'Findings' }).locator('li')).toHaveCount(0);

  await page.evaluate(() => window.demo.disconnectAll());
  await expect(connectionRows(panel).first()).toHaveAttribute('data-state', 'closed');
  await expect(connectionRows(panel).first()).toContainText('1000');
});

test('a clean user switch on one client raises nothing', async ({ context, backend, openPanel }) => {
  const page = await context.newPage();
  await page.goto(backend.baseURL);
  await page.evaluate(() => window.demo.run('correct-switch'));
  expect(backend.connections().map((c) => c.userId)).toEqual(['bob']);
  const panel = await openPanel(page);
  await expect(connectionRows(panel)).toHaveCount(2);
  await panel.waitForTimeout(1500);
  await expect(activeFindings(panel)).toHaveCount(0);
});

test('an effect that reconnects on every render leaves three sockets for one user', async ({ context, backend, openPanel }) => {
  const page = await context.newPage();
  await page.goto(backend.baseURL);
  await page.evaluate(() => window.demo.run('effect-no-cleanup'));
  const panel = await openPanel(page);
  await expect(connectionRows(panel)).toHaveCount(3);
  await expect(activeFindings(panel).filter({ hasText: 'duplicate-connection' })).toContainText('3 connections');
});
