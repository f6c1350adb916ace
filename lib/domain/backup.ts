// Backups as the shop sees them: which tables a backup holds, and when it is time to make one.

/** Every table of the store (schema.test-style check in backup.test.ts: a new table must be added here). */
export const BACKUP_TABLES = ['members', 'identities', 'orders', 'notes', 'tags', 'reminders', 'contacts', 'tierChanges', 'segments', 'siteRules', 'settings', 'points'] as const;
export type BackupTable = (typeof BACKUP_TABLES)[number];
export type TableCounts = Record<BackupTable, number>;

/** The options page reminds the shop to back up after this many days. */
export const BACKUP_REMIND_DAYS = 30;

/**
 * Time to remind the shop: no backup for `remindDays` (the setting: weekly, monthly; 0 never), or
 * never one while there are members.
 */
export function backupDue(lastBackupAt: number | null, members: number, now: number, remindDays: number = BACKUP_REMIND_DAYS): boolean {
  if (remindDays <= 0) return false;
  if (lastBackupAt === null) return members > 0;
  return now - lastBackupAt >= remindDays * 86_400_000;
}
