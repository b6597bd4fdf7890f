import { readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from './support/extension';
import { connectionRows } from './support/panel';
import { launchPlainChromium } from './support/plainBrowser';

test('Import report reads a HAR Chromium recorded of the demo mistake, and shows its duplicate', async ({ context, backend, openPanel }) => {
  // Recorded without the extension, by Chromium through Playwright's recordHar.
  const harFile = path.join(os.tmpdir(), `onesocket-import-${process.pid}-${Date.now()}.har`);
  const recorder = await launchPlainChromium();
  try {
    const recording = await recorder.newContext({ recordHar: { path: harFile, content: 'embed' } });
    const recorded = await recording.newPage();
    await recorded.goto(backend.baseURL);
    await recorded.evaluate(() => window.demo.run('two-clients'));
    await recorded.waitForTimeout(500);
    await recording.close();
  } finally {
    await recorder.close();
  }
  const har = await readFile(harFile);
  await rm(harFile, { force: true });

  const page = await context.newPage();
  await page.goto(backend.baseURL);
  const panel = await openPanel(page);
  await panel.locator('input[type="file"]').setInputFiles({ name: 'two-clients.har', mimeType: 'application/json', buffer: har });
  await expect(panel.getByRole('alert')).toHaveCount(0);
  await expect(panel.getByRole('status', { name: 'Imported report' })).toBeVisible();
  await expect(connectionRows(panel).locator('td.user')).toHaveText(['alice', 'alice']);
  await expect(panel.getByRole('region', { name: 'Findings' }).locator('li[data-rule="duplicate-connection"]')).toHaveCount(1);

  // A HAR that is no HAR gets a clear message.
  await panel.locator('input[type="file"]').setInputFiles({ name: 'empty.har', mimeType: 'application/json', buffer: Buffer.from('{"log": {"version": "1.2"}}') });
  await expect(panel.getByRole('alert')).toContainText('Could not import “empty.har”: This file is JSON, but not a HAR');
});
