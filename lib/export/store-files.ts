// Whole-store files for the options page: backup, restore and CSV export. They run in the page,
// over its own connection to the database (extension pages may open it), because a message can't
// carry a whole store and the background can't start downloads without the downloads permission.
// What the background must know goes through the protocol: when the last backup was made, and
// that a restore replaced the store under it ('store.reloaded').
import type { BackupHeader, BackupRead, Progress, TableCounts, ValidBackup } from '../domain/backup';
import { backupFile, backupFileName, pageRows, restoreBackup, tableCounts } from '../store/backup';
import { readBackup } from '../store/backup-read';
import { RegularsDb } from '../store/database';
import { localDateParts } from '../domain/time';
import type { MessageName, RequestOf, ResponseOf } from '../messaging/protocol';
import { forgetKeptToday } from '../messaging/today-kept';
import { membersCsv, ordersCsv, type CsvContext } from './csv';

type Send = <N extends MessageName>(name: N, payload: RequestOf<N>) => Promise<ResponseOf<N>>;

export interface SavedFile {
  blob: Blob;
  fileName: string;
  /** Data rows in the file (not counting headers). */
  rows: number;
}

export interface StoreFiles {
  /** Builds the backup file and records it as the last backup. */
  backup(timeZone: string, onProgress?: Progress): Promise<SavedFile & { header: BackupHeader }>;
  /** Reads and validates a backup file; the store is not touched. */
  read(file: Blob, onProgress?: Progress): Promise<BackupRead>;
  counts(): Promise<TableCounts>;
  /** Replaces the whole store with a validated backup, then tells the background. */
  restore(backup: ValidBackup, onProgress?: Progress): Promise<void>;
  membersCsv(ctx: Omit<CsvContext, 'now'>): Promise<SavedFile>;
  ordersCsv(ctx: Omit<CsvContext, 'now'>): Promise<SavedFile>;
}

export function datedName(what: string, now: number, timeZone: string): string {
  const { year, month, day } = localDateParts(now, timeZone);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `regulars-${what}-${year}-${pad(month)}-${pad(day)}.csv`;
}

export function storeFiles(send: Send, openDb: () => RegularsDb = () => new RegularsDb(), now: () => number = () => Date.now()): StoreFiles {
  // Opened for each task and closed after it, so the page never holds the database open for nothing
  // (an open connection would hold up a schema upgrade when the extension updates).
  const withDb = async <T>(task: (db: RegularsDb) => Promise<T>): Promise<T> => {
    const db = openDb();
    try {
      return await task(db);
    } finally {
      db.close();
    }
  };
  const csv = async (what: 'members' | 'orders', ctx: Omit<CsvContext, 'now'>): Promise<SavedFile> => {
    const at = now();
    const { parts, rows } = await withDb((db) => (what === 'members' ? membersCsv : ordersCsv)(db, { ...ctx, now: at }));
    return { blob: new Blob(parts, { type: 'text/csv;charset=utf-8' }), fileName: datedName(what, at, ctx.settings.timeZone), rows };
  };

  return {
    async backup(timeZone, onProgress) {
      const { blob, header } = await withDb((db) => backupFile(db, now(), onProgress));
      await send('settings.update', { lastBackupAt: header.createdAt });
      const rows = Object.values(header.counts).reduce((a, b) => a + b, 0);
      return { blob, header, rows, fileName: backupFileName(header.createdAt, timeZone) };
    },
    read: (file, onProgress) => readBackup(file, { onProgress }),
    counts: () => withDb(tableCounts),
    async restore(backup, onProgress) {
      // A popup opening meanwhile reads the store, not the first screen of Today kept before.
      await forgetKeptToday();
      await withDb((db) => restoreBackup(db, backup, onProgress));
      // Restored: from here a failure must not read as "the restore failed" (the page says the store is as it was).
      try {
        await send('store.reloaded', {});
        // The store now is exactly the backup file, which exists: it counts as backed up when it was made.
        const restored = backup.rows.settings.flatMap(pageRows).find((r) => r.key === 'lastBackupAt')?.value;
        await send('settings.update', { lastBackupAt: Math.max(typeof restored === 'number' ? restored : 0, backup.header.createdAt) });
      } catch (e) {
        console.warn('Regulars: restored, but the background could not be told', e);
      }
    },
    membersCsv: (ctx) => csv('members', ctx),
    ordersCsv: (ctx) => csv('orders', ctx),
  };
}
