import { expect, test } from './support/extension';
import { openSockets } from './support/pageSockets';
import { streamConnectUrl } from './support/streamUrls';
import { tabRecord } from './support/tabRecord';

test('closing a tab drops its record', async ({ context, fixtures, serviceWorker, tabIdOf }) => {
  const page = await context.newPage();
  await page.goto(`${fixtures.origin}/blank.html`);
  await openSockets(page, [streamConnectUrl(fixtures.wsOrigin, 'alice')]);
  const tabId = await tabIdOf(page);
  await expect.poll(async () => (await tabRecord(serviceWorker, tabId))?.socketOrder.length).toBe(1);
  await page.close();
  await expect.poll(() => tabRecord(serviceWorker, tabId)).toBeNull();
});

test('a reload starts a fresh record; with Preserve log the earlier page is kept, its sockets closed', async ({
  context,
  fixtures,
  serviceWorker,
  tabIdOf,
  openPanel,
}) => {
  const page = await context.newPage();
  await page.goto(`${fixtures.origin}/blank.html`);
  await openSockets(page, [streamConnectUrl(fixtures.wsOrigin, 'alice')]);
  const tabId = await tabIdOf(page);
  const panel = await openPanel(page);
  const rows = panel.getByRole('table', { name: 'Connections' }).locator('tbody tr');
  await expect(rows).toHaveCount(1);

  await page.reload();
  await openSockets(page, [streamConnectUrl(fixtures.wsOrigin, 'bob')]);
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('bob');

  await panel.getByRole('checkbox', { name: 'Preserve log' }).check();
  await expect.poll(async () => (await tabRecord(serviceWorker, tabId))?.preserveLog).toBe(true);
  await page.reload();
  await openSockets(page, [streamConnectUrl(fixtures.wsOrigin, 'carol')]);
  await expect(rows).toHaveCount(2);
  await expect
    .poll(async () => {
      const record = await tabRecord(serviceWorker, tabId);
      return record ? record.socketOrder.map((id) => [record.sockets[id]?.identity.userId, record.sockets[id]?.state]) : [];
    })
    .toEqual([
      ['bob', 'closed'],
      ['carol', expect.stringMatching(/connecting|open/)],
    ]);
});

test('a crashed tab’s sockets are closed in the record and its badge clears', async ({ context, fixtures, serviceWorker, tabIdOf }) => {
  const page = await context.newPage();
  await page.goto(`${fixtures.origin}/blank.html`);
  await openSockets(page, [streamConnectUrl(fixtures.wsOrigin, 'alice')]);
  await openSockets(page, [streamConnectUrl(fixtures.wsOrigin, 'alice')]);
  const tabId = await tabIdOf(page);
  await expect.poll(() => serviceWorker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId)).toBe('2');

  const cdp = await context.newCDPSession(page);
  // The reply never comes: the session dies with the renderer.
  void cdp.send('Page.crash').catch(() => undefined);
  await expect
    .poll(async () => {
      const record = await tabRecord(serviceWorker, tabId);
      return record ? Object.values(record.sockets).map((socket) => socket.state) : [];
    })
    .toEqual(['closed', 'closed']);
  await expect.poll(() => serviceWorker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId)).toBe('');
});

test('reloading the extension leaves open pages working: their old scripts go quiet', async ({ context, fixtures, serviceWorker }) => {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    // The fixture server has no favicon; anything else logged as an error is ours to explain.
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) errors.push(message.text());
  });
  await page.goto(`${fixtures.origin}/blank.html`);
  await openSockets(page, [`${fixtures.wsOrigin}/before`]);

  // The worker that runs reload() dies with it, so its evaluate never answers.
  void serviceWorker.evaluate(() => chrome.runtime.reload()).catch(() => undefined);
  await page.waitForTimeout(1500);

  // The page keeps using WebSocket as if nothing happened.
  const echoed = await page.evaluate(
    (url) =>
      new Promise<string>((resolve, reject) => {
        const socket = new WebSocket(url);
        socket.onopen = () => socket.send('still here');
        socket.onmessage = (event) => resolve(String(event.data));
        socket.onerror = () => reject(new Error('socket failed'));
      }),
    `${fixtures.wsOrigin}/after`,
  );
  expect(echoed).toBe('still here');
  expect(errors).toEqual([]);
});
