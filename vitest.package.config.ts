import { defineConfig } from 'vitest/config';

// Checks of the store zips: run after `npm run zip` (npm test does), never with the unit tests.
export default defineConfig({
  test: { include: ['tests/package/**/*.test.ts'], testTimeout: 120_000 },
});
