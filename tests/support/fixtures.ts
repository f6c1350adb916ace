import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test as base } from '@playwright/test';
import type { DemoSeed } from '../../demo/seed';
import { downloadDemoExport, importOrdersThroughOptions, launchWithExtension, type LaunchedExtension } from './extension';
import { resetExtension } from './reuse';

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
  /**
   * Hands out the worker's spare browser for `freshExt`, reset to a new profile's state after its
   * first test; with firstRun 'leave', its first-run questions are left unanswered as well.
   */
  spareExt: (options?: { firstRun?: 'leave' }) => Promise<LaunchedExtension>;
}

interface TestFixtures {
  /** A Chromium + extension with an empty store, as a new profile has it, for this test alone; for tests that need a clean slate. */
  freshExt: LaunchedExtension;
  /** As `freshExt`, the first-run questions not answered yet: a new profile as the user first meets it. */
  firstRunExt: LaunchedExtension;
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

  spareExt: [
    async ({ headless }, use) => {
      let spare: LaunchedExtension | undefined;
      let used = false;
      await use(async ({ firstRun } = {}) => {
        if (!spare) spare = await launchWithExtension({ headless, ...(firstRun && { firstRun }) });
        // Launched with its first run answered: wiped to have it unanswered.
        else if (used || firstRun) await resetExtension(spare, { firstRun });
        used = true;
        return spare;
      });
      await spare?.close();
    },
    { scope: 'worker' },
  ],

  // The worker's spare browser, wiped back to a new profile's state between the tests that use it:
  // launching Chromium anew for each of them cost more than the tests themselves (reuse.ts).
  freshExt: async ({ spareExt }, use) => {
    await use(await spareExt());
  },

  firstRunExt: async ({ spareExt }, use) => {
    await use(await spareExt({ firstRun: 'leave' }));
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
