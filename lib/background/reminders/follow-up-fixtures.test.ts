// Each import preset's own fixture, read, imported into a store and evaluated: the follow-ups (回访)
// fall on the days the rule says, counted from delivery when the file has it, else shipping plus
// transit (4 days), else payment plus 7 days; then 15 days, at 11:00-16:00 in the shop's zone, one
// per buyer for their latest order.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ordersCsv } from '../../../demo/export';
import { demoSeed } from '../../../demo/seed';
import { readOrderExport } from '../../import/read-export';
import { importOrders } from '../import/import-orders';
import type { RegularsDb } from '../../store/database';
import { writeSettings } from '../../store/settings';
import { memoryDb } from '../test-helpers';
import { memberCard } from '../members/card';
import { evaluateMembers } from './reminders';
import { sweepReminders } from './sweep';

const SG = 'Asia/Singapore';
const local = (ts: number) => new Date(ts + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../../import/presets/fixtures/${name}`, import.meta.url)));

/** Imports the file, evaluates its members (small imports) or sweeps (big ones) a day after its last order. */
async function followUps(bytes: Uint8Array, name: string, path: 'members' | 'sweep') {
  const read = readOrderExport(bytes, name, { timeZone: SG, currency: 'USD' });
  if (!read.ok) throw new Error(read.message);
  const db: RegularsDb = memoryDb();
  await writeSettings(db, { timeZone: SG });
  const now = Math.max(...read.orders.map((o) => o.placedAt)) + 86_400_000;
  await importOrders(db, read.orders, now);
  if (path === 'members') await evaluateMembers(db, (await db.members.toArray()).map((m) => m.id), now);
  else await sweepReminders(db, now, undefined, true);
  const orders = new Map((await db.orders.toArray()).map((o) => [o.id, o.orderNo]));
  const rows = (await db.reminders.toArray()).filter((r) => r.kind === 'followUp' && r.state === 'open');
  return rows.map((r) => [orders.get(r.orderId!), r.detail, local(r.dueAt)]).sort((a, b) => String(a[0]).localeCompare(String(b[0])));
}

const CASES: [string, (string | undefined)[][]][] = [
  // Shipped 6 Mar (+4 transit, +15); paid 5 Mar, not shipped (+7, +15). harperknits' earlier order gets none.
  ['EtsySoldOrders2026-3.csv', [['3301234502', 'paid', '2026-03-27 11:00'], ['3301234503', 'shipped', '2026-03-27 11:00']]],
  ['EtsySoldOrderItems2026-3.csv', [['3301234501', 'shipped', '2026-03-25 11:00'], ['3301234502', 'paid', '2026-03-27 11:00']]],
  ['EtsySoldOrders2026-3.uk.csv', [['3309000002', 'shipped', '2026-03-02 11:00'], ['3309000003', 'paid', '2026-03-08 11:00']]],
  // tb_lily2026's order of 20 Feb was delivered, but the one of 4 Mar is her latest.
  ['ExportOrderList202603.csv', [['3301234567890123451', 'paid', '2026-03-26 13:06'], ['3301234567890123456', 'paid', '2026-03-28 11:12']]],
  ['Order.all.20260301_20260310.xlsx', [['2603040ABC123', 'paid', '2026-03-26 13:06'], ['2603050DEF456', 'paid', '2026-03-28 11:00']]],
  ['Order.all.20260301_20260310.zh-TW.xlsx', [['260304ABCDEF01', 'paid', '2026-03-26 13:07'], ['260305GHIJKL02', 'paid', '2026-03-28 11:00']]],
  ['shopee-orders-id.csv', [['260301ABCD1', 'paid', '2026-03-23 11:00'], ['260302ABCD2', 'paid', '2026-03-25 11:00']]],
  ['shopee-orders-zh-cn.csv', [['2603010A1', 'paid', '2026-03-23 11:02'], ['2603020B2', 'paid', '2026-03-24 15:31']]],
  ['amazon-order-report.txt', [['113-4410276-1100001', 'paid', '2026-03-27 11:00'], ['113-4410276-1100002', 'paid', '2026-03-28 11:00'], ['113-4410276-1100003', 'paid', '2026-03-29 11:46']]],
  ['ebay-orders-report.csv', [['05-14430-88124', 'paid', '2026-03-28 11:00'], ['12-14421-70211', 'shipped', '2026-03-24 11:00']]],
  // thrift.queen: shipped on 11 Feb, then a paid order on 20 Feb: one follow-up, for the latest.
  ['ebay-sold-listings-legacy.csv', [['21-10002-20002', 'paid', '2026-03-15 11:00']]],
  ['lazada-orders.csv', [['300111222333', 'paid', '2026-03-26 13:05'], ['300111222444', 'paid', '2026-03-27 11:00'], ['300111222555', 'paid', '2026-03-29 11:00']]],
  ['lazada-orders-camel.csv', [['700123456789', 'paid', '2026-03-26 14:02']]],
  ['shopify-orders_export.csv', [['5550001001', 'shipped', '2026-03-24 11:00'], ['5550001004', 'shipped', '2026-03-28 11:00'], ['5550001005', 'shipped', '2026-03-29 11:00']]],
  ['woocommerce-advanced-order-export.csv', [['1201', 'paid', '2026-03-26 13:05'], ['1202', 'paid', '2026-03-27 11:00']]],
  ['woocommerce-billing.csv', [['311', 'paid', '2026-03-26 11:00']]],
  ['woocommerce-keys.csv', [['5001', 'paid', '2026-03-26 13:06']]],
];

describe("follow-ups from each preset's fixture", () => {
  it.each(CASES)('%s gives follow-ups on the expected days', async (name, want) => {
    expect(await followUps(fixture(name), name, 'members')).toEqual(want);
  });

  it.each(CASES)('%s gives the same follow-ups through the sweep after a big import', async (name, want) => {
    expect(await followUps(fixture(name), name, 'sweep')).toEqual(want);
  });

  it('a TikTok export with delivery times counts from the delivery: one follow-up for a buyer with three delivered orders', async () => {
    const header = ordersCsv(demoSeed(Date.UTC(2026, 10, 23))).split(/\r?\n/)[0]!.replace('\uFEFF', '').split(',');
    const row = (values: Record<string, string>) => header.map((h) => values[h] ?? '').join(',');
    const delivered = (id: string, placed: string, shipped: string, deliveredAt: string, amount: string) =>
      row({ 'Order ID': id, 'Order Status': 'Completed', 'Order Substatus': 'Delivered', Quantity: '1', 'Product Name': 'Tee', 'Order Amount': amount, 'Created Time': placed, 'Paid Time': placed, 'Shipped Time': shipped, 'Delivered Time': deliveredAt, 'Buyer Username': 'nadia.k', Recipient: 'Nadia K' });
    const csv = [
      header.join(','),
      delivered('5760001', '03/01/2026 10:00:00 AM', '03/02/2026 9:00:00 AM', '03/05/2026 2:00:00 PM', '20.00'),
      delivered('5760002', '03/03/2026 10:00:00 AM', '03/04/2026 9:00:00 AM', '03/06/2026 2:00:00 PM', '30.00'),
      delivered('5760003', '03/04/2026 10:00:00 AM', '03/05/2026 9:00:00 AM', '03/09/2026 5:30:00 PM', '40.00'),
    ].join('\n');
    const bytes = new TextEncoder().encode(csv);
    // Delivered 9 Mar 17:30 + 15 days = 24 Mar 17:30, after 16:00: the next morning at 11:00.
    expect(await followUps(bytes, 'tiktok.csv', 'members')).toEqual([['5760003', 'delivered', '2026-03-25 11:00']]);
    expect(await followUps(bytes, 'tiktok.csv', 'sweep')).toEqual([['5760003', 'delivered', '2026-03-25 11:00']]);

    // The panel's banners are the card's open reminders: one follow-up among them, before it falls due and after.
    const read = readOrderExport(bytes, 'tiktok.csv', { timeZone: SG, currency: 'USD' });
    if (!read.ok) throw new Error(read.message);
    const db = memoryDb();
    await writeSettings(db, { timeZone: SG });
    const imported = Date.UTC(2026, 2, 10);
    await importOrders(db, read.orders, imported);
    const [member] = await db.members.toArray();
    for (const now of [imported, Date.UTC(2026, 2, 26), Date.UTC(2026, 3, 12)]) {
      await evaluateMembers(db, [member!.id], now);
      const card = await memberCard(db, member!.id, now);
      expect(card!.reminders.filter((r) => r.kind === 'followUp' || r.kind === 'followUp2')).toHaveLength(1);
    }
  });
});
