import { expect, test } from './support/extension';
import { tabRecord } from './support/tabRecord';
import { streamConnectUrl } from './support/streamUrls';

const HOOK_EVENT = '__onesocket_hook__';

test('a page flooding forged and malformed hook messages cannot crash the relay or worker, nor touch another tab', async ({
  context,
  fixtures,
  serviceWorker,
  tabIdOf,
  openPanel,
}) => {
  const bystander = await context.newPage();
  await bystander.goto(`${fixtures.origin}/blank.html`);
  await bystander.evaluate((url) => void ((window as unknown as { s: WebSocket }).s = new WebSocket(url)), streamConnectUrl(fixtures.wsOrigin, 'bob'));
  const bystanderTab = await tabIdOf(bystander);
  await expect.poll(async () => (await tabRecord(serviceWorker, bystanderTab))?.socketOrder.length).toBe(1);

  const hostile = await context.newPage();
  const pageErrors: Error[] = [];
  hostile.on('pageerror', (error) => pageErrors.push(error));
  await hostile.goto(`${fixtures.origin}/hostile.html`);
  const hostileTab = await tabIdOf(hostile);
  await hostile.evaluate((name) => (window as unknown as { attack: (n: string, r: number) => void }).attack(name, 50), HOOK_EVENT);

  // Still recording: a real socket opened after the flood shows up with its user.
  await hostile.evaluate((url) => void ((window as unknown as { s: WebSocket }).s = new WebSocket(url)), streamConnectUrl(fixtures.wsOrigin, 'alice'));
  await expect
    .poll(async () => Object.values((await tabRecord(serviceWorker, hostileTab))?.sockets ?? {}).map((s) => s.identity.userId))
    .toEqual(['alice']);
  const record = await tabRecord(serviceWorker, hostileTab);
  // Every malformed message was counted, none was applied.
  expect(record?.droppedEvents).toBeGreaterThanOrEqual(50 * 7);
  expect(pageErrors).toEqual([]);

  // The panel says so, plainly.
  const panel = await openPanel(hostile);
  await expect(panel.getByText(/malformed messages dropped/)).toBeVisible();

  // The bystander tab's record is untouched.
  const other = await tabRecord(serviceWorker, bystanderTab);
  expect(other?.socketOrder).toHaveLength(1);
  expect(other?.droppedEvents).toBe(0);
});

test('well-formed forged sockets stay in their own tab and within the per-tab cap', async ({ context, fixtures, serviceWorker, tabIdOf }) => {
  const hostile = await context.newPage();
  await hostile.goto(`${fixtures.origin}/hostile.html`);
  const tabId = await tabIdOf(hostile);
  await hostile.evaluate((name) => (window as unknown as { forgeSockets: (n: string, c: number) => void }).forgeSockets(name, 6000), HOOK_EVENT);
  // Every forged socket is accounted for: kept, evicted past the cap, or dropped by the relay's
  // bounded queue, and never more than the cap is held.
  await expect
    .poll(async () => {
      const record = await tabRecord(serviceWorker, tabId);
      return (record?.socketOrder.length ?? 0) + (record?.evictedSockets ?? 0) + (record?.droppedEvents ?? 0);
    }, { timeout: 10_000 })
    .toBe(6000);
  const record = await tabRecord(serviceWorker, tabId);
  expect(record?.socketOrder.length).toBe(1000);
  expect(record?.evictedSockets).toBeGreaterThan(0);
});
