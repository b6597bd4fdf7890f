import { expect, test } from './support/extension';

test('a rule page renders inside the extension and its links to other rules stay inside it', async ({ context, extensionId }) => {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/src/devtools/rule.html?rule=duplicate-endpoint`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('duplicate-endpoint');
  await page.getByRole('link', { name: 'duplicate-connection' }).first().click();
  await expect(page).toHaveURL(/rule\.html\?rule=duplicate-connection$/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('duplicate-connection');
});
