import { expect, test } from './support/extension';
import { connectionRows, socketDetail } from './support/panel';

const base64url = (value: object): string => Buffer.from(JSON.stringify(value)).toString('base64url');

/**
 * The worker sends the panel one snapshot, then only what changed. What a change carries is
 * whatever changed in a socket's record, whichever field it is: here the owner learnt from a
 * frame (Stream Video and Feeds name the user in the first client frame, not the URL), the bytes
 * each way, and the frames, all while the socket's detail is open.
 */
test('a socket already shown follows every change: owner from a frame, bytes, frames, in the row and the open detail', async ({ context, fixtures, openPanel }) => {
  const page = await context.newPage();
  await page.goto(`${fixtures.origin}/blank.html`);
  await page.evaluate((url) => {
    const socket = new WebSocket(url);
    (window as unknown as { held: WebSocket }).held = socket;
    return new Promise((resolve) => socket.addEventListener('open', resolve));
  }, `${fixtures.wsOrigin}/video/connect?api_key=e2e-key`);

  const panel = await openPanel(page);
  const row = connectionRows(panel).first();
  await expect(row.locator('td.user')).toHaveText('unknown');
  await expect(row).toContainText('0 B / 0 B');
  await row.click();
  const detail = socketDetail(panel);
  await expect(detail.getByRole('region', { name: 'Identity' })).toContainText('unknown');

  const token = `${base64url({ alg: 'HS256', typ: 'JWT' })}.${base64url({ user_id: 'vera' })}.SIGNATURE-NEVER-SHOWN`;
  const auth = JSON.stringify({ token, user_details: { id: 'vera', name: 'Vera' }, products: ['video'] });
  const bytes = new TextEncoder().encode(auth).length;
  await page.evaluate((text) => (window as unknown as { held: WebSocket }).held.send(text), auth);

  // The echo server sends the frame back: the same bytes each way.
  await expect(row.locator('td.user')).toHaveText('vera');
  await expect(row).toContainText(`${bytes} B / ${bytes} B`);
  const identity = detail.getByRole('region', { name: 'Identity' });
  await expect(identity).toContainText('vera');
  await expect(identity).toContainText('stream-frame');
  await expect(detail.getByRole('tab', { name: 'Frames (2)' })).toBeVisible();

  await page.evaluate(() => (window as unknown as { held: WebSocket }).held.send('x'.repeat(4096)));
  await expect(row).toContainText(`${((bytes + 4096) / 1024).toFixed(1)} KB / ${((bytes + 4096) / 1024).toFixed(1)} KB`);
  await detail.getByRole('tab', { name: 'Frames (4)' }).click();
  await expect(detail.getByRole('table', { name: 'Frames' }).locator('tbody tr')).toHaveCount(4);
  // Changes are redacted as the snapshot is: the token's signature never reaches the panel.
  await expect(panel.locator('body')).not.toContainText('SIGNATURE-NEVER-SHOWN');
});
