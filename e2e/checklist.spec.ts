import type { BrowserContext, Page } from '@playwright/test';
import { expect, test } from './support/extension';
import { activeFinding } from './support/rulesPanel';

/**
 * Stream's integration checklist through the real stream-chat SDK against the fake backend:
 * each mistake card of the demo turns its section from passed to failed (or warned) with the
 * right rule, and its correct card turns it back; a page without Stream traffic shows the
 * checklist as not applicable, never as passed.
 */

function section(panel: Page, id: string) {
  return panel.getByRole('region', { name: 'Checklist' }).locator(`li[data-section="${id}"]`);
}

let tabs = 0;
async function demoTab(context: BrowserContext, baseURL: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${baseURL}/?tab=checklist-${++tabs}`);
  return page;
}

test('queryChannels: on every render warns query-channels-repeated; unfiltered warns; the correct queries pass', async ({ context, backend, openPanel }) => {
  const page = await demoTab(context, backend.baseURL);
  const panel = await openPanel(page);
  await expect(section(panel, 'queryChannels')).toHaveAttribute('data-status', 'not-applicable');
  await page.evaluate(() => window.demo.checklist('query-once'));
  await expect(section(panel, 'queryChannels')).toHaveAttribute('data-status', 'passed');
  await expect(section(panel, 'connection')).toHaveAttribute('data-status', 'passed');

  await page.evaluate(() => window.demo.checklist('query-unfiltered'));
  await expect(section(panel, 'queryChannels')).toHaveAttribute('data-status', 'warned');
  await expect(activeFinding(panel, 'query-channels-unfiltered')).toContainText('{"frozen":false}');
  await page.evaluate(() => window.demo.checklist('query-filtered'));
  await expect(activeFinding(panel, 'query-channels-unfiltered')).toHaveCount(0);
  await expect(section(panel, 'queryChannels')).toHaveAttribute('data-status', 'passed');

  await page.evaluate(() => window.demo.checklist('query-every-render'));
  await expect(activeFinding(panel, 'query-channels-repeated')).toContainText('same filter');
  await expect(section(panel, 'queryChannels')).toHaveAttribute('data-status', 'warned');
  // Five seconds after the last repeat the condition has ended: the section is passed again.
  await expect(section(panel, 'queryChannels')).toHaveAttribute('data-status', 'passed', { timeout: 10_000 });
});

test('permissions: a forbidden action fails the section with permission-denied; an allowed one passes it', async ({ context, backend, openPanel }) => {
  const page = await demoTab(context, backend.baseURL);
  await page.evaluate(() => window.demo.checklist('allowed-action'));
  const panel = await openPanel(page);
  await expect(section(panel, 'permissions')).toHaveAttribute('data-status', 'passed');
  await page.evaluate(() => window.demo.checklist('forbidden-action'));
  await expect(section(panel, 'permissions')).toHaveAttribute('data-status', 'failed');
  await expect(activeFinding(panel, 'permission-denied')).toContainText('Stream refused SendMessage for role "user" on channel type announcements');
  await expect(activeFinding(panel, 'permission-denied')).toHaveClass(/severity-error/);
  await page.evaluate(() => window.demo.checklist('allowed-action'));
  // Another endpoint was allowed; the forbidden one's latest answer is still a 403.
  await expect(section(panel, 'permissions')).toHaveAttribute('data-status', 'failed');
  // The fixed app (reloaded, no forbidden call any more) passes again.
  await page.reload();
  await page.evaluate(() => window.demo.checklist('allowed-action'));
  await expect(section(panel, 'permissions')).toHaveAttribute('data-status', 'passed');
});

test('rate limits: a burst answered 429 fails the section with rate-limited; a batched call passes it', async ({ context, backend, openPanel }) => {
  const page = await demoTab(context, backend.baseURL);
  const panel = await openPanel(page);
  await page.evaluate(() => window.demo.checklist('rate-limit-burst'));
  await expect(section(panel, 'rateLimits')).toHaveAttribute('data-status', 'failed');
  await expect(activeFinding(panel, 'rate-limited')).toContainText('GET /users was answered 429');
  await page.evaluate(() => window.demo.checklist('batched-call'));
  await expect(section(panel, 'rateLimits')).toHaveAttribute('data-status', 'passed');
  await expect(activeFinding(panel, 'rate-limited')).toHaveCount(0);
  // The record keeps the incident, resolved, and the report carries the checklist and the calls.
  await expect(panel.getByRole('region', { name: 'Findings' }).locator('li[data-rule="rate-limited"][data-active="false"]')).toHaveCount(1);
});

test('a page with no Stream traffic shows every section as not applicable', async ({ context, fixtures, openPanel }) => {
  const page = await context.newPage();
  await page.goto(`${fixtures.origin}/blank.html`);
  await page.evaluate(() => void fetch('/nothing?api_key=not-stream').catch(() => {}));
  const panel = await openPanel(page);
  for (const id of ['connection', 'permissions', 'queryChannels', 'rateLimits']) await expect(section(panel, id)).toHaveAttribute('data-status', 'not-applicable');
});
