import { expect, test } from './support/extension';

test('records a socket opened by the first inline script in <head>', async ({ context, fixtures, openPanel }) => {
  const page = await context.newPage();
  await page.goto(`${fixtures.origin}/inline-socket.html`);
  await expect.poll(() => fixtures.liveSockets()).toEqual(['/early?user_id=early-bird']);

  const panel = await openPanel(page);
  const rows = panel.getByRole('table', { name: 'Connections' }).locator('tbody tr');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('open');
  await expect(rows.first()).toContainText('127.0.0.1');
  // The page's send and the server's echo are both counted.
  await expect(rows.first()).toContainText('1 / 1');
});
