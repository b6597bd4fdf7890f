import { build } from 'esbuild';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { BrowserContext, Page, Worker } from '@playwright/test';
import { expect, test } from './support/extension';
import { connectionRows, socketDetail } from './support/panel';
import { activeFinding } from './support/rulesPanel';

/**
 * Stream's products on one page, through the real SDKs from npm (stream-chat,
 * @stream-io/video-client, @stream-io/feeds-client) against the fake backend: per-user rules
 * count per user AND product, so the vendor's recommended chat + video setup raises nothing
 * while two clients of one product still do. And two users in two frames are no user switch.
 */

let bundle: Promise<string> | undefined;
/** e2e/pages/products-app.ts bundled once per worker (the SDKs are large). */
function productsBundle(): Promise<string> {
  bundle ??= build({
    entryPoints: [path.resolve(import.meta.dirname, 'pages/products-app.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'silent',
  }).then((result) => result.outputFiles[0]?.text ?? '');
  return bundle;
}

/**
 * The page and its bundle, from a server of their own on 127.0.0.1 (a page fulfilled by the
 * test's router counts as public and may not open sockets to 127.0.0.1); `?iframe` adds a
 * same-origin iframe of the same page.
 */
let pageServer: { server: Server; origin: string } | undefined;
async function pageOrigin(): Promise<string> {
  if (pageServer) return pageServer.origin;
  const script = await productsBundle();
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (url.pathname === '/products.js') {
      response.writeHead(200, { 'content-type': 'text/javascript' });
      response.end(script);
      return;
    }
    const frame = url.searchParams.has('iframe') ? `<iframe name="widget" src="/?backend=${encodeURIComponent(url.searchParams.get('backend') ?? '')}"></iframe>` : '';
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end(`<!doctype html><meta charset="utf-8"><title>Products</title><script src="/products.js"></script>${frame}`);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  pageServer = { server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
  return pageServer.origin;
}
test.afterAll(async () => {
  pageServer?.server.closeAllConnections();
  await new Promise((resolve) => pageServer?.server.close(resolve) ?? resolve(undefined));
  pageServer = undefined;
});

let tabs = 0;
/** A tab with the products page talking to `backendURL`, each at its own URL (the fixtures find a tab by it). */
async function productsTab(context: BrowserContext, backendURL: string, options: { iframe?: boolean } = {}): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${await pageOrigin()}/?tab=${++tabs}&backend=${encodeURIComponent(backendURL)}${options.iframe ? '&iframe' : ''}`);
  return page;
}

async function badgeColor(serviceWorker: Worker, tabId: number): Promise<number[]> {
  return serviceWorker.evaluate(async (id) => [...(await chrome.action.getBadgeBackgroundColor({ tabId: id }))], tabId);
}
const RED = [217, 48, 37, 255];

/** Every request and socket the page makes that leaves 127.0.0.1: the SDKs must reach for nothing else. */
function offMachine(page: Page): string[] {
  const seen: string[] = [];
  const note = (url: string) => {
    if (new URL(url).hostname !== '127.0.0.1') seen.push(url);
  };
  page.on('request', (request) => note(request.url()));
  page.on('websocket', (socket) => note(socket.url()));
  return seen;
}

function findings(panel: Page) {
  return panel.getByRole('region', { name: 'Findings' }).locator('li');
}

test('chat + video for one user (what Stream recommends): 2 sockets, both alice, chat and video, no finding, badge not red', async ({
  context,
  backend,
  openPanel,
  serviceWorker,
  tabIdOf,
}) => {
  const page = await productsTab(context, backend.baseURL);
  const elsewhere = offMachine(page);
  await page.evaluate(() => window.products.chat('alice'));
  await page.evaluate(() => window.products.video('alice'));
  expect(elsewhere).toEqual([]);
  expect(backend.connections().map((c) => [c.userId, c.product ?? 'chat'])).toEqual([
    ['alice', 'chat'],
    ['alice', 'video'],
  ]);
  const panel = await openPanel(page);
  await expect(connectionRows(panel)).toHaveCount(2);
  await expect(connectionRows(panel).locator('td.user')).toHaveText(['alice', 'alice']);
  await expect(connectionRows(panel).locator('td.product')).toHaveText(['chat', 'video']);
  // Past the grace window: still nothing.
  await panel.waitForTimeout(1500);
  await expect(findings(panel)).toHaveCount(0);
  expect(await badgeColor(serviceWorker, await tabIdOf(page))).not.toEqual(RED);
});

test('two StreamVideoClient for alice: duplicate-connection, for video', async ({ context, backend, openPanel }) => {
  const page = await productsTab(context, backend.baseURL);
  await page.evaluate(() => window.products.video('alice'));
  await page.evaluate(() => window.products.video('alice'));
  expect(backend.connections().map((c) => [c.userId, c.product])).toEqual([
    ['alice', 'video'],
    ['alice', 'video'],
  ]);
  const panel = await openPanel(page);
  await expect(activeFinding(panel, 'duplicate-connection')).toContainText('User "alice" holds 2 connections to Stream Video at once in this tab');
  await expect(findings(panel)).toHaveCount(1);
  // The detail names the product and SDK; the auth frame's token is redacted like the chat
  // URL's: replaced whole, no part of it shown.
  await connectionRows(panel).first().click();
  await expect(socketDetail(panel)).toContainText(/Product\s*video \(stream-video-/);
  await socketDetail(panel).getByRole('tab', { name: /Frames/ }).click();
  await socketDetail(panel).getByRole('row', { name: /auth as alice/ }).click();
  // The frame in full, pretty-printed: the product it asks for, its token replaced.
  await expect(socketDetail(panel)).toContainText(/"products": \[\s*"video"\s*\]/);
  await expect(socketDetail(panel)).toContainText('"token": "[REDACTED]"');
  const token = ((await (await fetch(`${backend.baseURL}/token?user_id=alice`)).json()) as { token: string }).token;
  for (const part of token.split('.')) if (part) await expect(socketDetail(panel)).not.toContainText(part);
});

test('chat, video and a second chat client for alice: exactly one duplicate-connection, for chat', async ({ context, backend, openPanel }) => {
  const page = await productsTab(context, backend.baseURL);
  await page.evaluate(() => window.products.chat('alice'));
  await page.evaluate(() => window.products.video('alice'));
  await page.evaluate(() => window.products.chat('alice'));
  const panel = await openPanel(page);
  await expect(activeFinding(panel, 'duplicate-connection')).toContainText('User "alice" holds 2 connections to Stream Chat at once in this tab');
  await panel.waitForTimeout(1500);
  await expect(findings(panel)).toHaveCount(1);
});

test('feeds + chat for one user: nothing', async ({ context, backend, openPanel }) => {
  const page = await productsTab(context, backend.baseURL);
  await page.evaluate(() => window.products.feeds('alice'));
  await page.evaluate(() => window.products.chat('alice'));
  const panel = await openPanel(page);
  await expect(connectionRows(panel).locator('td.product')).toHaveText(['feeds', 'chat']);
  await expect(connectionRows(panel).locator('td.user')).toHaveText(['alice', 'alice']);
  await panel.waitForTimeout(1500);
  await expect(findings(panel)).toHaveCount(0);
});

test('alice in the top frame and bob in a same-origin iframe, each through its own stream-chat: both listed, no user switch', async ({
  context,
  backend,
  openPanel,
}) => {
  const page = await productsTab(context, backend.baseURL, { iframe: true });
  const widget = page.frame({ name: 'widget' });
  if (!widget) throw new Error('no iframe');
  await widget.waitForFunction(() => window.products !== undefined);
  await page.evaluate(() => window.products.chat('alice'));
  await widget.evaluate(() => window.products.chat('bob'));
  expect(backend.connections().map((c) => c.userId)).toEqual(['alice', 'bob']);
  const panel = await openPanel(page);
  await expect(connectionRows(panel).locator('td.user')).toHaveText(['alice', 'bob']);
  await panel.waitForTimeout(1500);
  await expect(findings(panel)).toHaveCount(0);
});

test("the demo's products cards: chat + video done right raises nothing; two video clients raise duplicate-connection for video", async ({ context, backend, openPanel }) => {
  const page = await context.newPage();
  const elsewhere = offMachine(page);
  await page.goto(`${backend.baseURL}/?tab=${++tabs}`);
  await page.getByRole('button', { name: 'Correct: chat + video for one user' }).click();
  await expect(page.getByRole('list', { name: 'Product clients' }).locator('li[data-state="connected"]')).toHaveCount(2);
  const panel = await openPanel(page);
  await expect(connectionRows(panel).locator('td.product')).toHaveText(['chat', 'video']);
  await panel.waitForTimeout(1500);
  await expect(findings(panel)).toHaveCount(0);

  await page.evaluate(() => window.demoProducts.disconnectAll());
  await page.getByRole('button', { name: 'Mistake: two video clients for one user' }).click();
  await expect(page.getByRole('list', { name: 'Product clients' }).locator('li[data-state="connected"]')).toHaveCount(2);
  await expect(activeFinding(panel, 'duplicate-connection')).toContainText('User "alice" holds 2 connections to Stream Video at once in this tab');
  await expect(panel.getByRole('region', { name: 'Findings' }).locator('li[data-active="true"]')).toHaveCount(1);
  expect(elsewhere).toEqual([]);
});
