import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/browser/**', 'node_modules/**'],
    // the CLI tests spawn bin/zonemap.js, which runs build/cli/ when it is up to date
    globalSetup: ['test/helpers/build-cli.global.ts'],
    testTimeout: 60000,
  },
});
