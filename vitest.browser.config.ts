import { defineConfig } from 'vitest/config';

// Browser tests: Playwright drives Debian's Chromium against the built app (dist/), one file at a time.
export default defineConfig({
  test: {
    include: ['test/browser/**/*.test.ts'],
    // every test fails on an uncaught error in a page (pageerror)
    setupFiles: ['test/browser/setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
