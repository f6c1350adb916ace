import { IDBFactory } from 'fake-indexeddb';
import { gunzipSync, gzipSync, strFromU8, strToU8 } from 'fflate';
import { beforeEach, describe, expect, it } from 'vitest';
import { BACKUP_TABLES, backupDue, type BackupRead, type ValidBackup } from '../domain/backup';
import { backupFile, backupFileName, restoreBackup, tableCounts, writeBackup } from './backup';
import { readBackup } from './backup-read';
import type { RegularsDb } from './database';
import { createHandlers } from '../background/handlers';
import { addManualReminder as addReminder } from '../background/reminders/reminder-actions';
import { adjustPoints } from '../background/members/members';
import { CURRENT_SCHEMA_VERSION } from './schema';
import { writeSettings } from '../store/settings';
import { saveSiteRule } from '../background/site-rules/site-rules';
import { addNote, addTag, memberIdForHandle } from '../background/members/card';
import { importOrders } from '../background/import/import-orders';
import { refreshRfmBreaks } from '../background/segments/rfm-breaks';
import { DAY, keepTiers, memoryDb, NOW, order } from '../background/test-helpers';

let db: RegularsDb;
beforeEach(() => {
  db = memoryDb();
});

/** Every table, every row, in key order. */
async function dump(store: RegularsDb): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const name of BACKUP_TABLES) out[name] = await store.table(name).toArray();
  return out;
}

/** A store with rows in every table. */
async function fill(store: RegularsDb): Promise<void> {
  const tiers = await keepTiers(store, () => NOW + 1);
  await writeSettings(store, { authorName: 'Ana', timeZone: 'Asia/Singapore', captureOrders: 'auto', lastBackupAt: NOW - 40 * DAY, points: { enabled: true, perUnit: 1 } });
  await importOrders(
    store,
    [
      order({ buyer: { handle: 'lily_chen', phone: '+65 9123 4567', name: 'Lily Chen' }, amountMinor: 125_00 }),
      order({ buyer: { handle: 'lily_chen' }, amountMinor: 80_00, placedAt: NOW - 40 * DAY, status: 'refunded' }),
      order({ buyer: { handle: 'mei', email: 'Mei@Example.com' }, platform: 'shopee', currency: 'SGD', items: [{ title: '茶杯 "雅"', quantity: 2 }] }),
      ...Array.from({ length: 30 }, (_, i) => order({ buyer: { handle: `buyer${i}` }, amountMinor: 1000 + i, placedAt: NOW - i * DAY })),
    ],
    NOW,
  );
  await importOrders(store, Array.from({ length: 12 }, (_, i) => order({ buyer: { handle: 'lily_chen' }, amountMinor: 500_00, placedAt: NOW - i * DAY })), NOW + 1);
  const lily = (await memberIdForHandle(store, 'demo', 'lily_chen'))!;
  await addTag(store, lily, 'gift buyer', NOW);
  await addNote(store, lily, 'Size M, likes linen.\nCall after 6pm.', 'Ana', NOW);
  await adjustPoints(store, lily, 25, 'Welcome gift', 'Ana', NOW);
  await addReminder(store, { memberId: lily, dueAt: NOW + 15 * DAY, reason: 'Follow-up call' }, NOW);
  await saveSiteRule(store, { host: 'seller.shopee.sg', selector: '[data-buyer]' }, NOW);
  await store.contacts.put({ id: 'c1', memberId: lily, channel: 'chat', reason: 'birthday', at: NOW });
  await store.segments.put({ id: 's1', name: 'Gift buyers', filter: { tags: ['gift buyer'], minSpend: 10000 }, createdAt: NOW, updatedAt: NOW });
  await refreshRfmBreaks(store, NOW);
  await tiers.settled();
}

async function fileOf(store: RegularsDb): Promise<Blob> {
  return (await backupFile(store, NOW + 5)).blob;
}

async function linesOf(blob: Blob): Promise<string[]> {
  return strFromU8(gunzipSync(new Uint8Array(await blob.arrayBuffer())))
    .split('\n')
    .filter(Boolean);
}

const gzipLines = (lines: string[]) => new Blob([gzipSync(strToU8(`${lines.join('\n')}\n`))]);

describe('a backup holds the whole store and gives it back', () => {
  it('every table of the schema is in the backup, but the caches: derived data rebuilt from the rows', () => {
    expect([...BACKUP_TABLES, 'caches'].sort()).toEqual(db.tables.map((t) => t.name).sort());
  });

  it('backup, wipe, restore gives an identical store, every table deep-equal', async () => {
    await fill(db);
    const before = await dump(db);
    for (const name of BACKUP_TABLES) expect(before[name]!.length, name).toBeGreaterThan(0);

    const blob = await fileOf(db);
    await Promise.all(db.tables.map((t) => t.clear()));
    expect(await db.members.count()).toBe(0);
    const read = await readBackup(blob);
    expect(read.ok).toBe(true);
    let restored = 0;
    await restoreBackup(db, read as ValidBackup, (done, total) => {
      restored = done;
      expect(done).toBeLessThanOrEqual(total);
    });
    expect(restored).toBe(Object.values(before).reduce((sum, rows) => sum + rows.length, 0));
    expect(await dump(db)).toEqual(before);
  });

  it('restoring into another store (another computer) gives the same rows', async () => {
    await fill(db);
    const other = memoryDb();
    await importOrders(other, [order({ buyer: { handle: 'someone_else' } })], NOW);
    const read = await readBackup(await fileOf(db));
    await restoreBackup(other, read as ValidBackup);
    expect(await dump(other)).toEqual(await dump(db));
  });

  it('the file is gzip NDJSON: a header with the counts, then one line per row', async () => {
    await fill(db);
    const counts = await tableCounts(db);
    const lines = await linesOf(await fileOf(db));
    expect(JSON.parse(lines[0]!)).toEqual({ format: 'regulars-backup', schemaVersion: CURRENT_SCHEMA_VERSION, createdAt: NOW + 5, counts });
    expect(lines.length - 1).toBe(Object.values(counts).reduce((a, b) => a + b, 0));
    expect(JSON.parse(lines[1]!)).toMatchObject({ t: 'members', r: { id: expect.any(String) } });
  });

  it('tables are read in pages by primary key without losing or repeating a row', async () => {
    await fill(db);
    const pieces: string[] = [];
    const progress: number[] = [];
    await writeBackup(db, NOW, (text) => pieces.push(text), { pageSize: 7, onProgress: (done) => progress.push(done) });
    const rows = pieces.join('').split('\n').filter(Boolean).slice(1).map((l) => JSON.parse(l) as { t: string; r: Record<string, unknown> });
    const orderIds = rows.filter((r) => r.t === 'orders').map((r) => r.r.id);
    expect(orderIds).toEqual((await db.orders.toCollection().primaryKeys()));
    expect(pieces.length).toBeGreaterThan(8); // header + several pages of orders
    expect(progress.at(-1)).toBe(rows.length);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
  });

  it('a field the row schema does not know is left out of the restored row', async () => {
    await fill(db);
    const lines = await linesOf(await fileOf(db));
    const at = lines.findIndex((l) => l.startsWith('{"t":"members"'));
    const row = JSON.parse(lines[at]!) as { t: string; r: Record<string, unknown> };
    lines[at] = JSON.stringify({ ...row, r: { ...row.r, injected: '<img onerror=alert(1)>' } });
    const read = await readBackup(gzipLines(lines));
    await restoreBackup(db, read as ValidBackup);
    expect(await db.members.get(row.r.id as string)).not.toHaveProperty('injected');
    expect(await db.members.get(row.r.id as string)).toEqual(row.r);
  });

  it('a plain (already unpacked) NDJSON backup is read too', async () => {
    await fill(db);
    const lines = await linesOf(await fileOf(db));
    const read = await readBackup(new Blob([`${lines.join('\n')}\n`]));
    expect(read.ok).toBe(true);
  });
});

describe('a restore refuses what it cannot restore whole, and changes nothing', () => {
  beforeEach(() => fill(db));

  it('a backup from a newer schema is refused', async () => {
    const before = await dump(db);
    const lines = await linesOf(await fileOf(db));
    const header = JSON.parse(lines[0]!) as Record<string, unknown>;
    lines[0] = JSON.stringify({ ...header, schemaVersion: CURRENT_SCHEMA_VERSION + 1, somethingNew: true });
    expect(await readBackup(gzipLines(lines))).toEqual({ ok: false, reason: 'newer-schema', schemaVersion: CURRENT_SCHEMA_VERSION + 1 });
    expect(await dump(db)).toEqual(before);
  });

  it('an invalid row is reported with its table, line, key and field', async () => {
    const before = await dump(db);
    const lines = await linesOf(await fileOf(db));
    const at = lines.findIndex((l) => l.startsWith('{"t":"orders"'));
    const row = JSON.parse(lines[at]!) as { t: string; r: Record<string, unknown> };
    lines[at] = JSON.stringify({ ...row, r: { ...row.r, amountMinor: '12.50' } });
    const tagAt = lines.findIndex((l) => l.startsWith('{"t":"tags"'));
    lines[tagAt] = JSON.stringify({ t: 'tags', r: { name: 'gift buyer', count: -1, lastUsedAt: NOW } });

    const read = await readBackup(gzipLines(lines));
    expect(read).toMatchObject({
      ok: false,
      reason: 'invalid-rows',
      invalidRows: 2,
      problems: [
        { table: 'orders', line: at + 1, key: row.r.id, field: 'amountMinor', problem: expect.stringMatching(/number/) },
        { table: 'tags', line: tagAt + 1, key: 'gift buyer', field: 'count', problem: expect.any(String) },
      ],
    });
    expect(await dump(db)).toEqual(before);
  });

  it.each([
    ['a setting with a value its schema refuses', { t: 'settings', r: { key: 'lapseDays', value: 0 } }, 'settings', 'value'],
    ['a row of a table Regulars does not have', { t: 'customers', r: { id: 'x' } }, 'customers', 't'],
    ['a member without its stats', { t: 'members', r: { id: 'm1', displayName: 'x' } }, 'members', 'tierId'],
  ])('%s is an invalid row', async (_name, line, table, field) => {
    const lines = await linesOf(await fileOf(db));
    lines.push(JSON.stringify(line));
    const read = await readBackup(gzipLines(lines));
    expect(read).toMatchObject({ ok: false, reason: 'invalid-rows', problems: [{ table, line: lines.length, field }] });
  });

  it.each<[string, () => Promise<Blob>, Partial<BackupRead>]>([
    ['an order export', async () => new Blob(['Order No,Buyer,Amount\nA1,lily,12.50\n']), { reason: 'not-a-backup' }],
    ['an empty file', async () => new Blob([]), { reason: 'not-a-backup' }],
    ['another gzip file', async () => new Blob([gzipSync(strToU8('{"hello":"world"}\n'))]), { reason: 'not-a-backup' }],
    ['a file cut short inside the gzip data', async () => {
      const b = new Uint8Array(await (await fileOf(db)).arrayBuffer());
      return new Blob([b.slice(0, Math.floor(b.length / 2))]);
    }, { reason: 'damaged' }],
    ['a file missing its last rows', async () => gzipLines((await linesOf(await fileOf(db))).slice(0, -2)), { reason: 'damaged', table: 'settings' }],
  ])('%s is refused', async (_name, make, want) => {
    const before = await dump(db);
    expect(await readBackup(await make())).toMatchObject({ ok: false, ...want });
    expect(await dump(db)).toEqual(before);
  });

  it('a restore that fails half-way leaves the store as it was', async () => {
    const before = await dump(db);
    const read = (await readBackup(await fileOf(db))) as ValidBackup;
    // A row IndexedDB itself refuses (no primary key) in the last table written.
    read.rows.settings.push('{"value":1}');
    await expect(restoreBackup(db, read)).rejects.toThrow();
    expect(await dump(db)).toEqual(before);
  });
});

describe('after a restore the background serves the restored store', () => {
  it("the restore's change drops cached settings at once; 'store.reloaded' ends import sessions that remember the old store", async () => {
    // The background and the options page each hold their own connection to the same database.
    const factory = new IDBFactory();
    const background = memoryDb(undefined, factory);
    const page = memoryDb(undefined, factory);
    const handlers = createHandlers({ db: background, now: () => NOW });
    await writeSettings(page, { authorName: 'Bo' });
    const backup = (await readBackup(await fileOf(page))) as ValidBackup;

    await handlers['settings.update']({ authorName: 'Ana' }, {});
    const session = 'session-1234';
    await handlers['orders.import']({ rows: [order({ buyer: { handle: 'zoe' } })], session }, {});
    await restoreBackup(page, backup);
    // The restore is a committed write like any other: the background's settings follow it.
    expect((await handlers['settings.get']({}, {})).authorName).toBe('Bo');

    await handlers['store.reloaded']({}, {});
    // The same import goes on: zoe's member went with the restore, so she must be created again.
    await handlers['orders.import']({ rows: [order({ buyer: { handle: 'zoe' } })], session }, {});
    await handlers['orders.importEnd']({ session }, {});
    const orders = await page.orders.toArray();
    expect(orders).toHaveLength(1);
    expect(await page.members.get(orders[0]!.memberId)).toMatchObject({ orderCount: 1 });
    expect(await page.identities.count()).toBe(1);
  });

  it('cancelling an import begun before the restore does not undo into the restored store', async () => {
    const factory = new IDBFactory();
    const background = memoryDb(undefined, factory);
    const page = memoryDb(undefined, factory);
    const handlers = createHandlers({ db: background, now: () => NOW });
    const session = 'session-5678';
    await handlers['orders.import']({ rows: [order({ buyer: { handle: 'zoe' } })], session }, {});
    const backup = (await readBackup(await fileOf(page))) as ValidBackup; // zoe is in it
    await restoreBackup(page, backup);
    await handlers['store.reloaded']({}, {});
    // Ended by the restore, its part is not taken back, and the page is told what it did.
    expect(await handlers['orders.importCancel']({ session }, {})).toEqual({ orders: 0, members: 0, kept: 0, tooLate: { created: 1, matched: 0 } });
    expect(await page.orders.count()).toBe(1);
    expect(await page.members.count()).toBe(1);
  });
});

describe('backup reminder and file name', () => {
  it.each([
    ['never backed up, no members yet', null, 0, false],
    ['never backed up, with members', null, 3, true],
    ['backed up 29 days ago', NOW - 29 * DAY, 3, false],
    ['backed up 30 days ago', NOW - 30 * DAY, 3, true],
  ])('%s: reminder %s', (_name, last, members, due) => {
    expect(backupDue(last, members, NOW)).toBe(due);
  });

  it.each([
    ['weekly, backed up 6 days ago', 7, NOW - 6 * DAY, false],
    ['weekly, backed up 7 days ago', 7, NOW - 7 * DAY, true],
    ['monthly, backed up 7 days ago', 30, NOW - 7 * DAY, false],
    ['never, backed up a year ago', 0, NOW - 365 * DAY, false],
    ['never, never backed up', 0, null, false],
  ])('a shop that asked to be reminded %s: reminder %s', (_name, remindDays, last, due) => {
    expect(backupDue(last, 3, NOW, remindDays)).toBe(due);
  });

  it('the file is named for the day in the shop time zone', () => {
    // 2026-11-23 20:00 UTC is already the 24th in Singapore.
    expect(backupFileName(Date.UTC(2026, 10, 23, 20), 'Asia/Singapore')).toBe('regulars-backup-2026-11-24.ndjson.gz');
    expect(backupFileName(Date.UTC(2026, 10, 23, 20), 'America/New_York')).toBe('regulars-backup-2026-11-23.ndjson.gz');
  });
});
