// A flow script that fails the way a real one does when the app changed under it.
/** @param {{ page: import('@playwright/test').Page }} flow */
export default async ({ page }) => {
  await page.getByRole('button', { name: 'A button this page does not have' }).click({ timeout: 500 });
};
