import type { Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { expect, test } from './support/extension';
import { connectionRows, openSockets, socketDetail } from './support/panel';
import { streamConnectUrl } from './support/streamUrls';

const base64url = (value: object): string => Buffer.from(JSON.stringify(value)).toString('base64url');

/** What the clipboard holds, read the way a person would: paste it into a text field. */
async function pasted(page: Page): Promise<string> {
  const field = await page.evaluateHandle(() => {
    const area = document.createElement('textarea');
    document.body.append(area);
    area.focus();
    return area;
  });
  await page.keyboard.press('ControlOrMeta+V');
  const text = await field.evaluate((area) => (area as HTMLTextAreaElement).value);
  await field.evaluate((area) => (area as HTMLTextAreaElement).remove());
  return text;
}

test('the detail of a socket: redacted URL decoded, payload with privacy settings, token claims, lifecycle, frames, initiator', async ({ context, fixtures, openPanel }) => {
  const page = await context.newPage();
  await page.goto(`${fixtures.origin}/blank.html`);
  const token = `${base64url({ alg: 'HS256', typ: 'JWT' })}.${base64url({ user_id: 'alice', exp: 2_000_000_000 })}.TOP-SECRET-SIGNATURE`;
  const json = encodeURIComponent(JSON.stringify({ user_id: 'alice', user_details: { id: 'alice', privacy_settings: { typing_indicators: { enabled: false } } } }));
  const url = `${fixtures.wsOrigin}/connect?json=${json}&api_key=e2e-key&authorization=${token}`;
  // A named function in the page, so the initiator names the app's code.
  await page.addScriptTag({ content: 'function openChatSocket(url) { window.chat = new WebSocket(url); window.chat.onopen = () => { window.chat.send(JSON.stringify({ type: "typing.start", cid: "messaging:general" })); window.chat.send("plain text ping"); }; }' });
  await page.evaluate((socketUrl) => (window as unknown as { openChatSocket: (url: string) => void }).openChatSocket(socketUrl), url);

  const panel = await openPanel(page);
  // The echo server returns both frames: 2 sent, 2 received.
  await expect(connectionRows(panel).first()).toContainText('2 / 2');
  await page.evaluate(() => (window as unknown as { chat: WebSocket }).chat.close(4001, 'test is done'));
  await expect(connectionRows(panel).first()).toHaveAttribute('data-state', 'closed');
  await connectionRows(panel).first().click();

  const detail = socketDetail(panel);
  await expect(detail.getByRole('region', { name: 'Request URL' })).toContainText('authorization=');
  await expect(detail.getByRole('table', { name: 'Query parameters' })).toContainText('api_key');
  await expect(detail.getByRole('region', { name: 'Connect payload' })).toContainText('Typing indicators');
  await expect(detail.locator('dl[aria-label="Privacy settings"]')).toContainText('off');
  const claims = detail.getByRole('region', { name: 'Token claims' });
  await expect(claims).toContainText('signature redacted');
  await expect(claims).toContainText('"user_id": "alice"');
  await expect(claims).toContainText('2033-05-18T03:33:20.000Z');
  const lifecycle = detail.getByRole('region', { name: 'Lifecycle' });
  await expect(lifecycle).toContainText('Created');
  await expect(lifecycle).toContainText('Open');
  await expect(lifecycle).toContainText('code 4001 “test is done”');
  await expect(panel.locator('body')).not.toContainText('TOP-SECRET-SIGNATURE');
  // Copy URL copies what is shown: the redacted URL.
  await detail.getByRole('button', { name: 'Copy URL' }).click();
  await expect(detail.getByRole('button', { name: /Copy URL/ })).toContainText('copied');
  const copied = await pasted(panel);
  expect(copied).toContain('[REDACTED]');
  expect(copied).not.toContain('TOP-SECRET-SIGNATURE');

  await detail.getByRole('tab', { name: 'Frames (4)' }).click();
  const frames = detail.getByRole('table', { name: 'Frames' }).locator('tbody tr');
  await expect(frames).toHaveCount(4);
  await expect(frames.first()).toContainText('↑ sent');
  await detail.getByRole('searchbox', { name: 'Search frames' }).fill('typing');
  await expect(frames).toHaveCount(2);
  await frames.last().click();
  await expect(detail.getByLabel('Frame data')).toHaveText('{\n  "type": "typing.start",\n  "cid": "messaging:general"\n}');
  await detail.getByRole('button', { name: 'Copy frame' }).click();
  // The clipboard write is asynchronous: wait for it rather than race it.
  await expect.poll(() => pasted(panel)).toBe('{"type":"typing.start","cid":"messaging:general"}');

  await detail.getByRole('tab', { name: 'Initiator' }).click();
  await expect(detail.getByRole('list', { name: 'Creation stack' }).locator('li').first()).toContainText('openChatSocket');
});

test('sorting by a column, filtering, and moving through rows with the keyboard', async ({ context, fixtures, openPanel }) => {
  const page = await context.newPage();
  await page.goto(`${fixtures.origin}/blank.html`);
  await openSockets(page, ['carol', 'alice', 'bob'].map((user) => streamConnectUrl(fixtures.wsOrigin, user)));
  const panel = await openPanel(page);
  const users = connectionRows(panel).locator('td.user');
  await expect(users).toHaveText(['carol', 'alice', 'bob']);

  const userHeader = panel.getByRole('table', { name: 'Connections' }).getByRole('columnheader', { name: 'User' });
  await userHeader.getByRole('button').click();
  await expect(userHeader).toHaveAttribute('aria-sort', 'ascending');
  await expect(users).toHaveText(['alice', 'bob', 'carol']);
  await userHeader.getByRole('button').click();
  await expect(userHeader).toHaveAttribute('aria-sort', 'descending');
  await expect(users).toHaveText(['carol', 'bob', 'alice']);

  const filter = panel.getByRole('searchbox', { name: 'Filter' });
  await filter.fill('user:bob');
  await expect(users).toHaveText(['bob']);
  await filter.fill('is:open -carol');
  await expect(users).toHaveText(['bob', 'alice']);
  await filter.fill('');

  // Keyboard: focus the table body, arrows move the selection (and the detail follows), Esc closes.
  await panel.getByRole('table', { name: 'Connections' }).locator('tbody').focus();
  await panel.keyboard.press('ArrowDown');
  await expect(socketDetail(panel)).toContainText('carol');
  await panel.keyboard.press('ArrowDown');
  await expect(socketDetail(panel)).toContainText('bob');
  await expect(connectionRows(panel).nth(1)).toHaveAttribute('aria-selected', 'true');
  await expect(connectionRows(panel).nth(1)).toBeFocused();
  await panel.keyboard.press('End');
  await expect(socketDetail(panel)).toContainText('alice');
  await panel.keyboard.press('Escape');
  await expect(socketDetail(panel)).toHaveCount(0);
});

test('findings and the timeline select the sockets they are about; overlaps are drawn in the error colour', async ({ context, fixtures, openPanel }) => {
  const page = await context.newPage();
  await page.goto(`${fixtures.origin}/blank.html`);
  await openSockets(page, [streamConnectUrl(fixtures.wsOrigin, 'alice'), streamConnectUrl(fixtures.wsOrigin, 'bob'), streamConnectUrl(fixtures.wsOrigin, 'alice')]);
  const panel = await openPanel(page);
  const finding = panel.getByRole('region', { name: 'Findings' }).locator('li[data-rule="duplicate-connection"]');
  await expect(finding).toHaveAttribute('data-active', 'true');
  await expect(finding.getByRole('link', { name: 'Why and how to fix' })).toHaveAttribute('href', 'rule.html?rule=duplicate-connection');

  await finding.getByRole('button', { name: 'Select socket #3' }).click();
  await expect(socketDetail(panel)).toHaveAccessibleName('Socket #3 details');
  await expect(connectionRows(panel).nth(2)).toHaveAttribute('aria-selected', 'true');

  const timeline = panel.getByRole('region', { name: 'Timeline' });
  const aliceLane = timeline.locator('[data-lane="alice · chat"]');
  await expect(aliceLane.locator('.overlap')).toHaveCount(1);
  await expect(aliceLane.locator('.overlap')).toHaveCSS('background-color', 'rgb(217, 48, 37)');
  await expect(timeline.locator('[data-lane="bob · chat"] .overlap')).toHaveCount(0);
  await timeline.getByRole('button', { name: /^Socket #2, bob · chat:/ }).click();
  await expect(socketDetail(panel)).toHaveAccessibleName('Socket #2 details');

  // Zoom changes the window; Fit brings everything back.
  await timeline.getByRole('button', { name: 'Zoom in' }).click();
  await expect(timeline.getByRole('button', { name: 'Fit' })).toBeEnabled();
  await timeline.getByRole('button', { name: 'Fit' }).click();
  await expect(timeline.getByRole('button', { name: 'Fit' })).toBeDisabled();

  // Closing the extra socket resolves the finding: it stays listed, dimmed.
  await page.evaluate(() => (window as unknown as { held: WebSocket[] }).held[2]?.close());
  await expect(finding).toHaveAttribute('data-active', 'false');
  await expect(finding).toHaveCSS('opacity', '0.55');
});

test('Preserve log keeps earlier pages across a reload, each labelled; Clear forgets what is closed', async ({ context, fixtures, openPanel }) => {
  const page = await context.newPage();
  await page.goto(`${fixtures.origin}/blank.html`);
  await openSockets(page, [streamConnectUrl(fixtures.wsOrigin, 'alice')]);
  const panel = await openPanel(page);
  await expect(connectionRows(panel)).toHaveCount(1);
  await panel.getByRole('checkbox', { name: 'Preserve log' }).check();

  await page.reload();
  await openSockets(page, [streamConnectUrl(fixtures.wsOrigin, 'bob')]);
  await expect(connectionRows(panel)).toHaveCount(2);
  await expect(connectionRows(panel).locator('td.page')).toHaveText([/^1 · /, /^2 · /]);
  // The first page's socket went with its document.
  await expect(connectionRows(panel).first()).toHaveAttribute('data-state', 'closed');
  await expect(connectionRows(panel).first()).toHaveClass(/earlier-page/);

  await panel.getByRole('checkbox', { name: 'Preserve log' }).uncheck();
  await page.reload();
  await expect(connectionRows(panel)).toHaveCount(0);
  await expect(panel.getByRole('heading', { name: 'No WebSocket yet in this tab' })).toBeVisible();

  await openSockets(page, [streamConnectUrl(fixtures.wsOrigin, 'carol'), streamConnectUrl(fixtures.wsOrigin, 'dave')]);
  await expect(connectionRows(panel)).toHaveCount(2);
  await page.evaluate(() => (window as unknown as { held: WebSocket[] }).held[0]?.close());
  await expect(connectionRows(panel).first()).toHaveAttribute('data-state', 'closed');
  await panel.getByRole('button', { name: 'Clear' }).click();
  // The closed socket was log; the one still open is the truth and stays.
  await expect(connectionRows(panel)).toHaveCount(1);
  await expect(connectionRows(panel).locator('td.user')).toHaveText(['dave']);
});

test('thousands of rows: only the rows in view are in the DOM, and the last one can be reached', async ({ context, fixtures, openPanel }) => {
  const page = await context.newPage();
  await page.goto(`${fixtures.origin}/blank.html`);
  const panel = await openPanel(page);
  // A recorded session of 3000 sockets, imported: the table's windowing, without waiting for a
  // page to open that many real sockets.
  const count = 3000;
  const sockets = Array.from({ length: count }, (_, i) => ({
    id: `s${i + 1}`, url: `wss://chat.example/connect?n=${i + 1}`, transport: 'websocket', userId: `user-${i % 40}`, apiKey: 'k', frameUrl: 'https://app.example/',
    openedAt: 1_700_000_000_000 + i * 1000, closedAt: 1_700_000_000_000 + i * 1000 + 500, state: 'closed', closeCode: 1000, closeReason: '',
    messagesSent: 1, messagesReceived: 1, bytesSent: 10, bytesReceived: 10, initiator: null,
  }));
  const report = { format: 'onesocket-report', version: 1, createdAt: new Date(1_700_000_000_000 + count * 1000).toISOString(), tool: { name: 'OneSocket', version: '0.1.0' }, page: { tabId: 1, url: 'https://app.example/' }, sockets, findings: [] };
  await panel.locator('input[type="file"]').setInputFiles({ name: 'big.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(report)) });

  const table = panel.getByRole('table', { name: 'Connections' });
  await expect(table).toHaveAttribute('aria-rowcount', String(count + 1));
  const rendered = await connectionRows(panel).count();
  expect(rendered).toBeGreaterThan(10);
  expect(rendered).toBeLessThan(120);

  await table.locator('tbody').focus();
  await panel.keyboard.press('End');
  const last = table.locator(`tbody tr[aria-rowindex="${count + 1}"]`);
  await expect(last).toBeVisible();
  await expect(last).toBeFocused();
  await expect(last.locator('td').first()).toHaveText(String(count));
  expect(await connectionRows(panel).count()).toBeLessThan(120);
});

test('follows the colour scheme, and the empty state teaches what to do', async ({ context, fixtures, openPanel }) => {
  const page = await context.newPage();
  await page.goto(`${fixtures.origin}/blank.html`);
  const panel = await openPanel(page);
  await expect(panel.getByRole('heading', { name: 'No WebSocket yet in this tab' })).toBeVisible();
  await expect(panel.locator('.empty')).toContainText('reload the page');
  await expect(panel.locator('html')).toHaveAttribute('data-theme', 'light');
  await panel.emulateMedia({ colorScheme: 'dark' });
  await expect(panel.locator('html')).toHaveAttribute('data-theme', 'dark');
});

test('no URL, frame or export holds any part of a token; the claims show only in the token view', async ({ context, fixtures, openPanel }) => {
  const header = base64url({ alg: 'HS256', typ: 'JWT' });
  const claims = base64url({ user_id: 'carol', exp: 2_000_000_000 });
  const token = `${header}.${claims}.CAROL-SIGNATURE`;
  const page = await context.newPage();
  await page.goto(`${fixtures.origin}/blank.html`);
  // A token in the authorization parameter, under another name, in a path segment, and in an auth frame.
  await page.evaluate(
    ({ urls, frame }) => {
      const sockets = urls.map((url) => new WebSocket(url));
      sockets[0]!.onopen = () => sockets[0]!.send(frame);
    },
    {
      urls: [`${fixtures.wsOrigin}/connect?api_key=e2e-key&authorization=${token}`, `${fixtures.wsOrigin}/ws?jwt=${token}`, `${fixtures.wsOrigin}/ws/${token}/feed`],
      frame: JSON.stringify({ type: 'auth', token, note: token }),
    },
  );
  const panel = await openPanel(page);
  await expect(connectionRows(panel)).toHaveCount(3);
  await expect(connectionRows(panel).first()).toContainText('1 / 1');
  await connectionRows(panel).first().click();
  const detail = socketDetail(panel);
  await expect(detail.getByRole('region', { name: 'Token claims' })).toContainText('"user_id": "carol"');
  await expect(detail.getByRole('region', { name: 'Request URL' })).toContainText('authorization=[REDACTED]');
  await detail.getByRole('tab', { name: /^Frames/ }).click();
  await expect(detail.getByRole('table', { name: 'Frames' }).locator('tbody tr')).toHaveCount(2);

  const onScreen = await panel.locator('body').innerText();
  const downloadPromise = panel.waitForEvent('download');
  await panel.getByRole('button', { name: 'Export report' }).click();
  const exported = await readFile(await (await downloadPromise).path(), 'utf8');
  for (const text of [onScreen, exported]) {
    expect(text).toContain('[REDACTED]');
    for (const part of [header, claims, 'CAROL-SIGNATURE']) expect(text).not.toContain(part);
  }
});
