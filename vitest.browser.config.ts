import { defineConfig } from 'vitest/config';

// Browser tests: Playwright drives Debian's Chromium against the built app (dist/), one file at a time.
export default defineConfig({
  test: {
    include: ['test/browser/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
