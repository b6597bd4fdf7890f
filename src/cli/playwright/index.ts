/**
 * `onesocket/playwright`: OneSocket in a team's own Playwright suite.
 *
 *   import { test, expect } from 'onesocket/playwright';
 *   test('one socket per user', async ({ page, oneSocket }) => {
 *     await page.goto('/chat');
 *     await expect(oneSocket).toHaveNoFindings({ severity: 'error' });
 *   });
 *
 * The test's `context` is a persistent Chromium context with the extension loaded (extensions
 * need one), its `page` the context's first tab. Each test that used `oneSocket` gets the
 * report attached (JSON and Markdown). Teams with their own `test` merge this one:
 * `mergeTests(theirTest, test)` and `mergeExpects(theirExpect, expect)`. See docs/ci.md.
 */
import { expect as baseExpect, test as base, type BrowserContext } from '@playwright/test';
import type { ReportFinding } from '../../core/report';
import { reportMarkdown } from '../../core/reportMarkdown';
import { DEFAULT_SETTINGS } from '../../core/settings/defaults';
import { mergeSettings } from '../../core/settings/mergeSettings';
import type { Settings, Severity } from '../../core/types';
import { launchOneSocket } from '../browserSession';
import { rulePagePath } from '../packageRoot';
import { describeFindings } from './describeFindings';
import { createOneSocket, type OneSocket } from './oneSocket';

export type { OneSocket } from './oneSocket';
export type { Report, ReportFinding, ReportSocket } from '../../core/report';
export type { Settings, Severity } from '../../core/types';

export interface OneSocketOptions {
  /** Settings fields over the defaults (limit profile, grace window, identity rules...). */
  oneSocketSettings: Partial<Settings> | undefined;
}

export interface OneSocketFixtures {
  oneSocket: OneSocket;
}

export const test = base.extend<OneSocketFixtures & OneSocketOptions & { oneSocketResolvedSettings: Settings }>({
  oneSocketSettings: [undefined, { option: true }],
  oneSocketResolvedSettings: async ({ oneSocketSettings }, use) => {
    await use(oneSocketSettings ? mergeSettings({ ...DEFAULT_SETTINGS, ...oneSocketSettings }) : DEFAULT_SETTINGS);
  },
  context: async ({ headless, oneSocketResolvedSettings }, use) => {
    const browser = await launchOneSocket({ headless, settings: oneSocketResolvedSettings });
    await use(browser.context);
    await browser.close();
  },
  page: async ({ context }, use) => {
    await use(context.pages()[0] ?? (await context.newPage()));
  },
  oneSocket: async ({ context, page, oneSocketResolvedSettings }, use, testInfo) => {
    const worker = await extensionWorker(context);
    const oneSocket = createOneSocket(page, worker, oneSocketResolvedSettings);
    await use(oneSocket);
    // The report of what the test saw, in Playwright's HTML report and test results.
    const report = await oneSocket.report();
    await testInfo.attach('onesocket-report.json', { body: JSON.stringify(report, null, 2), contentType: 'application/json' });
    await testInfo.attach('onesocket-report.md', { body: reportMarkdown(report), contentType: 'text/markdown' });
  },
});

async function extensionWorker(context: BrowserContext) {
  return context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
}

export const expect = baseExpect.extend({
  /**
   * Passes when the page raised no finding at or above `severity` (default error), once the
   * record has settled. The failure message lists each finding with its rule page.
   */
  async toHaveNoFindings(oneSocket: OneSocket, options: { severity?: Severity; timeout?: number } = {}) {
    const severity = options.severity ?? 'error';
    await oneSocket.waitForSettled(options.timeout === undefined ? {} : { timeout: options.timeout });
    const found: ReportFinding[] = await oneSocket.findings({ severity });
    const pass = found.length === 0;
    const scope = severity === 'info' ? 'no finding' : `no finding of severity ${severity}${severity === 'warning' ? ' or error' : ''}`;
    const message = pass
      ? () => `${this.utils.matcherHint('toHaveNoFindings', 'oneSocket', '', { isNot: this.isNot })}\n\nExpected a OneSocket finding, but the page raised ${scope}.`
      : () =>
          `${this.utils.matcherHint('toHaveNoFindings', 'oneSocket', '', { isNot: this.isNot })}\n\nExpected ${scope}; OneSocket raised ${found.length}:\n${describeFindings(found, rulePagePath)}`;
    return { pass, message, name: 'toHaveNoFindings' };
  },
});
