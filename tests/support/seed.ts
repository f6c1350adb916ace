// Orders for a test whose point is not the import: the demo shop's export (or the part of it some
// buyers have) read here as the options page reads it, then stored by the messages that page sends
// for an import (a session's batches, then its end a step at a time). The background does what it
// does for any import; only the page's work is left out (opening the options page, reading the
// file), and a test that needs a few buyers stores those few instead of the whole shop. A test of
// the import itself goes through the page (importOrdersThroughOptions).
import { ordersCsv } from '../../demo/export';
import type { DemoSeed } from '../../demo/seed';
import { IMPORT_BATCH, type ImportedOrder } from '../../lib/domain/imported-order';
import { readOrderExport } from '../../lib/import/read-export';
import type { LaunchedExtension } from './extension';
import { send, withExtensionPage } from './protocol';

export interface SeededImport {
  orders: number;
  members: { created: number; matched: number };
}

/** The demo export of the buyers `handles` (every buyer's when absent), read with the shop's zone and currency as the options page reads it. */
export function demoOrders(seed: DemoSeed, shop: { timeZone: string; currency: string }, handles?: readonly string[]): ImportedOrder[] {
  const orders = handles ? seed.orders.filter((o) => handles.includes(o.handle)) : seed.orders;
  if (handles && new Set(orders.map((o) => o.handle)).size !== new Set(handles).size) throw new Error(`No demo orders for some of ${handles.join(', ')}.`);
  const read = readOrderExport(new TextEncoder().encode(ordersCsv({ ...seed, orders })), 'orders.csv', { ...shop, platform: 'demo' });
  if (!read.ok) throw new Error(`The demo export was refused: ${read.message}`);
  if (read.problems.length) throw new Error(`The demo export read with problems: ${JSON.stringify(read.problems.slice(0, 3))}`);
  return read.orders;
}

/** Stores `orders` as one import, by the messages the options page sends, from an extension page of `ext`. */
export function importByMessage(ext: Pick<LaunchedExtension, 'context' | 'extensionId'>, orders: readonly ImportedOrder[]): Promise<SeededImport> {
  return withExtensionPage(ext, async (page) => {
    const session = crypto.randomUUID();
    for (let i = 0; i < orders.length; i += IMPORT_BATCH) {
      await send(page, 'orders.import', { rowsJson: JSON.stringify(orders.slice(i, i + IMPORT_BATCH)), session });
    }
    for (;;) {
      const end = await send<{ more?: boolean; members: SeededImport['members'] }>(page, 'orders.importEnd', { session, step: true });
      if (!end.more) return { orders: orders.length, members: end.members };
    }
  });
}

/** The demo shop's orders of `handles` (all of them when absent) stored in `ext` as an import, read with the shop's settings. */
export async function seedDemoOrders(ext: Pick<LaunchedExtension, 'context' | 'extensionId'>, seed: DemoSeed, handles?: readonly string[]): Promise<SeededImport> {
  const shop = await withExtensionPage(ext, (page) => send<{ timeZone: string; shopCurrency: string }>(page, 'settings.get', {}));
  return importByMessage(ext, demoOrders(seed, { timeZone: shop.timeZone, currency: shop.shopCurrency }, handles));
}
