// The demo shop is dated from today's UTC midnight while its reminders run on the real clock, so
// what the popup lists depends on the hour a test runs at. With the clock set to three hours
// (morning, 16:00 and midnight in the shop's zone), the known unpaid buyer has exactly one open
// nudge, overdue, in the Today list: an end-to-end test can rely on it at any hour.
import { describe, expect, it } from 'vitest';
import { ordersCsv } from '../../../demo/export';
import { demoSeed } from '../../../demo/seed';
import { readOrderExport } from '../../import/read-export';
import { writeSettings } from '../../store/settings';
import { importOrders } from '../import/import-orders';
import { memoryDb } from '../test-helpers';
import { sweepReminders } from './sweep';
import { todayList } from './today';

const SG = 'Asia/Singapore';
const anchor = Date.UTC(2026, 11, 4);
const seed = demoSeed(anchor);
const csv = new TextEncoder().encode(ordersCsv(seed));

describe("the demo shop's unpaid buyer at any hour", () => {
  it.each([1, 8, 16])('at %i:17 UTC has one open nudge, overdue, for the unpaid order', async (hour) => {
    const now = anchor + hour * 3_600_000 + 17 * 60_000;
    const read = readOrderExport(csv, 'orders.csv', { timeZone: SG, currency: 'USD', platform: 'demo' });
    if (!read.ok) throw new Error(read.message);
    const db = memoryDb();
    await writeSettings(db, { timeZone: SG });
    await importOrders(db, read.orders, now);
    await sweepReminders(db, now, undefined, true);
    const order = seed.orders.find((o) => o.handle === seed.known.unpaid && o.status === 'unpaid')!;
    const stored = (await db.orders.toArray()).find((o) => o.orderNo === order.orderNo)!;
    const own = await db.reminders.where('memberId').equals(stored.memberId).toArray();
    expect(own.map((r) => [r.kind, r.state])).toEqual([['unpaid', 'open']]);
    const rows = (await todayList(db, now, { locale: 'en' })).rows.filter((r) => r.orderNo === order.orderNo);
    expect(rows.map((r) => [r.kind, r.section])).toEqual([['unpaid', 'overdue']]);
  });
});
