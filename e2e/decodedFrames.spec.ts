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

test('MQTT frames, binary, show as hex with the decoded packet; PINGREQ/PINGRESP are heartbeats', async ({ context, openPanel }) => {
  const page = await context.newPage();
  await page.goto(server.pageUrl('mqtt', { hold: '1600' }));
  expect(await page.evaluate(() => (window as unknown as { clientRun: Promise<string[]> }).clientRun)).toEqual(['connected', 'chat/room1: hello mqtt', 'ended']);

  const panel = await openPanel(page);
  const row = connectionRows(panel).first();
  await expect(row.locator('td.protocol')).toHaveText('MQTT');
  await row.click();
  const detail = socketDetail(panel);
  await detail.getByRole('tab', { name: /^Frames/ }).click();
  const frames = detail.getByRole('table', { name: 'Frames' }).locator('tbody tr');
  const sent = detail.getByRole('table', { name: 'Frames' }).locator('tbody tr.frame-out td.event');
  await expect(sent).toHaveText(['CONNECT', 'SUBSCRIBE', 'PUBLISH', 'PUBACK', 'DISCONNECT']);
  await frames.filter({ hasText: 'CONNECT client' }).click();
  await expect(detail.getByLabel('Decoded frame')).toContainText('"clientId": "browser-client"');
  await expect(detail.getByLabel('Frame data (hex)')).toHaveText(/^10 [0-9a-f]{2} 00 04 4d 51 54 54 04/);
  await expect(frames.filter({ hasText: 'PUBLISH chat/room1 qos 1 "hello mqtt"' }).first()).toBeVisible();

  await detail.getByRole('checkbox', { name: /Hide heartbeats/ }).uncheck();
  await expect(sent.filter({ hasText: 'PINGREQ' }).first()).toBeVisible();
});

test('GraphQL over WebSocket and SockJS sockets of real clients decode too', async ({ context, openPanel }) => {
  const page = await context.newPage();
  await page.goto(server.pageUrl('graphqlws'));
  await page.evaluate(() => (window as unknown as { clientRun: Promise<string[]> }).clientRun);
  const panel = await openPanel(page);
  await expect(connectionRows(panel).locator('td.protocol')).toHaveText(['GraphQL WS', 'GraphQL WS']);
  await connectionRows(panel).nth(1).click();
  await socketDetail(panel).getByRole('tab', { name: /^Frames/ }).click();
  const events = socketDetail(panel).getByRole('table', { name: 'Frames' }).locator('tbody td.event');
  await expect(events).toHaveText(['connection_init', 'connection_ack', 'subscribe', 'next', 'next', 'next', 'complete']);
  await expect(socketDetail(panel).getByRole('table', { name: 'Frames' }).locator('tbody td.preview').nth(2)).toHaveText(/^subscribe #[0-9a-f-]+ subscription$/);

  const sockJsPage = await context.newPage();
  await sockJsPage.goto(server.pageUrl('sockjs'));
  await sockJsPage.evaluate(() => (window as unknown as { clientRun: Promise<string[]> }).clientRun);
  const sockJsPanel = await openPanel(sockJsPage);
  await expect(connectionRows(sockJsPanel).locator('td.protocol')).toHaveText(['SockJS']);
  await connectionRows(sockJsPanel).first().click();
  await socketDetail(sockJsPanel).getByRole('tab', { name: /^Frames/ }).click();
  const table = socketDetail(sockJsPanel).getByRole('table', { name: 'Frames' });
  await expect(table.locator('tbody td.event').first()).toHaveText('open');
  await expect(table).toContainText('a[1] "echo: one"');
});

/** Real clients against minimal servers of their protocols: what the Frames tab names, heartbeats hidden. */
const PROTOCOL_CLIENTS = [
  { client: 'stomp', hold: '700', label: 'SockJS', events: ['open', 'CONNECT', 'CONNECTED', 'SUBSCRIBE', 'SEND', 'MESSAGE', 'DISCONNECT', 'RECEIPT'], heartbeat: 'heart-beat' },
  { client: 'signalr', hold: '700', label: 'SignalR', events: ['handshake', 'handshake', 'SendMessage', 'ReceiveMessage', 'Completion', 'Close'], heartbeat: 'Ping' },
  { client: 'phoenix', hold: '700', label: 'Phoenix', events: ['phx_join', 'phx_reply', 'new_msg', 'phx_reply', 'new_msg', 'phx_leave', 'phx_reply'], heartbeat: 'heartbeat' },
  { client: 'actioncable', hold: '700', label: 'Action Cable', events: ['welcome', 'subscribe', 'confirm_subscription', 'speak', 'message'], heartbeat: 'ping' },
  { client: 'wamp', hold: '0', label: 'WAMP', events: ['HELLO', 'WELCOME', 'SUBSCRIBE', 'PUBLISH', 'SUBSCRIBED', 'PUBLISHED', 'EVENT', 'REGISTER', 'REGISTERED', 'CALL', 'INVOCATION', 'YIELD', 'RESULT', 'GOODBYE', 'GOODBYE'], heartbeat: null },
];

for (const expected of PROTOCOL_CLIENTS) {
  test(`${expected.client}: the Frames tab names the ${expected.label} events of the real client`, async ({ context, openPanel }) => {
    const page = await context.newPage();
    await page.goto(server.pageUrl(expected.client, { hold: expected.hold }));
    const lines = await page.evaluate(() => (window as unknown as { clientRun: Promise<string[]> }).clientRun);
    expect(lines.join('\n')).not.toMatch(/^failed/m);

    const panel = await openPanel(page);
    const row = connectionRows(panel).first();
    await expect(row.locator('td.protocol')).toHaveText(expected.label);
    await row.click();
    await socketDetail(panel).getByRole('tab', { name: /^Frames/ }).click();
    const table = socketDetail(panel).getByRole('table', { name: 'Frames' });
    await expect(table.locator('tbody td.event')).toHaveText(expected.events);
    if (expected.heartbeat) {
      await socketDetail(panel).getByRole('checkbox', { name: /Hide heartbeats/ }).uncheck();
      await expect(table.locator('tbody td.event').filter({ hasText: new RegExp(`^${expected.heartbeat}$`) }).first()).toBeVisible();
    }
  });
}
