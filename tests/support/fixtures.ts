import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test as base } from '@playwright/test';
import type { DemoSeed } from '../../demo/seed';
import { downloadDemoExport, importOrdersThroughOptions, launchWithExtension, type LaunchedExtension } from './extension';

export { expect } from '@playwright/test';

export interface DemoSite {
  url: string;
  port: number;
  seed: DemoSeed;
}

interface WorkerFixtures {
  /** The demo marketplace on a random loopback port, one per worker. */
  demo: DemoSite;
  /** Chromium with the built extension and a temporary profile, one per worker (tests share its store). */
  ext: LaunchedExtension;
  /** The demo export imported into `ext` through the options page, once per worker; the status text. */
  demoImported: string;
  /** A closed profile whose first-run questions were answered (as `ext`'s are), copied for each `freshExt`. */
  answeredProfile: string;
}

interface TestFixtures {
  /** A Chromium + extension of this test's own, with an empty store; for tests that need a clean slate. */
  freshExt: LaunchedExtension;
}

/**
 * `context` and `page` come from the worker's extension browser (Playwright's bundled browser isn't
 * used), so `page` is a new tab beside the extension, closed after the test.
 */
export const test = base.extend<TestFixtures, WorkerFixtures>({
  demo: [
    async ({}, use) => {
      // Imported lazily so that specs which don't need the demo site don't load it.
      const { startDemoServer } = await import('../../demo/server');
      const server = await startDemoServer({ port: 0, host: '127.0.0.1' });
      await use({ url: server.url, port: server.port, seed: server.seed });
      await server.close();
    },
    { scope: 'worker' },
  ],

  ext: [
    async ({ headless }, use) => {
      const ext = await launchWithExtension({ headless });
      await use(ext);
      await ext.close();
    },
    { scope: 'worker' },
  ],

  demoImported: [
    async ({ demo, ext }, use) => {
      const dir = await mkdtemp(path.join(tmpdir(), 'regulars-export-'));
      try {
        const file = await downloadDemoExport(demo.url, dir);
        await use(await importOrdersThroughOptions(ext.context, ext.extensionId, file, 'demo'));
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
    { scope: 'worker' },
  ],

  answeredProfile: [
    async ({ headless }, use) => {
      const dir = await mkdtemp(path.join(tmpdir(), 'regulars-answered-'));
      try {
        await (await launchWithExtension({ headless, userDataDir: dir })).close();
        await use(dir);
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
    // Its own time, not taken from the first test that asks for a fresh browser.
    { scope: 'worker', timeout: 60_000 },
  ],

  // A copy of the answered profile: its store is empty like a new one's, and opening the options
  // page to answer the first run again for every test cost about as much as starting Chromium.
  freshExt: async ({ headless, answeredProfile }, use) => {
    const dir = await mkdtemp(path.join(tmpdir(), 'regulars-profile-'));
    try {
      await cp(answeredProfile, dir, { recursive: true });
      const ext = await launchWithExtension({ headless, userDataDir: dir, firstRun: 'leave' });
      await use(ext);
      await ext.close();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  },

  context: async ({ ext }, use) => {
    await use(ext.context);
  },

  page: async ({ context }, use) => {
    const page = await context.newPage();
    await use(page);
    await page.close();
  },
});
