// Backups as the shop sees them: which tables a backup holds, when it is time to make one, and the
// file's format (lib/store/backup.ts writes and restores it, lib/store/backup-read.ts reads it).
import { z } from 'zod';
import { epochMs, contactRowSchema, identityRowSchema, memberRowSchema, noteRowSchema, orderRowSchema, pointsRowSchema, reminderRowSchema, segmentRowSchema, settingRowSchema, siteRuleRowSchema, tierChangeRecordSchema } from './rows';
import { settingsSchema, type SettingKey } from './settings';
import { issueReason, type Reason } from './reason';

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

export const BACKUP_FORMAT = 'regulars-backup';

/** Rows are read and written this many at a time, so no table is ever held as one array or string. */
export const BACKUP_PAGE = 5000;

export const tagRowSchema = z.object({
  name: z.string().min(1),
  count: z.number().int().nonnegative(),
  lastUsedAt: epochMs,
});

// A known setting's value must pass that setting's own schema; keys this version doesn't know are kept as they are.
const backupSettingRowSchema = settingRowSchema.superRefine((row, ctx) => {
  if (!Object.prototype.hasOwnProperty.call(settingsSchema.shape, row.key)) return;
  const parsed = settingsSchema.shape[row.key as SettingKey].safeParse(row.value);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const { code, params } = issueReason(issue);
      ctx.addIssue({ code: 'custom', path: ['value', ...issue.path], message: issue.message, params: { reason: code, reasonParams: params } });
    }
  }
});

// Backups from an older schema version are read with these (current) row schemas: a schema version
// that changes rows must bring its row upgrade here as well as its Dexie upgrade.
export const BACKUP_ROW_SCHEMAS: Record<BackupTable, z.ZodType> = {
  members: memberRowSchema,
  identities: identityRowSchema,
  orders: orderRowSchema,
  notes: noteRowSchema,
  tags: tagRowSchema,
  reminders: reminderRowSchema,
  contacts: contactRowSchema,
  tierChanges: tierChangeRecordSchema,
  segments: segmentRowSchema,
  siteRules: siteRuleRowSchema,
  settings: backupSettingRowSchema,
  points: pointsRowSchema,
};

const countsSchema = z.record(z.string(), z.number().int().nonnegative());
export const backupHeaderSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  schemaVersion: z.number().int().positive(),
  createdAt: epochMs,
  counts: countsSchema,
});
export type BackupHeader = z.infer<typeof backupHeaderSchema>;

export const isBackupTable = (name: unknown): name is BackupTable => typeof name === 'string' && (BACKUP_TABLES as readonly string[]).includes(name);

/** Rows done of rows in all; called after each page. */
export type Progress = (done: number, total: number) => void;

/** One row the restore refuses: where it is in the file and what is wrong with it. */
export interface BackupProblem {
  table: string;
  /** 1-based line of the file (line 1 is the header). */
  line: number;
  /** The row's primary key, when it has one. */
  key?: string | undefined;
  /** Dotted path of the offending field; '' for the line as a whole. */
  field: string;
  /** English, for logs and tests. */
  problem: string;
  /** What is wrong, as the page translates it. */
  reason: Reason;
}

export interface ValidBackup {
  ok: true;
  header: BackupHeader;
  counts: TableCounts;
  /**
   * Validated rows, per table, in pages of at most BACKUP_PAGE lines of JSON (pageRows reads one).
   * The restore must hold the whole store to write it in one transaction; as text it is about a
   * quarter smaller than as objects (100k members, 300k orders: 171 MB against 222 MB, after GC).
   */
  rows: Record<BackupTable, string[]>;
}

export type BackupRead =
  | ValidBackup
  | { ok: false; reason: 'not-a-backup' }
  | { ok: false; reason: 'newer-schema'; schemaVersion: number }
  /** Not readable (bad gzip, not UTF-8, bad header), or rows missing: `table` says where the counts disagree. */
  | { ok: false; reason: 'damaged'; table?: string; expected?: number; found?: number }
  | { ok: false; reason: 'invalid-rows'; problems: BackupProblem[]; invalidRows: number };
