import { defineConfig } from 'vitest/config';

// Unit tests only: pure core logic, Node-side demo code and the bench's build variants. Browser tests live in e2e/ (Playwright).
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'demo/**/*.test.{ts,mjs}', 'scripts/**/*.test.{ts,mjs}', 'bench/**/*.test.ts'],
    environment: 'node',
  },
});
