import { expect, test } from './support/extension';
import { connectionRows, socketDetail } from './support/panel';
import { startRealClientServer, type RealClientServer } from './support/realClientServer';

/**
 * Frames a person can read (issue 16): each frame decoded in the protocol its socket speaks,
 * from the real client libraries' traffic, heartbeats out of the way.
 */
let server: RealClientServer;

test.beforeAll(async () => {
  // Pings every 200 ms, so a run of a second has heartbeats to hide.
  server = await startRealClientServer({ socketIoPingIntervalMs: 200 });
});
test.afterAll(async () => {
  await server?.close();
});

test('the Frames tab of a socket.io socket shows the event names and hides the pings; toggling heartbeats shows them', async ({ context, openPanel }) => {
  const page = await context.newPage();
  await page.goto(server.pageUrl('socketio', { hold: '900' }));
  expect(await page.evaluate(() => (window as unknown as { clientRun: Promise<string[]> }).clientRun)).toContain('ack: hello sio-user');

  const panel = await openPanel(page);
  const row = connectionRows(panel).first();
  await expect(row.locator('td.protocol')).toHaveText('Socket.IO');
  await row.click();
  const detail = socketDetail(panel);
  await expect(detail).toContainText('Socket.IO');
  await detail.getByRole('tab', { name: /^Frames/ }).click();
  await expect(detail).toContainText('Protocol: Socket.IO');

  const frames = detail.getByRole('table', { name: 'Frames' }).locator('tbody tr');
  const events = detail.getByRole('table', { name: 'Frames' }).locator('tbody td.event');
  // The exchange of the page, by event name: upgrade, the hello with its ack, the welcome, the disconnect.
  await expect(events).toHaveText(['probe', 'probe', 'upgrade', 'hello', 'ack', 'welcome', 'disconnect']);
  await expect(frames.filter({ hasText: 'EVENT "hello"("sio-user"), ack 0' })).toHaveCount(1);
  const hideHeartbeats = detail.getByRole('checkbox', { name: /Hide heartbeats/ });
  await expect(hideHeartbeats).toBeChecked();

  await hideHeartbeats.uncheck();
  await expect(events.filter({ hasText: /^ping$/ }).first()).toBeVisible();
  await expect(events.filter({ hasText: /^pong$/ }).first()).toBeVisible();
  expect(await events.filter({ hasText: /^ping$/ }).count()).toBeGreaterThanOrEqual(2);
  await hideHeartbeats.check();
  await expect(events.filter({ hasText: /^(ping|pong)$/ })).toHaveCount(0);

  // By event and by direction.
  await detail.getByRole('combobox', { name: 'Event' }).selectOption('welcome');
  await expect(frames).toHaveCount(1);
  await frames.first().click();
  await expect(detail.getByLabel('Decoded frame')).toContainText('"event": "welcome"');
  await expect(detail.getByLabel('Frame data')).toContainText('"welcome"');
  await detail.getByRole('combobox', { name: 'Event' }).selectOption('');
  await detail.getByRole('combobox', { name: 'Direction' }).selectOption('out');
  await expect(events).toHaveText(['probe', 'upgrade', 'hello', 'disconnect']);
  // Search looks inside the frames.
  await detail.getByRole('combobox', { name: 'Direction' }).selectOption('all');
  await detail.getByRole('searchbox', { name: 'Search frames' }).fill('sio-user');
  await expect(events).toHaveText(['hello', 'ack', 'welcome']);
});

test('a Stream duplicate shows, in its finding, the events both sockets received', async ({ context, backend, openPanel }) => {
  const page = await context.newPage();
  await page.goto(backend.baseURL);
  const panel = await openPanel(page);
  await page.evaluate(() => window.demo.run('two-clients'));
  const finding = panel.getByRole('region', { name: 'Findings' }).locator('li[data-rule="duplicate-connection"][data-active="true"]');
  await expect(finding).toHaveCount(1);

  // The backend fans each event out to every connection of the user: alice gets each message twice.
  const message = (id: string) => ({ type: 'message.new', cid: 'messaging:general', message: { id, text: `hello ${id}`, user: { id: 'bob' } }, user: { id: 'bob' } });
  expect(backend.sendEvent(message('m1'), { userId: 'alice' })).toBe(2);
  expect(backend.sendEvent(message('m2'), { userId: 'alice' })).toBe(2);
  const hint = finding.getByRole('note', { name: 'Same events on two sockets' });
  await expect(hint).toContainText('Same events on sockets #1 and #2');
  await expect(hint).toContainText('message.new ×2/2');

  // Each socket's frames name the event too.
  await connectionRows(panel).first().click();
  await socketDetail(panel).getByRole('tab', { name: /^Frames/ }).click();
  await expect(socketDetail(panel).getByRole('table', { name: 'Frames' }).locator('tbody tr').filter({ hasText: 'message.new · messaging:general · by bob' })).toHaveCount(2);
});
