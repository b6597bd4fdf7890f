// A flow script for `onesocket audit --script`: the demo's correct pattern, one client per user.
/** @param {{ page: import('@playwright/test').Page }} flow */
export default async ({ page }) => {
  await page.evaluate(() => window.demo.run('correct'));
};
