import { readFile } from 'node:fs/promises';
import { rm } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { expect, extensionWorker, launchWithExtension, test } from './support/extension';
import { connectionRows, openSockets, socketDetail } from './support/panel';
import { assertValidReport } from './support/reportSchema';
import { streamConnectUrl } from './support/streamUrls';

/** What a person sees: rows (without live durations or page labels), findings, timeline lanes. */
async function picture(panel: Page) {
  const rows = await connectionRows(panel).evaluateAll((trs) =>
    trs.map((tr) => {
      const cell = (column: string): string => tr.querySelector(`td[data-column="${column}"]`)?.textContent ?? '(hidden)';
      return ['ordinal', 'state', 'user', 'endpoint', 'initiator', 'created'].map(cell).join(' | ');
    }),
  );
  const findings = await panel
    .getByRole('region', { name: 'Findings' })
    .locator('li')
    .evaluateAll((items) => items.map((li) => `${li.getAttribute('data-rule')} ${li.getAttribute('data-active')}`).sort());
  const lanes = await panel.getByRole('region', { name: 'Timeline' }).locator('[data-lane]').evaluateAll((lanes) => lanes.map((lane) => lane.getAttribute('data-lane')));
  return { rows, findings, lanes };
}

test('a QA session on the demo (reload, the classic mistakes, a user switch), exported and imported in a fresh browser, shows the same picture', async ({
  context,
  backend,
  openPanel,
}) => {
  const page = await context.newPage();
  await page.goto(backend.baseURL);
  const panel = await openPanel(page);
  await panel.getByRole('checkbox', { name: 'Preserve log' }).check();
  const findings = panel.getByRole('region', { name: 'Findings' });

  await page.evaluate(() => window.demo.run('two-clients'));
  await expect(findings.locator('li[data-rule="duplicate-connection"][data-active="true"]')).toHaveCount(1);
  await page.reload();
  await page.evaluate(() => window.demo.run('switch-leak'));
  await expect(findings.locator('li[data-rule="user-switch-leak"][data-active="true"]')).toHaveCount(1);
  await expect(connectionRows(panel)).toHaveCount(4);
  await expect(connectionRows(panel).locator('td.page')).toHaveText([/^1 · /, /^1 · /, /^2 · /, /^2 · /]);

  // Each socket's initiator, frames and place on the timeline are there to be found.
  await connectionRows(panel).nth(3).click();
  await expect(socketDetail(panel)).toContainText('bob');
  await socketDetail(panel).getByRole('tab', { name: 'Initiator' }).click();
  await expect(socketDetail(panel).getByRole('list', { name: 'Creation stack' }).locator('li')).not.toHaveCount(0);
  await socketDetail(panel).getByRole('tab', { name: /^Frames/ }).click();
  await expect(socketDetail(panel).getByRole('table', { name: 'Frames' })).toContainText('health.check');
  await expect(panel.getByRole('region', { name: 'Timeline' }).locator('[data-lane]')).toHaveCount(2);

  const downloadPromise = panel.waitForEvent('download');
  await panel.getByRole('button', { name: 'Export report' }).click();
  const download = await downloadPromise;
  const text = await readFile(await download.path(), 'utf8');
  assertValidReport(JSON.parse(text));
  // The table at its full width, as the imported one shows (no detail beside it).
  await panel.keyboard.press('Escape');
  await expect(socketDetail(panel)).toHaveCount(0);
  const live = await picture(panel);
  expect(live.lanes).toEqual(['alice · chat', 'bob · chat']);

  // A fresh browser, another profile: import the file and see the same picture.
  const fresh = await launchWithExtension();
  try {
    const extensionId = new URL((await extensionWorker(fresh.context)).url()).host;
    const otherPanel = await fresh.context.newPage();
    await otherPanel.goto(`chrome-extension://${extensionId}/src/devtools/panel.html?tabId=4242`);
    await expect(otherPanel.getByRole('heading', { name: 'No WebSocket yet in this tab' })).toBeVisible();
    const chooser = otherPanel.waitForEvent('filechooser');
    await otherPanel.getByRole('button', { name: 'Import report' }).click();
    await (await chooser).setFiles({ name: download.suggestedFilename(), mimeType: 'application/json', buffer: Buffer.from(text) });

    const banner = otherPanel.getByRole('status', { name: 'Imported report' });
    await expect(banner).toContainText(download.suggestedFilename());
    await expect(banner).toContainText('read-only');
    await expect(connectionRows(otherPanel)).toHaveCount(4);
    expect(await picture(otherPanel)).toEqual(live);
    await expect(otherPanel.getByRole('button', { name: 'Clear' })).toBeDisabled();

    await banner.getByRole('button', { name: 'Back to live tab' }).click();
    await expect(otherPanel.getByRole('heading', { name: 'No WebSocket yet in this tab' })).toBeVisible();
  } finally {
    await fresh.context.close();
    await rm(fresh.profile, { recursive: true, force: true });
  }
});

test('a bad file gets a clear message and nothing of the live session is lost', async ({ context, fixtures, openPanel }) => {
  const page = await context.newPage();
  await page.goto(`${fixtures.origin}/blank.html`);
  await openSockets(page, [streamConnectUrl(fixtures.wsOrigin, 'alice')]);
  const panel = await openPanel(page);
  await expect(connectionRows(panel)).toHaveCount(1);
  const fileInput = panel.locator('input[type="file"]');

  await fileInput.setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('hello') });
  await expect(panel.getByRole('alert')).toContainText('Could not import “notes.txt”: This file is not JSON');
  await expect(connectionRows(panel)).toHaveCount(1);

  const broken = { format: 'onesocket-report', version: 1, createdAt: new Date().toISOString(), tool: { name: 'OneSocket', version: '0' }, page: { tabId: 1, url: '' }, sockets: [{ id: 'x' }], findings: [] };
  await fileInput.setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(broken)) });
  await expect(panel.getByRole('alert')).toContainText('does not match the onesocket-report v1 schema');
  await expect(panel.getByRole('alert')).toContainText('sockets/0: Instance does not have required property "url".');
  await expect(connectionRows(panel)).toHaveCount(1);
  await expect(panel.getByRole('status', { name: 'Imported report' })).toHaveCount(0);

  // The live tab keeps recording while a report is open, and is all there on the way back.
  const valid = { ...broken, sockets: [] };
  await fileInput.setInputFiles({ name: 'empty.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(valid)) });
  await expect(panel.getByRole('alert')).toHaveCount(0);
  await expect(panel.getByRole('status', { name: 'Imported report' })).toBeVisible();
  await openSockets(page, [streamConnectUrl(fixtures.wsOrigin, 'bob')]);
  await panel.getByRole('button', { name: 'Back to live tab' }).click();
  await expect(connectionRows(panel).locator('td.user')).toHaveText(['alice', 'bob']);
});

test('Export Markdown downloads a summary for a bug tracker, without secrets', async ({ context, fixtures, openPanel }) => {
  const page = await context.newPage();
  await page.goto(`${fixtures.origin}/blank.html`);
  await openSockets(page, [streamConnectUrl(fixtures.wsOrigin, 'alice'), streamConnectUrl(fixtures.wsOrigin, 'alice')]);
  const panel = await openPanel(page);
  await expect(panel.getByRole('region', { name: 'Findings' }).locator('li[data-rule="duplicate-connection"]')).toHaveCount(1);
  const downloadPromise = panel.waitForEvent('download');
  await panel.getByRole('button', { name: 'More export formats' }).click();
  await panel.getByRole('menuitem', { name: 'Export Markdown' }).click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toMatch(/^onesocket-report-tab\d+-.*\.md$/);
  const markdown = await readFile(await download.path(), 'utf8');
  expect(markdown).toContain(`# OneSocket report: ${page.url()}`);
  expect(markdown).toMatch(/\| error \| `duplicate-connection` \| alice \| chat \| #1, #2 \|/);
  expect(markdown).not.toContain('SECRET-SIGNATURE');
});
