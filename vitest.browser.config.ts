import { defineConfig } from 'vitest/config';

// Browser tests: Playwright drives Debian's Chromium against the built app (dist/), two files at a
// time, each with its own server and browser. They are CPU-bound (WebGL drawn by SwiftShader), so
// what counts is the CPU a file takes: a file loads the app once where its tests allow (harness.ts,
// sharePage). Clean-clone CI of 2880598: 626 s for the browser files, 865 s in all (CI allows 20 min).
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
