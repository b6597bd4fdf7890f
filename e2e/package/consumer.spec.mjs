// Not in the repository's typecheck (tsconfig.json excludes e2e/package/): it is typed against
// the package installed in the scratch project, which a fresh clone has not built.
// A team's own Playwright test, as docs/ci.md shows it: it runs in a scratch project that
// installed the packed onesocket package (see e2e/package.spec.ts), never in this repository.
import { test as base, mergeTests } from '@playwright/test';
import { test as oneSocketTest, expect } from 'onesocket/playwright';

// A team that already extends its `test` merges OneSocket's in.
const teamTest = base.extend({
  // eslint-disable-next-line no-empty-pattern
  chatUrl: async ({}, use) => {
    await use(process.env.DEMO_URL);
  },
});
const test = mergeTests(teamTest, oneSocketTest);

test('two clients for one user fail the test', async ({ page, chatUrl, oneSocket }) => {
  await page.goto(chatUrl);
  await page.evaluate(() => window.demo.run('two-clients'));
  await expect(oneSocket).toHaveNoFindings({ severity: 'error' });
});

test('one client per user passes', async ({ page, chatUrl, oneSocket }) => {
  await page.goto(chatUrl);
  await page.evaluate(() => window.demo.run('correct'));
  await expect(oneSocket).toHaveNoFindings({ severity: 'error' });
  // An in-app navigation changes the URL, not the tab OneSocket watches.
  await page.evaluate(() => history.pushState(null, '', '/channels/general'));
  const report = await oneSocket.report();
  expect(report.sockets.map((socket) => socket.userId)).toEqual(['alice']);
  expect(await oneSocket.findings()).toEqual([]);
});

test('the routine fails at the step back to the chat route, naming it', async ({ page, oneSocket }) => {
  test.setTimeout(120_000);
  await page.goto(process.env.ROUTES_APP_URL);
  await oneSocket.routine(page, { routes: ['#/settings', '#/chat'] });
});
