import { createServer } from 'node:net';
import type { BrowserContext, Page } from '@playwright/test';
import { expect } from './extension';

/** The panel's active finding of one rule. */
export function activeFinding(panel: Page, rule: string) {
  return panel.getByRole('region', { name: 'Findings' }).locator(`li[data-rule="${rule}"][data-active="true"]`);
}

/**
 * Follows a finding's "Why and how to fix" link and checks that it opens the rule's own page
 * (docs/rules/<rule>.md, shipped in the extension).
 */
export async function expectRulePageLink(context: BrowserContext, panel: Page, rule: string): Promise<void> {
  const link = activeFinding(panel, rule).getByRole('link', { name: 'Why and how to fix' });
  await expect(link).toHaveAttribute('href', `rule.html?rule=${rule}`);
  const [rulePage] = await Promise.all([context.waitForEvent('page'), link.click()]);
  await expect(rulePage.getByRole('heading', { level: 1 })).toContainText(rule);
  await expect(rulePage.getByRole('heading', { name: 'How to fix it in app code' })).toBeVisible();
  await rulePage.close();
}

/** A local port with nothing listening on it: a connect there is refused at once. */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}
