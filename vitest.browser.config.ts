import { defineConfig } from 'vitest/config';

// Browser tests: Playwright drives Debian's Chromium against the built app (dist/), two files at a
// time: each file has its own server and browser, and a file spends most of its time waiting on the
// page, so two share the 2 cores without starving each other (18 min one by one, CI allows 20).
export default defineConfig({
  test: {
    include: ['test/browser/**/*.test.ts'],
    // every test fails on an uncaught error in a page (pageerror)
    setupFiles: ['test/browser/setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: true,
    maxWorkers: 2,
    // expect.poll's own default (1 s) is less than a loaded CI machine takes to show a notice or a
    // figure: a poll that names no timeout waits up to 30 s (it still fails when the thing never comes)
    expect: { poll: { timeout: 30_000, interval: 100 } },
  },
});
