import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    environment: 'node',
    // The CLI tests start `node bin/rrs.mjs` and run whole scenarios, which takes seconds each on two
    // busy cores. These limits leave room for that and still end a hung run.
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
});
