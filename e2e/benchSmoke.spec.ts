import { scaleWaveInPage } from '../bench/src/pageWorkloads';
import { expect, test } from './support/extension';
import { tabRecord } from './support/tabRecord';

/**
 * The benchmark's scale workload, once, small: a page that opens 200 sockets and sends 50
 * messages on each in one synchronous loop (each echoed back). A burst like this once lost half
 * its events in the relay; every socket and every frame must reach the worker's record.
 */
test('a burst of 200 sockets and 20,000 frames is recorded whole: nothing dropped', async ({ context, fixtures, serviceWorker, tabIdOf }) => {
  const page = await context.newPage();
  await page.goto(`${fixtures.origin}/blank.html?bench-smoke`);
  const tabId = await tabIdOf(page);
  const urls = Array.from({ length: 200 }, (_, i) => `${fixtures.wsOrigin}/feed/${i}`);

  const seen = await page.evaluate(scaleWaveInPage, { urls, messagesPerSocket: 50, size: 100, close: false });
  expect(seen).toEqual({ sent: 10_000, received: 10_000 });

  await expect
    .poll(
      async () => {
        const record = await tabRecord(serviceWorker, tabId);
        const sockets = Object.values(record?.sockets ?? {});
        return {
          sockets: sockets.length,
          sent: sockets.reduce((sum, socket) => sum + socket.messagesSent, 0),
          received: sockets.reduce((sum, socket) => sum + socket.messagesReceived, 0),
          dropped: record?.droppedEvents ?? -1,
        };
      },
      { timeout: 10_000 },
    )
    .toEqual({ sockets: 200, sent: 10_000, received: 10_000, dropped: 0 });
});
