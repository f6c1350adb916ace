// A Shopify orders_export.csv of any size, in the exact columns of the real export (taken from our
// fixture's header), one row per line item with the order's fields only on its first row.
import { createWriteStream, readFileSync } from 'node:fs';
import { once } from 'node:events';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { mulberry32 } from '../../demo/seed';

const FIXTURE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../lib/import/presets/fixtures/shopify-orders_export.csv');

/** The export's lines, header first: a file of hundreds of MB is written a line at a time, never held whole. */
export function* shopifyLines(orders: number, members: number, now: number, seed = 7): Generator<string> {
  const header = readFileSync(FIXTURE, 'utf8').replace(/^\uFEFF/, '').split(/\r?\n/)[0]!;
  const cols = header.split(',');
  const at = (name: string) => cols.indexOf(name);
  const rand = mulberry32(seed);
  const iso = (t: number) => new Date(t).toISOString().replace('T', ' ').replace(/\.\d+Z$/, ' +0000');
  yield header;
  for (let i = 0; i < orders; i++) {
    const m = i < members ? i : Math.floor(Math.pow(rand(), 2.2) * members);
    const placed = now - Math.floor(rand() * 730 * 86_400_000);
    const items = 1 + Math.floor(rand() * 2.2);
    const prices = Array.from({ length: items }, () => 5 + Math.floor(rand() * 120));
    const total = prices.reduce((a, b) => a + b, 0) + 5;
    const status = rand() < 0.92 ? 'paid' : rand() < 0.5 ? 'pending' : 'refunded';
    for (let k = 0; k < items; k++) {
      const row = new Array<string>(cols.length).fill('');
      row[at('Name')] = `#${100000 + i}`;
      row[at('Lineitem quantity')] = '1';
      row[at('Lineitem name')] = `Item ${(i + k) % 300}`;
      row[at('Lineitem price')] = `${prices[k]}.00`;
      row[at('Lineitem sku')] = `SKU-${(i + k) % 300}`;
      if (k === 0) {
        row[at('Email')] = `buyer${m}@example.com`;
        row[at('Financial Status')] = status;
        row[at('Paid at')] = status === 'pending' ? '' : iso(placed + 60_000);
        row[at('Fulfillment Status')] = status === 'paid' ? 'fulfilled' : 'unfulfilled';
        row[at('Currency')] = 'USD';
        row[at('Subtotal')] = `${total - 5}.00`;
        row[at('Shipping')] = '5.00';
        row[at('Total')] = `${total}.00`;
        row[at('Created at')] = iso(placed);
        row[at('Billing Name')] = `Buyer ${m}`;
        row[at('Billing Phone')] = `+1 415 ${String(1000000 + m).slice(-7)}`;
      }
      yield row.join(',');
    }
  }
}

export function shopifyExport(orders: number, members: number, now: number, seed = 7): string {
  return [...shopifyLines(orders, members, now, seed)].join('\n') + '\n';
}

/** Writes the export to `file`; resolves to its size in bytes. */
export async function writeShopifyExport(file: string, orders: number, members: number, now: number, seed = 7): Promise<number> {
  const out = createWriteStream(file);
  let bytes = 0;
  for (const line of shopifyLines(orders, members, now, seed)) {
    bytes += Buffer.byteLength(line) + 1;
    if (!out.write(`${line}\n`)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return bytes;
}
