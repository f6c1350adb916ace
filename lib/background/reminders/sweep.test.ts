import { describe, expect, it } from 'vitest';
import { keysOf, onCommitted } from '../../store/changes';
import { writeSettings } from '../../store/settings';
import { importOrders } from '../import/import-orders';
import { memoryDb, NOW, order } from '../test-helpers';
import { STORE_SLICE } from './reminders';
import { factOfId, sweepReminders } from './sweep';
import type { FactMember } from '../segments/member-snapshot';

const HOUR = 3_600_000;

it('the sweep after a big import makes its reminders a slice at a time: a read of reminders (Today) gets through between slices, and every reminder is made', async () => {
  const db = memoryDb();
  await writeSettings(db, { timeZone: 'Asia/Singapore' });
  const buyers = STORE_SLICE + 100;
  await importOrders(db, Array.from({ length: buyers }, (_, i) => order({ orderNo: `u${i}`, status: 'unpaid', placedAt: NOW - HOUR, buyer: { handle: `buyer_${i}` } })), NOW);
  const slices: number[] = [];
  let seenBetween: Promise<number> | undefined;
  const stop = onCommitted((change) => {
    const made = keysOf(change, 'reminders')?.size ?? 0;
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

describe('a member of the sweep is found among the facts by id', () => {
  const fact = (id: string) => ({ id }) as FactMember;
  // The keeper's id order is the store's: UTF-16 code units (an upper-case letter before a lower-case one).
  const inOrder = ['m_0A', 'm_0a', 'm_1', 'm_10', 'm_2', 'm_ä'].map(fact);
  it.each([
    ['the first', inOrder, 'm_0A'],
    ['one in the middle', inOrder, 'm_10'],
    ['the last', inOrder, 'm_ä'],
    ['one among facts in another order', [...inOrder].reverse(), 'm_1'],
  ])('%s', (_, facts, id) => {
    expect(factOfId(facts, id)?.id).toBe(id);
  });
  it('a member no longer there is not found', () => {
    expect(factOfId(inOrder, 'm_3')).toBeUndefined();
    expect(factOfId([], 'm_3')).toBeUndefined();
  });
});
