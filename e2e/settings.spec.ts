import type { BrowserContext, Page, Worker } from '@playwright/test';
import { expect, test } from './support/extension';
import { connectionRows, openSockets, socketDetail } from './support/panel';
import { streamConnectUrl } from './support/streamUrls';
import { recordedSockets } from './support/tabRecord';
import { STORAGE_LAYOUT } from '../src/common/storageLayout';

async function openSettings(context: BrowserContext, extensionId: string): Promise<Page> {
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/src/options/options.html`);
  await expect(options.getByRole('heading', { name: 'OneSocket settings' })).toBeVisible();
  return options;
}

async function save(options: Page): Promise<void> {
  await options.getByRole('button', { name: 'Save settings' }).click();
  await expect(options.getByRole('status')).toContainText('Saved');
}

test('redaction is on by default; turning it off warns, shows the token in the panel, and is remembered', async ({ context, fixtures, extensionId, openPanel }) => {
  const page = await context.newPage();
  await page.goto(`${fixtures.origin}/blank.html`);
  await openSockets(page, [streamConnectUrl(fixtures.wsOrigin, 'alice')]);
  const panel = await openPanel(page);
  await expect(connectionRows(panel)).toHaveCount(1);
  await connectionRows(panel).first().click();
  await expect(socketDetail(panel)).toContainText('[REDACTED]');
  await expect(panel.locator('body')).not.toContainText('SECRET-SIGNATURE');

  const options = await openSettings(context, extensionId);
  const redact = options.getByRole('checkbox', { name: /^Redact secrets/ });
  await expect(redact).toBeChecked();
  await redact.uncheck();
  await expect(options.getByRole('alert')).toContainText('Redaction is off');
  await save(options);

  await expect(panel.getByRole('note')).toContainText('Redaction is off');
  await expect(socketDetail(panel)).toContainText('SECRET-SIGNATURE');

  await options.reload();
  await expect(options.getByRole('checkbox', { name: /^Redact secrets/ })).not.toBeChecked();
  await options.getByRole('button', { name: 'Restore defaults' }).click();
  await expect(options.getByRole('checkbox', { name: /^Redact secrets/ })).toBeChecked();
  await expect(panel.locator('body')).not.toContainText('SECRET-SIGNATURE');
  await expect(panel.getByRole('note')).toHaveCount(0);
});

test('a bad number is refused with a message; a custom limit shows in the cross-tab view; a new grace window applies at once', async ({
  context,
  fixtures,
  extensionId,
  openPanel,
}) => {
  const options = await openSettings(context, extensionId);
  await options.getByRole('spinbutton', { name: 'Grace window' }).fill('60000');
  await options.getByRole('radio', { name: 'Custom' }).check();
  await options.getByRole('spinbutton', { name: 'Custom limit' }).fill('');
  await options.getByRole('button', { name: 'Save settings' }).click();
  await expect(options.getByRole('status')).toContainText('Not saved');
  await expect(options.getByText('Custom limit: enter a number.')).toBeVisible();
  await options.getByRole('spinbutton', { name: 'Custom limit' }).fill('1');
  await save(options);

  const page = await context.newPage();
  await page.goto(`${fixtures.origin}/blank.html`);
  await openSockets(page, [streamConnectUrl(fixtures.wsOrigin, 'alice'), streamConnectUrl(fixtures.wsOrigin, 'alice')]);
  const panel = await openPanel(page);
  await expect(connectionRows(panel)).toHaveCount(2);
  const crossTab = panel.getByRole('table', { name: 'Users across tabs' });
  await expect(crossTab.locator('tr[data-user="alice"]')).toContainText('2 / 1 · over the limit');
  await expect(panel.locator('.cross-tab summary')).toContainText('limit 1 per user (custom)');
  const duplicate = panel.getByRole('region', { name: 'Findings' }).locator('li[data-rule="duplicate-connection"]');
  // A minute of grace: the overlap is not a duplicate yet…
  await expect(duplicate).toHaveCount(0);

  // …until the grace window is shortened: the worker re-evaluates without a new event.
  await options.getByRole('spinbutton', { name: 'Grace window' }).fill('0');
  await save(options);
  await expect(duplicate).toHaveAttribute('data-active', 'true');
});

test('frame capture off keeps the counts but no frame contents', async ({ context, fixtures, extensionId, openPanel }) => {
  const options = await openSettings(context, extensionId);
  await options.getByRole('checkbox', { name: /^Capture frame contents/ }).uncheck();
  await save(options);

  const page = await context.newPage();
  await page.goto(`${fixtures.origin}/blank.html`);
  await page.evaluate((url) => {
    const socket = new WebSocket(url);
    socket.onopen = () => socket.send('private chat message');
  }, streamConnectUrl(fixtures.wsOrigin, 'alice'));
  const panel = await openPanel(page);
  await expect(connectionRows(panel).first()).toContainText('1 / 1');
  await connectionRows(panel).first().click();
  await socketDetail(panel).getByRole('tab', { name: 'Frames (2)' }).click();
  await expect(socketDetail(panel)).toContainText('Frame capture is off in Settings; 2 frames were counted.');
  await expect(socketDetail(panel).getByRole('table', { name: 'Frames' }).locator('tbody tr')).toHaveCount(0);
  await expect(panel.locator('body')).not.toContainText('private chat message');
});

test('only the sites to watch are recorded', async ({ context, fixtures, extensionId, serviceWorker, tabIdOf }) => {
  const options = await openSettings(context, extensionId);
  await options.getByRole('textbox', { name: /One per line/ }).fill('chat.example.invalid');
  await save(options);
  const ignored = await context.newPage();
  await ignored.goto(`${fixtures.origin}/blank.html?ignored`);
  await openSockets(ignored, [streamConnectUrl(fixtures.wsOrigin, 'alice')]);

  await options.getByRole('textbox', { name: /One per line/ }).fill('chat.example.invalid\n127.0.0.1');
  await save(options);
  const watched = await context.newPage();
  await watched.goto(`${fixtures.origin}/blank.html?watched`);
  await openSockets(watched, [streamConnectUrl(fixtures.wsOrigin, 'bob')]);
  await tabIdOf(watched);

  // The watched page was recorded after the ignored one opened its socket; the ignored one never was.
  const recordedUrls = await serviceWorker.evaluate(async () =>
    Object.entries(await chrome.storage.session.get(null))
      .filter(([key]) => key.startsWith('tab:'))
      .flatMap(([, record]) => (record as { pages: Array<{ url: string }> }).pages.map((p) => p.url)),
  );
  expect(recordedUrls).toContain(watched.url());
  expect(recordedUrls).not.toContain(ignored.url());
});

test('the worker hears settings through storage.local alone, not every write of the tab records', async ({ serviceWorker }) => {
  // A storage.onChanged listener would be sent each write to storage.session (the tab records,
  // old and new value, several a second on a busy tab): measured as the largest share of the
  // browser process's and the worker's cost in the 64 KB hook-overhead bench.
  const listening = await serviceWorker.evaluate(() => ({
    anyArea: chrome.storage.onChanged.hasListeners(),
    local: chrome.storage.local.onChanged.hasListeners(),
    session: chrome.storage.session.onChanged.hasListeners(),
  }));
  expect(listening).toEqual({ anyArea: false, local: true, session: false });
});

/** Every socket URL the worker recorded, all tabs together (unredacted, as persisted). */
async function allRecordedSocketUrls(worker: Worker): Promise<string[]> {
  return worker.evaluate(
    async (socketPrefix) =>
      Object.entries(await chrome.storage.session.get(null))
        .filter(([key]) => key.startsWith(socketPrefix))
        .map(([, socket]) => (socket as { url: string }).url),
    STORAGE_LAYOUT.socketPrefix,
  );
}

/** The match patterns the content scripts are registered for, by script id. */
async function registeredMatches(worker: Worker): Promise<Record<string, string[]>> {
  return worker.evaluate(async () => Object.fromEntries((await chrome.scripting.getRegisteredContentScripts()).map((script) => [script.id, [...(script.matches ?? [])]])));
}

/** Whether the MAIN-world hook was installed in the page (it marks the window with a symbol). */
function hookInstalled(page: Page): Promise<boolean> {
  return page.evaluate(() => Symbol.for('onesocket.hook.installed') in window);
}

/** Stops every service worker, the extension's included, as Chrome does to an idle MV3 worker. */
async function stopServiceWorkers(context: BrowserContext, page: Page): Promise<void> {
  const cdp = await context.newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await cdp.detach();
}

/**
 * Gives the stopped worker an event (a write to storage.local from an extension page), so it
 * starts again. Playwright's handle follows the restarted worker.
 */
async function wakeWorker(context: BrowserContext, extensionId: string): Promise<void> {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/src/options/options.html`);
  await page.evaluate(() => chrome.storage.local.set({ wake: Date.now() }));
  await page.close();
}

test('a site the settings do not watch gets nothing injected; a watched one still records', async ({ context, fixtures, extensionId, serviceWorker }) => {
  const port = new URL(fixtures.origin).port;
  const options = await openSettings(context, extensionId);
  await options.getByRole('textbox', { name: /One per line/ }).fill(`localhost:${port}`);
  await save(options);
  // The worker registers the scripts for the watched host alone.
  await expect.poll(() => registeredMatches(serviceWorker)).toEqual({ 'onesocket-relay': ['*://localhost/*'], 'onesocket-hook': ['*://localhost/*'] });

  const unwatched = await context.newPage();
  await unwatched.goto(`${fixtures.origin}/blank.html?unwatched`);
  await openSockets(unwatched, [streamConnectUrl(fixtures.wsOrigin, 'ursula')]);
  const watched = await context.newPage();
  await watched.goto(`http://localhost:${port}/blank.html?watched`);
  await openSockets(watched, [streamConnectUrl(fixtures.wsOrigin, 'walter')]);

  await expect.poll(() => allRecordedSocketUrls(serviceWorker)).toContainEqual(expect.stringContaining('walter'));
  expect(await hookInstalled(watched)).toBe(true);
  // Not a line of ours ran in the unwatched page: no hook, no relay, no record.
  expect(await hookInstalled(unwatched)).toBe(false);
  expect((await allRecordedSocketUrls(serviceWorker)).filter((url) => url.includes('ursula'))).toEqual([]);

  // Back to every site: the registration follows.
  await options.getByRole('textbox', { name: /One per line/ }).fill('');
  await save(options);
  await expect.poll(() => registeredMatches(serviceWorker)).toEqual({ 'onesocket-relay': ['<all_urls>'], 'onesocket-hook': ['<all_urls>'] });
});

test('a page loaded before the sites were narrowed goes quiet, even when the worker wakes with only the defaults', async ({ context, fixtures, extensionId, serviceWorker, tabIdOf }) => {
  // Loaded while every site is watched: its relay and hook are in.
  const page = await context.newPage();
  await page.goto(`${fixtures.origin}/blank.html?loaded-before`);
  await openSockets(page, [streamConnectUrl(fixtures.wsOrigin, 'before')]);
  const tabId = await tabIdOf(page);
  await expect.poll(async () => (await recordedSockets(serviceWorker, tabId)).length).toBe(1);

  // The worker stops (its ports drop; the relay waits idle), the sites are narrowed (the
  // settings page's write wakes it), and it stops again: the next one starts with the defaults
  // (every site) until storage answers.
  await stopServiceWorkers(context, page);
  // Written as the settings page would, with ballast a build of ours ignores: reading it takes
  // the waking worker long enough that the relay's connection arrives before storage answers.
  const options = await openSettings(context, extensionId);
  await options.evaluate(() => chrome.storage.local.set({ settings: { watchedSites: ['chat.example.invalid'], ballast: 'x'.repeat(6_000_000) } }));
  await options.close();
  await expect.poll(() => registeredMatches(serviceWorker)).toEqual({ 'onesocket-relay': ['*://chat.example.invalid/*'], 'onesocket-hook': ['*://chat.example.invalid/*'] });
  await stopServiceWorkers(context, page);
  await page.waitForTimeout(300);

  // The page opens a socket: its relay holds the event and reconnects, which wakes the worker.
  await openSockets(page, [streamConnectUrl(fixtures.wsOrigin, 'after')]);
  await page.waitForTimeout(1500);
  await wakeWorker(context, extensionId);
  // The worker read the settings before deciding: the page's relay was told to stop, not recorded.
  expect((await recordedSockets(serviceWorker, tabId)).map((socket) => socket.identity.userId)).toEqual(['before']);

  // And it holds nothing: after another restart nothing is resent, and nothing new is sent.
  await stopServiceWorkers(context, page);
  await openSockets(page, [streamConnectUrl(fixtures.wsOrigin, 'later')]);
  await page.waitForTimeout(1000);
  await wakeWorker(context, extensionId);
  expect((await recordedSockets(serviceWorker, tabId)).map((socket) => socket.identity.userId)).toEqual(['before']);
});

test('the built-in Stream rule can be switched off but not removed, and every preset has a name of its own', async ({ context, extensionId }) => {
  const options = await openSettings(context, extensionId);
  const rules = options.getByRole('list', { name: 'Identity rules' });
  await expect(rules.getByRole('button', { name: 'Remove Stream Chat' })).toBeDisabled();
  await expect(rules.getByRole('button', { name: 'Remove Ably' })).toBeEnabled();
  const names = await rules.locator('li strong').allTextContents();
  expect(new Set(names).size).toBe(names.length);
});
