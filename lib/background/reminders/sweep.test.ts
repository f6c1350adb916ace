import { describe, expect, it } from 'vitest';
import { keysOf, onCommitted } from '../../store/changes';
import { writeSettings } from '../../store/settings';
import { importOrders } from '../import/import-orders';
import { memoryDb, NOW, order } from '../test-helpers';
import { STORE_SLICE } from './reminders';
import { indexOfId, recentOrders, sweepReminders } from './sweep';

const HOUR = 3_600_000;

it('the sweep after a big import makes its reminders a slice at a time: a read of reminders (Today) gets through between slices, and every reminder is made', async () => {
  // Its own name: the files of a worker share the change stream, and another file's store may still write.
  const db = memoryDb(undefined, undefined, 'sweep-slices');
  await writeSettings(db, { timeZone: 'Asia/Singapore' });
  const buyers = STORE_SLICE + 100;
  await importOrders(db, Array.from({ length: buyers }, (_, i) => order({ orderNo: `u${i}`, status: 'unpaid', placedAt: NOW - HOUR, buyer: { handle: `buyer_${i}` } })), NOW);
  const slices: number[] = [];
  let seenBetween: Promise<number> | undefined;
  const stop = onCommitted((change) => {
    const made = change.db === db.name ? (keysOf(change, 'reminders')?.size ?? 0) : 0;
    if (!made) return;
    slices.push(made);
    seenBetween ??= db.reminders.count(); // asked as the first slice commits, as Today would be
  });
  try {
    const swept = await sweepReminders(db, NOW, undefined, true);
    expect(swept.created).toBe(buyers);
  } finally {
    stop();
  }
  expect(slices).toEqual([STORE_SLICE, 100]);
  expect(await seenBetween).toBe(STORE_SLICE); // answered before the second slice was written
  expect(await db.reminders.count()).toBe(buyers);
});

it('a sweep that finds every reminder it proposes made already holds the reminders for writing in no transaction (a Done, Today or the next check never wait for it)', async () => {
  const db = memoryDb();
  await writeSettings(db, { timeZone: 'Asia/Singapore' });
  await importOrders(db, Array.from({ length: 600 }, (_, i) => order({ orderNo: `p${i}`, placedAt: NOW - 20 * 24 * HOUR, buyer: { handle: `buyer_${i}` } })), NOW);
  // Birthdays in a few days: every sweep proposes their greetings again.
  await db.members.toCollection().modify((m) => void (m.profile = { ...m.profile, birthday: '11-26' }));
  const made = (await sweepReminders(db, NOW)).created;
  expect(made).toBeGreaterThanOrEqual(600);
  const writing: string[][] = [];
  const transaction = db.transaction.bind(db) as (...args: unknown[]) => unknown;
  (db as unknown as { transaction: (...args: unknown[]) => unknown }).transaction = (...args: unknown[]) => {
    const tables = args.slice(1, -1).flat().map((t) => (typeof t === 'string' ? t : (t as { name: string }).name));
    if (args[0] === 'rw' && tables.includes('reminders')) writing.push(tables);
    return transaction(...args);
  };
  const again = await sweepReminders(db, NOW + 60_000);
  expect([again.created, again.suppressed]).toEqual([0, 0]);
  expect(writing).toEqual([]);
  expect(await db.reminders.count()).toBe(made);
});

it('the sweep reads every member of the facts, the first and the last in id order too, and those it reaches through an order', async () => {
  const db = memoryDb();
  await writeSettings(db, { timeZone: 'Asia/Singapore' });
  await importOrders(db, Array.from({ length: 10 }, (_, i) => order({ orderNo: `d${i}`, placedAt: NOW - 400 * 24 * HOUR, buyer: { handle: `buyer_${i}` } })), NOW);
  const ids = (await db.members.orderBy(':id').primaryKeys()) as string[];
  expect(ids).toHaveLength(10);
  // Birthdays in a few days for the first, a middle and the last member; unpaid orders for that middle one and two others.
  const born = [ids[0]!, ids[4]!, ids[9]!];
  await db.members.where(':id').anyOf(born).modify((m) => void (m.profile = { ...m.profile, birthday: '11-26' }));
  const unpaid = [ids[1]!, ids[4]!, ids[8]!];
  const handles = new Map((await db.identities.toArray()).map((i) => [i.memberId, i.display]));
  await importOrders(db, unpaid.map((id, k) => order({ orderNo: `u${k}`, status: 'unpaid', placedAt: NOW - HOUR, buyer: { handle: handles.get(id)! } })), NOW);
  await sweepReminders(db, NOW, undefined, true);
  const made = await db.reminders.toArray();
  const of = (kind: string) => made.filter((r) => r.kind === kind).map((r) => r.memberId).sort();
  expect(of('birthday')).toEqual([...born].sort());
  expect(of('unpaid')).toEqual([...unpaid].sort());
});

it('the sweep reads orders a page at a time, none lost or doubled where a page ends among orders placed at one moment', async () => {
  const db = memoryDb();
  // Moments 1..6 hours ago; at 5 h, four orders (more than a page of 3), at 3 h two across a page's end.
  const hoursAgo = [6, 5, 5, 5, 5, 4, 3, 3, 2, 1, 1, 1, 9];
  await importOrders(db, hoursAgo.map((h, i) => order({ orderNo: `p${i}`, placedAt: NOW - h * HOUR, buyer: { handle: `buyer_${i}` } })), NOW);
  const from = NOW - 7 * HOUR;
  const all = (await db.orders.where('placedAt').aboveOrEqual(from).toArray()).map((o) => o.id);
  expect(all).toHaveLength(12);
  for (const page of [1, 2, 3, 4, 5, 12, 13])
    expect((await db.transaction('r', db.orders, () => recentOrders(db, from, () => true, page))).map((o) => o.id), `page ${page}`).toEqual(all);
  const odd = new Set(all.filter((_, i) => i % 2));
  expect((await db.transaction('r', db.orders, () => recentOrders(db, from, (o) => odd.has(o.id), 3))).map((o) => o.id)).toEqual([...odd]);
});

describe('a member of the sweep is found among the facts by id', () => {
  // The keeper's id order is the store's: UTF-16 code units (an upper-case letter before a lower-case one).
  const inOrder = ['m_0A', 'm_0a', 'm_1', 'm_10', 'm_2', 'm_ä'];
  it.each([
    ['the first', inOrder, 'm_0A'],
    ['one in the middle', inOrder, 'm_10'],
    ['the last', inOrder, 'm_ä'],
    ['one among facts in another order', [...inOrder].reverse(), 'm_1'],
  ])('%s', (_, ids, id) => {
    expect(ids[indexOfId(ids, id)]).toBe(id);
  });
  it('a member no longer there is not found', () => {
    expect(indexOfId(inOrder, 'm_3')).toBe(-1);
    expect(indexOfId([], 'm_3')).toBe(-1);
  });
});
