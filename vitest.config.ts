import { defineConfig } from 'vitest/config';

// Unit tests only: pure core logic and Node-side demo code. Browser tests live in e2e/ (Playwright).
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'demo/**/*.test.{ts,mjs}', 'scripts/**/*.test.{ts,mjs}'],
    environment: 'node',
  },
});
