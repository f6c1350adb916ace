// Backups: the whole store in one file, and back. NDJSON, gzip-compressed: the first line a header
// (format, schema version, when, rows per table), then one line per row, {t: table, r: row}. The
// format is lib/domain/backup.ts; reading a file back is backup-read.ts.
//
// Both directions run in the options page over its own connection to the database, not through
// the background: a message can't carry 300k orders, and the background can't start a download
// without the downloads permission. A restore therefore writes past the background, which keeps
// settings and import caches in memory; the page tells it afterwards ('store.reloaded').
import type { IndexableType, Table } from 'dexie';
import { BACKUP_FORMAT, BACKUP_PAGE, BACKUP_TABLES, type BackupHeader, type BackupTable, type Progress, type TableCounts, type ValidBackup } from '../domain/backup';
import { localDateParts } from '../domain/time';
import type { RegularsDb } from './database';
import { forEachPage } from './pages';
import { CURRENT_SCHEMA_VERSION } from './schema';
import { DEFAULT_TIER_LADDER } from '../domain/tiers';
import { generationOf } from './kept';
import { encodeTiers, ladderKey, MEMBER_TIERS_KEY } from './member-tiers';

const tableOf = (db: RegularsDb, name: BackupTable) => db.table(name) as Table<Record<string, unknown>, IndexableType>;

/** Rows per table, all read in one transaction. */
export async function tableCounts(db: RegularsDb): Promise<TableCounts> {
  return db.transaction('r', [...BACKUP_TABLES], async () => {
    const counts = {} as TableCounts;
    for (const name of BACKUP_TABLES) counts[name] = await tableOf(db, name).count();
    return counts;
  });
}

/**
 * The whole store as NDJSON, handed to `write` a page of rows at a time. One read transaction, so
 * the file is one moment of the store even while the background keeps working (its writes wait).
 * `write` must not wait for anything: awaiting other work would end the transaction.
 */
export async function writeBackup(
  db: RegularsDb,
  now: number,
  write: (text: string) => void,
  { pageSize = BACKUP_PAGE, onProgress }: { pageSize?: number; onProgress?: Progress } = {},
): Promise<BackupHeader> {
  return db.transaction('r', [...BACKUP_TABLES], async () => {
    const counts: Record<string, number> = {};
    for (const name of BACKUP_TABLES) counts[name] = await tableOf(db, name).count();
    const header: BackupHeader = { format: BACKUP_FORMAT, schemaVersion: CURRENT_SCHEMA_VERSION, createdAt: now, counts };
    write(`${JSON.stringify(header)}\n`);
    const total = Object.values(counts).reduce((a, b) => a + b, 0);
    let done = 0;
    for (const name of BACKUP_TABLES) {
      await forEachPage(tableOf(db, name), pageSize, (page) => {
        write(`${page.map((r) => JSON.stringify({ t: name, r })).join('\n')}\n`);
        onProgress?.((done += page.length), total);
      });
    }
    return header;
  });
}

/** The backup file: writeBackup through the platform's gzip (CompressionStream, in Chromium and Node). */
export async function backupFile(db: RegularsDb, now: number, onProgress?: Progress): Promise<{ blob: Blob; header: BackupHeader }> {
  const gzip = new CompressionStream('gzip');
  const writer = gzip.writable.getWriter();
  const compressed = new Response(gzip.readable).blob();
  const encoder = new TextEncoder();
  let failure: unknown;
  // Not awaited inside the transaction (see writeBackup): the stream queues, and compresses as the reads go on.
  const header = await writeBackup(
    db,
    now,
    (text) => {
      writer.write(encoder.encode(text)).catch((e: unknown) => (failure ??= e));
    },
    { onProgress },
  );
  await writer.close();
  const blob = await compressed;
  if (failure) throw failure;
  return { blob: new Blob([blob], { type: 'application/gzip' }), header };
}

/** regulars-backup-YYYY-MM-DD.ndjson.gz, dated in the shop's time zone. */
export function backupFileName(now: number, timeZone: string): string {
  const { year, month, day } = localDateParts(now, timeZone);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `regulars-backup-${year}-${pad(month)}-${pad(day)}.ndjson.gz`;
}

/** The rows of one page of a ValidBackup. */
export function pageRows(page: string): Record<string, unknown>[] {
  return page.split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
}

/**
 * Replaces the whole store with a validated backup in ONE read-write transaction over every table:
 * if anything fails, the store is as it was, never half-restored. The caller must then tell the
 * background ('store.reloaded'), whose caches still describe the store before.
 */
export async function restoreBackup(db: RegularsDb, backup: ValidBackup, onProgress?: Progress): Promise<void> {
  const total = Object.values(backup.counts).reduce((a, b) => a + b, 0);
  let done = 0;
  await db.transaction('rw', [...BACKUP_TABLES, 'caches'], async () => {
    for (const name of BACKUP_TABLES) await tableOf(db, name).clear();
    // The backup's member rows carry the tiers they showed; the store drops them from the rows
    // (member-tiers.ts) and keeps them as the tiers the keeper starts from, so a rolling window's
    // tiers come back as they were, and the next change is measured from them.
    const shown = new Map<string, string>();
    for (const name of BACKUP_TABLES) {
      for (const page of backup.rows[name]) {
        const rows = pageRows(page); // parsed a page at a time, and let go once written
        if (name === 'members') for (const r of rows as { id: string; tierId?: string }[]) if (r.tierId) shown.set(r.id, r.tierId);
        await tableOf(db, name).bulkPut(rows);
        onProgress?.((done += rows.length), total);
      }
    }
    const ladder = (await db.settings.get('tierLadder'))?.value ?? DEFAULT_TIER_LADDER;
    const mark = await generationOf(db, 'members');
    await db.caches.put({ key: MEMBER_TIERS_KEY, generation: mark, builtAt: Date.now(), value: encodeTiers(ladderKey(ladder), shown) });
  });
}
