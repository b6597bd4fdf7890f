import { defineConfig } from '@playwright/test';

// Browser tests: Chromium with the built extension (dist/) loaded. `npm run test:e2e` builds first.
export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  timeout: 45_000,
  expect: { timeout: 5_000 },
  fullyParallel: false,
  workers: process.env.CI ? 1 : 2,
  retries: 0,
  reporter: [['list']],
  use: { trace: 'off' },
});
