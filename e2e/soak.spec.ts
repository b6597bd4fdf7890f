import { expect, test } from './support/extension';
import { persistedBytes, tabRecord } from './support/tabRecord';

/**
 * A long session in fast-forward: 2,000 connect/disconnect cycles. The worker's record
 * must stop growing once the per-tab cap is reached, and every socket must be accounted for.
 */
test('2,000 connect/disconnect cycles keep the worker’s state flat', async ({ context, fixtures, serviceWorker, tabIdOf }) => {
  test.setTimeout(120_000);
  // A small cap makes the fast-forward short: the record must plateau at the cap.
  const cap = 200;
  await serviceWorker.evaluate((maxSocketsPerTab) => chrome.storage.local.set({ settings: { maxSocketsPerTab } }), cap);
  const page = await context.newPage();
  await page.goto(`${fixtures.origin}/blank.html`);
  const tabId = await tabIdOf(page);
  const cycle = (count: number) =>
    page.evaluate(
      async ({ url, n }) => {
        for (let i = 0; i < n; i++) {
          await new Promise<void>((resolve) => {
            const socket = new WebSocket(`${url}/soak?i=${i}`);
            socket.onopen = () => socket.send('hello');
            socket.onmessage = () => socket.close(1000, 'done');
            socket.onclose = () => resolve();
          });
        }
      },
      { url: fixtures.wsOrigin, n: count },
    );
  const settled = async (expectedTotal: number) => {
    await expect
      .poll(async () => {
        const record = await tabRecord(serviceWorker, tabId);
        return (record?.socketOrder.length ?? 0) + (record?.evictedSockets ?? 0);
      }, { timeout: 20_000 })
      .toBe(expectedTotal);
    return persistedBytes(serviceWorker);
  };

  await cycle(1000);
  const afterFirst = await settled(1000);
  await cycle(1000);
  const afterSecond = await settled(2000);

  const record = await tabRecord(serviceWorker, tabId);
  expect(record?.socketOrder).toHaveLength(cap);
  expect(record?.droppedEvents).toBe(0);
  // Flat: twice the traffic, (nearly) the same state.
  expect(afterSecond).toBeLessThan(afterFirst * 1.1);
});
