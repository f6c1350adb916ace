// What the import probes (import-memory-probe.ts, import-heap-snapshot.ts) share: a generated
// Shopify export of about MB megabytes, and Chromium with a bench build on a temporary profile, with
// its DevTools port open so the probe can reach the workers; both are removed when the probe ends.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { launchWithExtension, type LaunchedExtension } from '../support/extension';
import { writeShopifyExport } from './shopify';

export interface ProbeLaunch {
  ext: LaunchedExtension;
  /** The export to import, its size in bytes and its order count. */
  file: string;
  bytes: number;
  orders: number;
  userDataDir: string;
  /** Chromium's DevTools port (http://127.0.0.1:PORT/json/list lists the workers). */
  port: string;
}

/** Runs `probe` on a fresh export and browser; `prefix` names the temporary folders. */
export async function withExportAndBrowser(
  prefix: string,
  megabytes: number,
  extensionDir: string,
  probe: (launch: ProbeLaunch) => Promise<void>,
): Promise<void> {
  const dir = await mkdtemp(path.join(tmpdir(), `${prefix}-`));
  const userDataDir = await mkdtemp(path.join(tmpdir(), `${prefix}-profile-`));
  try {
    // About 297 bytes a row in the generated export.
    const orders = Math.ceil((megabytes * 1e6) / 297);
    const file = path.join(dir, 'orders_export.csv');
    const bytes = await writeShopifyExport(file, orders, Math.ceil(orders * 0.4), Date.now());
    const ext = await launchWithExtension({ extensionDir, userDataDir, extraArgs: ['--remote-debugging-port=0'] });
    try {
      const port = (await readFile(path.join(userDataDir, 'DevToolsActivePort'), 'utf8')).split('\n')[0]!;
      await probe({ ext, file, bytes, orders, userDataDir, port });
    } finally {
      await ext.close();
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
    await rm(userDataDir, { recursive: true, force: true });
  }
}

/** Runs a probe's main and exits non-zero with the error when it fails. */
export function runProbe(main: () => Promise<void>): void {
  void main().catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
}

/** Imports `file` through the options page `page`, as a user does, and waits (an hour at most) until it reports the import done. */
export async function importThroughOptions(page: Page, file: string): Promise<void> {
  await page.getByLabel('Import order export', { exact: true }).setInputFiles(file);
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await page.getByRole('status').filter({ hasText: /^\s*Imported/ }).first().waitFor({ timeout: 60 * 60_000 });
}
