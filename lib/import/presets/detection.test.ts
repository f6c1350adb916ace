import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ordersCsv } from '../../../demo/export';
import { demoSeed } from '../../../demo/seed';
import { decodeBytes } from '../decode';
import { parseTable, tableFromRows, type Table } from '../table';
import { isZip, readXlsx } from '../xlsx';
import { detectPreset, nearestPreset, presetColumns, presetMatches, PRESETS } from './index';

const DIR = new URL('./fixtures/', import.meta.url);

/** Each fixture and the one preset that must claim it. */
const EXPECTED: Record<string, string> = {
  'shopify-orders_export.csv': 'shopify-orders',
  'woocommerce-advanced-order-export.csv': 'woocommerce-orders',
  'woocommerce-billing.csv': 'woocommerce-orders',
  'woocommerce-keys.csv': 'woocommerce-orders',
  'EtsySoldOrders2026-3.csv': 'etsy-sold-orders',
  'EtsySoldOrderItems2026-3.csv': 'etsy-sold-order-items',
  'ebay-orders-report.csv': 'ebay-orders',
  'amazon-order-report.txt': 'amazon-orders',
  'amazon-all-orders.txt': 'amazon-all-orders',
  'ExportOrderList202603.csv': 'taobao-orders',
  'ExportOrderDetailList202603.csv': 'taobao-order-items',
  'Order.all.20260301_20260310.xlsx': 'shopee-orders',
  'Order.all.20260301_20260310.zh-TW.xlsx': 'shopee-orders',
  'lazada-orders.csv': 'lazada-orders',
  'lazada-orders-camel.csv': 'lazada-orders',
  'ebay-sold-listings-legacy.csv': 'ebay-orders',
  'shopee-orders-id.csv': 'shopee-orders',
  'shopee-orders-zh-cn.csv': 'shopee-orders',
  'EtsySoldOrders2026-3.uk.csv': 'etsy-sold-orders',
  'shopify-orders_export.72-columns.csv': 'shopify-orders',
  'shopify-orders_export.76-columns.csv': 'shopify-orders',
  'shopify-orders_export.docs-columns.csv': 'shopify-orders',
  'ExportOrderList201809011818.csv': 'taobao-orders',
  'ExportOrderList.61-columns.xlsx': 'taobao-orders',
  'tiktok-orders-vn.csv': 'tiktok-orders',
};

const claims = (headers: string[]) => PRESETS.filter((p) => presetMatches(p, headers)).map((p) => p.id);
const isHeader = (cells: string[]) => claims(cells).length > 0;

function tableOf(bytes: Uint8Array): Table {
  return isZip(bytes) ? tableFromRows(readXlsx(bytes), '', isHeader) : parseTable(decodeBytes(bytes).text, isHeader);
}

const fixtures = readdirSync(DIR).filter((name) => /\.(csv|txt|xlsx)$/.test(name));
const tables: [string, Table][] = [
  ...fixtures.map((name) => [name, tableOf(new Uint8Array(readFileSync(new URL(name, DIR))))] as [string, Table]),
  ['TikTok demo export', parseTable(ordersCsv(demoSeed(Date.UTC(2026, 10, 23))))],
];

describe('which preset claims which file', () => {
  it('every fixture has its expected preset, and every preset has a fixture', () => {
    expect(fixtures.sort()).toEqual(Object.keys(EXPECTED).sort());
    const covered = new Set(Object.values(EXPECTED));
    expect(PRESETS.map((p) => p.id).filter((id) => !covered.has(id))).toEqual([]);
  });

  it.each(tables)('%s is claimed by exactly one preset, the right one', (name, table) => {
    const want = EXPECTED[name] ?? 'tiktok-orders';
    expect(claims(table.headers)).toEqual([want]);
    expect(detectPreset(table)?.id).toBe(want);
  });

  it('preset ids are unique and no signature names a buyer column (a file without one must still be recognised, then refused by name)', () => {
    expect(new Set(PRESETS.map((p) => p.id)).size).toBe(PRESETS.length);
    const buyerColumns = /e-?mail|phone|手机|電話|buyer user|username|会员名|帳號|customer name/i;
    expect(PRESETS.filter((p) => p.id !== 'tiktok-orders').flatMap((p) => p.signature.flatMap((key) => p.columns[key]!.filter((s) => buyerColumns.test(s))))).toEqual([]);
  });
});

describe('the columns the preview shows for each preset', () => {
  it.each(tables)('%s: order number, amount and date come from columns the file has', (name, table) => {
    const preset = detectPreset(table)!;
    // Only the Taobao item list has no fields: alone it can't be imported (no buyer, no total).
    if (!preset.fields) return void expect(preset.id).toBe('taobao-order-items');
    const fields = Object.fromEntries(presetColumns(preset, table.headers));
    expect(Object.keys(fields)).toEqual(expect.arrayContaining(['orderNo', 'amount', 'date']));
    for (const header of Object.values(fields)) expect(table.headers.map((h) => h.trim())).toContain(header);
    // Every file that identifies its buyers shows the column it reads them from (Amazon's All
    // Orders report has none: it is refused by name unless the user maps one).
    expect(['buyer', 'phone', 'email'].some((f) => f in fields)).toBe(name !== 'amazon-all-orders.txt');
  });
});

describe('a file that nearly matches a known export', () => {
  const ebay = tables.find(([name]) => name === 'ebay-orders-report.csv')![1];
  // A hand-edited report: "Total Price" renamed, nothing else changed.
  const renamed = ebay.headers.map((h) => (h === 'Total Price' ? 'Order Total (USD)' : h));

  it('is no known export, but the nearest one is named with the column it lacks', () => {
    expect(detectPreset({ headers: renamed })).toBeUndefined();
    const near = nearestPreset(renamed)!;
    expect(near.preset.id).toBe('ebay-orders');
    expect(near.missing).toEqual(['Total Price']);
    expect(Object.fromEntries(near.columns)).toEqual({ orderNo: 'Order Number', buyer: 'Buyer Username', email: 'Buyer Email', phone: 'Ship To Phone', date: 'Sale Date' });
  });

  it.each(tables)('%s itself is a full match, never a near one', (_name, table) => {
    expect(nearestPreset(table.headers)).toBeUndefined();
  });

  it('a sheet with only a column or two in common with any export is not near anything', () => {
    expect(nearestPreset(['Ref No', 'Customer Handle', 'Mobile', 'Paid Total', 'Order Time', 'State'])).toBeUndefined();
    expect(nearestPreset(['Order ID', 'Customer', 'Total'])).toBeUndefined();
  });
});
