// The settings page closed in the middle of a big import, and the background's worker stopped before
// it could finish the session, or the worker stopped under an open page: what was stored stays, whole. Every stored order has its member, each
// member's order count is its stored orders', and the same file imported again completes the store
// with no order twice.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { NON_SPEND_STATUSES } from '../../lib/domain/types';
import { writeShopifyExport } from '../bench/shopify';
import type { LaunchedExtension } from '../support/extension';
import { expect, test } from '../support/fixtures';
import { stopBackground } from '../support/stop-worker';

const ORDERS = 10_000;
const MEMBERS = 3_000;

interface Stored {
  orders: number;
  members: number;
  /** Orders whose member is not in the store. */
  orphans: number;
  /** Members whose order count is not the number of their stored orders that count (not refunded, not cancelled…). */
  miscounted: number;
}

/** How many orders the store holds (a count: the poll below must not slow the import it waits on). */
function orderCount(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('regulars');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const count = open.result.transaction('orders').objectStore('orders').count();
          count.onsuccess = () => (resolve(count.result), open.result.close());
          count.onerror = () => reject(count.error);
        };
      }),
  );
}

/** What the store holds, read straight from IndexedDB by an extension page (the store's own origin). */
function stored(page: Page): Promise<Stored> {
  return page.evaluate(
    (nonSpend) =>
      new Promise<Stored>((resolve, reject) => {
        const open = indexedDB.open('regulars');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction(['orders', 'members'], 'readonly');
          const orders = tx.objectStore('orders').getAll();
          const members = tx.objectStore('members').getAll();
          tx.oncomplete = () => {
            const perMember = new Map<string, number>();
            const counted = new Map<string, number>();
            for (const o of orders.result as { memberId: string; status: string }[]) {
              perMember.set(o.memberId, (perMember.get(o.memberId) ?? 0) + 1);
              if (!nonSpend.includes(o.status)) counted.set(o.memberId, (counted.get(o.memberId) ?? 0) + 1);
            }
            const rows = members.result as { id: string; orderCount: number }[];
            const ids = new Set(rows.map((m) => m.id));
            resolve({
              orders: orders.result.length,
              members: rows.length,
              orphans: [...perMember].filter(([id]) => !ids.has(id)).reduce((n, [, count]) => n + count, 0),
              miscounted: rows.filter((m) => m.orderCount !== (counted.get(m.id) ?? 0)).length,
            });
            open.result.close();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    [...NON_SPEND_STATUSES] as string[],
  );
}

/**
 * The export written to a temporary folder, a second settings page open already (it asks nothing
 * while the import runs), and the import started from a settings page of its own; once the first
 * batch is stored, that page is closed. `run` gets the other page, the file and the settings' address.
 */
async function cutShort(ext: LaunchedExtension, run: (other: Page, file: string, url: string) => Promise<void>) {
  const dir = await mkdtemp(path.join(tmpdir(), 'regulars-closed-'));
  try {
    const file = path.join(dir, 'orders_export.csv');
    await writeShopifyExport(file, ORDERS, MEMBERS, Date.now());
    const url = `chrome-extension://${ext.extensionId}/options.html`;
    const other = await ext.context.newPage();
    await other.goto(url);
    await expect(other.getByText('0 members · 0 orders in your master file')).toBeVisible();
    const options = await ext.context.newPage();
    await options.goto(`${url}?streamAbove=1`);
    await options.getByLabel('Import order export', { exact: true }).setInputFiles(file);
    await options.getByRole('button', { name: 'Import', exact: true }).click();
    await expect.poll(() => orderCount(options), { timeout: 60_000, intervals: [50] }).toBeGreaterThan(0);
    await options.close();
    await run(other, file, url);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

test('a big import cut short by closing the settings page and a stopped worker keeps what it stored, whole; the same file again completes it', async ({ freshExt }) => {
  await cutShort(freshExt, async (other, file, url) => {
    // The page went away mid-import, and the worker goes with it.
    await stopBackground(other);

    // The worker starts again (the page asks it for its settings) and brings the cut session's members up to date.
    await other.reload();
    await expect(other.getByText(/members · [\d,]+ orders in your master file/)).toBeVisible();
    await expect
      .poll(async () => {
        const s = await stored(other);
        return s.orphans === 0 && s.miscounted === 0 ? s : `${s.orphans} orders without their member, ${s.miscounted} members miscounted`;
      })
      .toMatchObject({ orphans: 0, miscounted: 0 });
    const cut = await stored(other);
    expect(cut.orders).toBeGreaterThan(0);
    expect(cut.orders).toBeLessThan(ORDERS);
    await expect(other.getByText(`in your master file`)).toContainText(`${cut.members.toLocaleString('en-US')} members · ${cut.orders.toLocaleString('en-US')} orders`);

    // The same file again: what was stored is recognised, the rest is added.
    await other.goto(`${url}?streamAbove=1`);
    await other.getByLabel('Import order export', { exact: true }).setInputFiles(file);
    await other.getByRole('button', { name: 'Import', exact: true }).click();
    const status = other.getByRole('status').filter({ hasText: /^\s*Imported/ });
    await expect(status).toContainText(`Imported ${ORDERS.toLocaleString('en-US')} orders`, { timeout: 90_000 });
    await expect(status).toContainText(`${(ORDERS - cut.orders).toLocaleString('en-US')} new, 0 updated, ${cut.orders.toLocaleString('en-US')} unchanged orders`);
    expect(await stored(other)).toEqual({ orders: ORDERS, members: MEMBERS, orphans: 0, miscounted: 0 });
  });
});

test('the settings page closed mid-import, the worker left running: the background stops reading and writes the stored orders\' members within seconds', async ({ freshExt }) => {
  await cutShort(freshExt, async (other) => {
    // The page's port closed with it: no wait for it to stop asking (20 s, PAGE_GONE_MS), which a tab
    // hidden for 5 minutes may do while it is still there (its timers then run once a minute).
    await expect
      .poll(async () => {
        const s = await stored(other);
        return s.members > 0 && s.orphans === 0 && s.miscounted === 0 ? 'written' : s;
      }, { timeout: 8_000 })
      .toBe('written');
    const cut = await stored(other);
    expect(cut.orders).toBeLessThan(ORDERS);
    await expect(other.getByText('in your master file')).toContainText(`${cut.members.toLocaleString('en-US')} members · ${cut.orders.toLocaleString('en-US')} orders`);
  });
});

test('the worker stopped mid-file with the settings page open: what it stored is kept, whole, and the page says so, names the file and what to do', async ({ freshExt }) => {
  const dir = await mkdtemp(path.join(tmpdir(), 'regulars-stopped-'));
  try {
    const file = path.join(dir, 'orders_export.csv');
    await writeShopifyExport(file, ORDERS, MEMBERS, Date.now());
    const options = await freshExt.context.newPage();
    await options.goto(`chrome-extension://${freshExt.extensionId}/options.html?streamAbove=1`);
    await options.getByLabel('Import order export', { exact: true }).setInputFiles(file);
    await options.getByRole('button', { name: 'Import', exact: true }).click();
    await expect.poll(() => orderCount(options), { timeout: 60_000, intervals: [50] }).toBeGreaterThan(0);
    const blank = await freshExt.context.newPage();
    await blank.goto(`chrome-extension://${freshExt.extensionId}/manifest.json`);
    await stopBackground(blank);

    const alert = options.getByRole('alert');
    await expect(alert).toContainText('The import stopped in the middle of orders_export.csv: the browser stopped Regulars’ background.', { timeout: 20_000 });
    const kept = await stored(options);
    expect(kept).toMatchObject({ orphans: 0, miscounted: 0 });
    expect(kept.orders).toBeGreaterThan(0);
    expect(kept.orders).toBeLessThan(ORDERS);
    await expect(alert).toHaveText(
      'The import stopped in the middle of orders_export.csv: the browser stopped Regulars’ background. The orders stored before it stopped are kept, each with its buyer '
      + `(${kept.members.toLocaleString('en-US')} new members, 0 existing members matched). Import the same file again to add the rest: orders already stored are recognised, not added twice.`,
    );
    await expect(options.getByText('in your master file')).toContainText(`${kept.members.toLocaleString('en-US')} members · ${kept.orders.toLocaleString('en-US')} orders`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
