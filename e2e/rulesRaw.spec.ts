import { expect, test } from './support/extension';
import { activeFinding, closedPort, expectRulePageLink } from './support/rulesPanel';

/**
 * The lint rules a chat SDK usually stops before anything reaches the wire (the Stream SDK
 * refuses a token for another user, for example), reproduced with plain `new WebSocket` in
 * e2e/pages/raw-mistakes.html, as a user sees them in the panel: the finding, its severity, its
 * user, and the link to its rule page.
 */
const MISTAKES = [
  { rule: 'invalid-user-id', severity: 'error', says: 'User id "john.doe smith" has characters Stream does not allow' },
  { rule: 'user-object-too-large', severity: 'error', says: 'User "alice" connects with a 5.9 KB user object' },
  { rule: 'token-user-mismatch', severity: 'error', says: 'User "alice" connects with a token issued for "bob"' },
  { rule: 'token-expired', severity: 'error', says: 'User "alice" connects with a token that expired 60 min earlier' },
  { rule: 'dev-token', severity: 'warning', says: 'User "alice" connects with an unsigned development token' },
  { rule: 'duplicate-endpoint', severity: 'warning', says: '2 connections to ws://127.0.0.1' },
  { rule: 'connection-rejected', severity: 'error', says: 'User "alice" could not connect' },
] as const;

for (const { rule, severity, says } of MISTAKES) {
  test(`${rule}: raised from the raw sockets of the mistake, linked to its rule page`, async ({ context, fixtures, openPanel }) => {
    const page = await context.newPage();
    await page.goto(`${fixtures.origin}/raw-mistakes.html?mistake=${rule}&closedPort=${await closedPort()}`);
    const panel = await openPanel(page);
    const finding = activeFinding(panel, rule);
    await expect(finding).toHaveCount(1);
    await expect(finding).toHaveClass(new RegExp(`severity-${severity}`));
    await expect(finding).toContainText(says);
    // Only this mistake: no other rule fires on it.
    await expect(panel.getByRole('region', { name: 'Findings' }).locator('li[data-active="true"]')).toHaveCount(1);
    await expect(panel.locator('body')).not.toContainText('RAW-SECRET-SIGNATURE');
    await expectRulePageLink(context, panel, rule);
  });
}
