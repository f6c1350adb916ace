import { defineConfig } from '@playwright/test';

// Tests launch Chromium themselves (tests/support/extension.ts) with the built extension, and
// start the demo site themselves on a random port, so there is no `projects` browser and no webServer.
export default defineConfig({
  testDir: 'tests/e2e',
  // Screenshots for people to look at run only on request: npm run screenshots.
  grepInvert: process.env.SCREENSHOTS ? undefined : /@screenshots/,
  grep: process.env.SCREENSHOTS ? /@screenshots/ : undefined,
  // Each worker runs its own Chromium, profile, demo site and team server (random loopback ports,
  // temporary profiles), so specs never share state. The machines we run on have two cores, and
  // most of an end-to-end test is waiting (a page, the worker, a sync), so two workers keep both
  // busy. E2E_WORKERS=1 runs them one at a time.
  workers: Number(process.env.E2E_WORKERS) || 2,
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
