import type { BrowserContext, Page, Worker } from '@playwright/test';
import { expect, test } from './support/extension';
import { streamConnectUrl } from './support/streamUrls';
import { tabRecord } from './support/tabRecord';

/** Stops every service worker, the extension's included, as Chrome does to an idle MV3 worker. */
async function stopServiceWorkers(context: BrowserContext, page: Page): Promise<void> {
  const cdp = await context.newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await cdp.detach();
}

async function currentWorker(context: BrowserContext): Promise<Worker> {
  return context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
}

interface Traffic {
  sent: number;
  received: number;
}

test('a worker restart mid-session loses no socket, frame count or finding, and the panel keeps updating', async ({
  context,
  fixtures,
  tabIdOf,
  openPanel,
}) => {
  const page = await context.newPage();
  await page.goto(`${fixtures.origin}/blank.html`);
  // Two sockets for alice (a duplicate), the first one chatting every 20 ms.
  await page.evaluate((url) => {
    const w = window as unknown as { sockets: WebSocket[]; traffic: Traffic; timer: number };
    w.traffic = { sent: 0, received: 0 };
    w.sockets = [new WebSocket(url), new WebSocket(url)];
    const chatty = w.sockets[0] as WebSocket;
    chatty.onmessage = () => w.traffic.received++;
    chatty.onopen = () => {
      w.timer = window.setInterval(() => {
        chatty.send(`ping ${w.traffic.sent}`);
        w.traffic.sent++;
      }, 20);
    };
  }, streamConnectUrl(fixtures.wsOrigin, 'alice'));
  const tabId = await tabIdOf(page);
  const panel = await openPanel(page);
  const rows = panel.getByRole('table', { name: 'Connections' }).locator('tbody tr');
  const activeFindings = panel.getByRole('region', { name: 'Findings' }).locator('li[data-active="true"]');
  await expect(rows).toHaveCount(2);
  await expect(activeFindings).toContainText('duplicate-connection');

  await stopServiceWorkers(context, page);
  // The worker is gone; traffic goes on. The relay and the panel reconnect, which wakes it.
  await page.waitForTimeout(500);
  await page.evaluate((url) => {
    const w = window as unknown as { sockets: WebSocket[] };
    w.sockets.push(new WebSocket(url));
  }, streamConnectUrl(fixtures.wsOrigin, 'alice'));

  await expect(rows).toHaveCount(3);
  await expect(activeFindings).toHaveCount(1);
  await expect(activeFindings).toContainText('3 connections');

  // Stop the chatter, let the last frames land, then compare the record with the page's own count.
  const traffic = await page.evaluate(async () => {
    const w = window as unknown as { traffic: Traffic; timer: number };
    clearInterval(w.timer);
    await new Promise((resolve) => setTimeout(resolve, 300));
    return w.traffic;
  });
  expect(traffic.sent).toBeGreaterThan(20);
  const worker = await currentWorker(context);
  await expect
    .poll(async () => {
      const record = await tabRecord(worker, tabId);
      const chatty = record ? record.sockets[record.socketOrder[0] as string] : undefined;
      return { sent: chatty?.messagesSent, received: chatty?.messagesReceived };
    })
    .toEqual(traffic);
  const badge = await worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);
  expect(badge).toBe('3');
});
