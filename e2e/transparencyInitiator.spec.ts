import { expect, test } from './support/extension';
import { launchPlainChromium } from './support/plainBrowser';
import { recordedSockets } from './support/tabRecord';

/**
 * Who opened a socket: its creation stack without the hook's frames, and the first app frame
 * as the initiator, even on a page that limits or formats its own stacks, which must not
 * notice (issue 3, "Who opened it").
 */
test('the initiator is the app function that created the socket, and the page stack settings are left alone', async ({ context, fixtures, serviceWorker, tabIdOf, openPanel }) => {
  const pageUrl = `${fixtures.origin}/initiator.html`;
  const observed = () => (window as unknown as { observed: unknown }).observed;
  const plain = await launchPlainChromium();
  let reference: unknown;
  try {
    const page = await plain.newPage();
    await page.goto(pageUrl);
    reference = await page.evaluate(observed);
  } finally {
    await plain.close();
  }
  expect(reference).toEqual({ formatterCalls: 0, limit: 1, ownStack: 'formatted by the page' });

  const page = await context.newPage();
  await page.goto(pageUrl);
  expect(await page.evaluate(observed)).toEqual(reference);

  const tabId = await tabIdOf(page);
  await expect.poll(async () => (await recordedSockets(serviceWorker, tabId)).length).toBe(1);
  const [socket] = await recordedSockets(serviceWorker, tabId);
  expect(socket?.initiator).toMatch(new RegExp(`^connectChat \\(${pageUrl}:\\d+:\\d+\\)$`));
  expect(socket?.stack[0]).toBe(socket?.initiator);
  expect(socket?.stack[1]).toMatch(new RegExp(`^startApp \\(${pageUrl}:\\d+:\\d+\\)$`));
  expect(socket?.stack.join('\n')).not.toMatch(/chrome-extension:/);

  const panel = await openPanel(page);
  const row = panel.getByRole('table', { name: 'Connections' }).locator('tbody tr').first();
  await expect(row).toContainText('connectChat');
});
