// The carrier and tracking number of an order, read from the export's own columns in several
// layouts (languages, marketplaces) and kept in the store for the shipping notice.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importOrders } from '../../background/import/import-orders';
import { memoryDb, NOW } from '../../store/test-helpers';
import { readOrderExport, type ReadOptions } from '../read-export';

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`./fixtures/${name}`, import.meta.url)));

interface Variant {
  file: string;
  options: ReadOptions;
  /** Order number → [carrier, tracking number] as stored; undefined where the export left them empty. */
  stored: Record<string, [string | undefined, string | undefined]>;
}

const VARIANTS: Variant[] = [
  {
    // Taobao ExportOrderList (GBK): 物流公司 and 物流单号 written "No:YT…", the prefix dropped.
    file: 'ExportOrderList202603.csv',
    options: { timeZone: 'Asia/Shanghai', currency: 'CNY' },
    stored: { '3301234567890123453': ['圆通速递', 'YT7500000000001'], '3301234567890123456': ['顺丰速运', 'SF1000000000002'], '3301234567890123452': [undefined, undefined] },
  },
  {
    // eBay orders report: "Shipping Service" and "Tracking Number" on the order's row.
    file: 'ebay-orders-report.csv',
    options: { timeZone: 'America/New_York', currency: 'USD' },
    stored: { '12-14421-70211': ['USPS Ground Advantage', '9400100000000000000001'], '05-14430-88124': [undefined, undefined] },
  },
  {
    // Shopee Taiwan (.xlsx, traditional Chinese): the 寄送方式 column names the carrier.
    file: 'Order.all.20260301_20260310.zh-TW.xlsx',
    options: { timeZone: 'Asia/Taipei', currency: 'TWD' },
    stored: { '260304ABCDEF01': ['7-ELEVEN', undefined] },
  },
  {
    // Shopee Malaysia (.xlsx, English): "Shipping Option".
    file: 'Order.all.20260301_20260310.xlsx',
    options: { timeZone: 'Asia/Kuala_Lumpur', currency: 'MYR' },
    stored: { '2603040ABC123': ['J&T Express', undefined] },
  },
];

describe('carrier and tracking number from the export reach the stored order', () => {
  it.each(VARIANTS)('$file', async ({ file, options, stored }) => {
    const read = readOrderExport(fixture(file), file, options);
    if (!read.ok) throw new Error(read.message);
    const db = memoryDb(undefined, undefined, `shipment-${file}`);
    await importOrders(db, read.orders, NOW);
    const orders = await db.orders.toArray();
    for (const [orderNo, [carrier, trackingNo]] of Object.entries(stored)) {
      const order = orders.find((o) => o.orderNo === orderNo);
      expect(order, orderNo).toBeDefined();
      expect([order!.carrier, order!.trackingNo], orderNo).toEqual([carrier, trackingNo]);
    }
  });

  it('a later export without them keeps what an earlier one stored', async () => {
    const file = 'ExportOrderList202603.csv';
    const first = readOrderExport(fixture(file), file, { timeZone: 'Asia/Shanghai', currency: 'CNY' });
    if (!first.ok) throw new Error(first.message);
    const db = memoryDb(undefined, undefined, 'shipment-kept');
    await importOrders(db, first.orders, NOW);
    await importOrders(db, first.orders.map(({ carrier: _c, trackingNo: _t, ...o }) => o), NOW + 60_000);
    const order = (await db.orders.toArray()).find((o) => o.orderNo === '3301234567890123456');
    expect([order?.carrier, order?.trackingNo]).toEqual(['顺丰速运', 'SF1000000000002']);
  });
});
