import { defineConfig } from 'vitest/config';

// Checks of the store zips: run after `npm run zip` (npm test does), never with the unit tests.
export default defineConfig({
  test: {
    include: ['tests/package/**/*.test.ts'],
    testTimeout: 120_000,
    // In CI a test that fails is run once more: a red run does not land, and one that passes on its
    // retry is still named in the log (FLAKY: ..., tests/support/flaky-reporter.ts) to be fixed.
    retry: process.env.CI ? 1 : 0,
    reporters: process.env.CI ? ['default', './tests/support/flaky-reporter.ts'] : ['default'],
  },
});
