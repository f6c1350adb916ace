import { defineConfig } from '@playwright/test';

// Tests launch Chromium themselves (tests/support/extension.ts) with the built extension, and
// start the demo site themselves on a random port, so there is no `projects` browser and no webServer.
export default defineConfig({
  testDir: 'tests/e2e',
  // Screenshots for people to look at run only on request: npm run screenshots.
  grepInvert: process.env.SCREENSHOTS ? undefined : /@screenshots/,
  grep: process.env.SCREENSHOTS ? /@screenshots/ : undefined,
  // Each worker runs its own Chromium. One on the two-core machines we run on: the tests are bound
  // by CPU (on two workers every test took twice as long, 680 s summed against 359 s, and the suite
  // 6.5 min against 6.3–7.0 min on one). E2E_WORKERS=2 where there are more cores.
  workers: Number(process.env.E2E_WORKERS ?? 1),
  fullyParallel: false,
  forbidOnly: Boolean(process.env.CI),
  retries: process.env.CI ? 1 : 0,
  reporter: 'list',
  // Gitignored, and Playwright empties it at the start of every run.
  outputDir: 'test-results',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: { headless: true },
});
