// A flow script for `onesocket audit --script`: the demo's classic mistake, two StreamChat
// clients for one user (see demo/page/scenarios.ts).
/** @param {{ page: import('@playwright/test').Page }} flow */
export default async ({ page }) => {
  await page.evaluate(() => window.demo.run('two-clients'));
};
