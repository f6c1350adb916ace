// Backups: the whole store in one file, and back. NDJSON, gzip-compressed: the first line a header
// (format, schema version, when, rows per table), then one line per row, {t: table, r: row}.
//
// Both directions run in the options page over its own connection to the database, not through
// the background: a message can't carry 300k orders, and the background can't start a download
// without the downloads permission. A restore therefore writes past the background, which keeps
// settings and import caches in memory; the page tells it afterwards ('store.reloaded').
import type { IndexableType, Table } from 'dexie';
import { z } from 'zod';
import { BACKUP_REMIND_DAYS, BACKUP_TABLES, backupDue, type BackupTable, type TableCounts } from '../domain/backup';
import { localDateParts } from '../domain/time';
import type { RegularsDb } from './database';
import {
  contactRowSchema,
  epochMs,
  identityRowSchema,
  memberRowSchema,
  noteRowSchema,
  orderRowSchema,
  pointsRowSchema,
  reminderRowSchema,
  segmentRowSchema,
  settingRowSchema,
  siteRuleRowSchema,
  tierChangeRowSchema,
} from '../domain/rows';
import { CURRENT_SCHEMA_VERSION } from './schema';
import { settingsSchema, type SettingKey } from '../domain/settings';

export const BACKUP_FORMAT = 'regulars-backup';
export { BACKUP_REMIND_DAYS, BACKUP_TABLES, backupDue, type BackupTable, type TableCounts };


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
  if (!parsed.success) for (const issue of parsed.error.issues) ctx.addIssue({ code: 'custom', path: ['value', ...issue.path], message: issue.message });
});

// Backups from an older schema version are read with these (current) row schemas: a schema version
// that changes rows must bring its row upgrade here as well as its Dexie upgrade.
const ROW_SCHEMAS: Record<BackupTable, z.ZodType> = {
  members: memberRowSchema,
  identities: identityRowSchema,
  orders: orderRowSchema,
  notes: noteRowSchema,
  tags: tagRowSchema,
  reminders: reminderRowSchema,
  contacts: contactRowSchema,
  tierChanges: tierChangeRowSchema,
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

const isTable = (name: unknown): name is BackupTable => typeof name === 'string' && (BACKUP_TABLES as readonly string[]).includes(name);
const tableOf = (db: RegularsDb, name: BackupTable) => db.table(name) as Table<Record<string, unknown>, IndexableType>;

// ---------------------------------------------------------------------------------------------
// Writing

/** Rows per table, all read in one transaction. */
export async function tableCounts(db: RegularsDb): Promise<TableCounts> {
  return db.transaction('r', [...BACKUP_TABLES], async () => {
    const counts = {} as TableCounts;
    for (const name of BACKUP_TABLES) counts[name] = await tableOf(db, name).count();
    return counts;
  });
}

/** Rows done of rows in all; called after each page. */
export type Progress = (done: number, total: number) => void;

/**
 * The whole store as NDJSON, handed to `write` a page of rows at a time. One read transaction, so
 * the file is one moment of the store even while the background keeps working (its writes wait).
 * `write` must not wait for anything: awaiting other work would end the transaction.
 */
export async function writeBackup(db: RegularsDb, now: number, write: (text: string) => void, { pageSize = BACKUP_PAGE, onProgress }: { pageSize?: number; onProgress?: Progress } = {}): Promise<BackupHeader> {
  return db.transaction('r', [...BACKUP_TABLES], async () => {
    const counts: Record<string, number> = {};
    for (const name of BACKUP_TABLES) counts[name] = await tableOf(db, name).count();
    const header: BackupHeader = { format: BACKUP_FORMAT, schemaVersion: CURRENT_SCHEMA_VERSION, createdAt: now, counts };
    write(`${JSON.stringify(header)}\n`);
    const total = Object.values(counts).reduce((a, b) => a + b, 0);
    let done = 0;
    for (const name of BACKUP_TABLES) {
      const table = tableOf(db, name);
      const keyPath = table.schema.primKey.keyPath as string;
      let after: IndexableType | undefined;
      for (;;) {
        // Paged by primary key: each page starts after the last key of the one before.
        const page = await (after === undefined ? table.orderBy(':id') : table.where(':id').above(after)).limit(pageSize).toArray();
        if (page.length === 0) break;
        write(`${page.map((r) => JSON.stringify({ t: name, r })).join('\n')}\n`);
        onProgress?.((done += page.length), total);
        if (page.length < pageSize) break;
        after = page[page.length - 1]![keyPath] as IndexableType;
      }
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


// ---------------------------------------------------------------------------------------------
// Reading

/** One row the restore refuses: where it is in the file and what is wrong with it. */
export interface BackupProblem {
  table: string;
  /** 1-based line of the file (line 1 is the header). */
  line: number;
  /** The row's primary key, when it has one. */
  key?: string | undefined;
  /** Dotted path of the offending field; '' for the line as a whole. */
  field: string;
  problem: string;
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

/** A header is one short line: past this without a newline, the file is something else. */
const MAX_HEADER_CHARS = 64 * 1024;

const emptyCounts = (): TableCounts => Object.fromEntries(BACKUP_TABLES.map((t) => [t, 0])) as TableCounts;

function keyOf(table: string, row: unknown): string | undefined {
  if (typeof row !== 'object' || row === null) return undefined;
  const value = (row as Record<string, unknown>)[table === 'tags' ? 'name' : table === 'settings' ? 'key' : 'id'];
  return typeof value === 'string' ? value : undefined;
}

/**
 * Reads and validates a backup (gzip, or the NDJSON already unpacked) without touching the store.
 * Every row passes its table's zod schema; the first `maxProblems` failures are reported precisely.
 */
export async function readBackup(file: Blob, { maxProblems = 10, onProgress }: { maxProblems?: number; onProgress?: Progress } = {}): Promise<BackupRead> {
  const magic = new Uint8Array(await file.slice(0, 2).arrayBuffer());
  let bytes: ReadableStream<Uint8Array> = file.stream();
  if (magic[0] === 0x1f && magic[1] === 0x8b) bytes = bytes.pipeThrough(new DecompressionStream('gzip') as unknown as TransformStream<Uint8Array, Uint8Array>);
  const reader = bytes.pipeThrough(new TextDecoderStream('utf-8', { fatal: true }) as unknown as TransformStream<Uint8Array, string>).getReader();

  let header: BackupHeader | undefined;
  let lineNo = 0;
  let buffer = '';
  const counts = emptyCounts();
  const rows = Object.fromEntries(BACKUP_TABLES.map((t) => [t, [] as string[]])) as ValidBackup['rows'];
  const pending = Object.fromEntries(BACKUP_TABLES.map((t) => [t, [] as string[]])) as Record<BackupTable, string[]>;
  const problems: BackupProblem[] = [];
  let invalidRows = 0;
  let rowsRead = 0;
  let total = 0;
  const refuse = (problem: BackupProblem) => {
    invalidRows++;
    if (problems.length < maxProblems) problems.push(problem);
  };

  // Returns a refusal that ends the reading, or undefined to go on.
  const takeHeader = (line: string): BackupRead | undefined => {
    let raw: unknown;
    try {
      raw = JSON.parse(line);
    } catch {
      return { ok: false, reason: 'not-a-backup' };
    }
    if (typeof raw !== 'object' || raw === null || (raw as { format?: unknown }).format !== BACKUP_FORMAT) return { ok: false, reason: 'not-a-backup' };
    // Before the full check: a newer version may have changed the header too.
    const version = (raw as { schemaVersion?: unknown }).schemaVersion;
    if (typeof version === 'number' && version > CURRENT_SCHEMA_VERSION) return { ok: false, reason: 'newer-schema', schemaVersion: version };
    const parsed = backupHeaderSchema.safeParse(raw);
    if (!parsed.success) return { ok: false, reason: 'damaged' };
    header = parsed.data;
    total = Object.values(header.counts).reduce((a, b) => a + b, 0);
    return undefined;
  };

  const takeRow = (line: string) => {
    let raw: unknown;
    try {
      raw = JSON.parse(line);
    } catch {
      return refuse({ table: '', line: lineNo, field: '', problem: 'not valid JSON' });
    }
    const { t, r } = (typeof raw === 'object' && raw !== null ? raw : {}) as { t?: unknown; r?: unknown };
    if (!isTable(t)) return refuse({ table: typeof t === 'string' ? t : '', line: lineNo, field: 't', problem: 'not a table of Regulars' });
    counts[t]++;
    const parsed = ROW_SCHEMAS[t].safeParse(r);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      return refuse({ table: t, line: lineNo, key: keyOf(t, r), field: issue.path.join('.'), problem: issue.message });
    }
    if (invalidRows) return; // the restore is refused already: only count and report from here on
    // The parsed row, not the line: what the schema doesn't know (and so didn't check) is left out.
    pending[t].push(JSON.stringify(parsed.data));
    if (pending[t].length === BACKUP_PAGE) {
      rows[t].push(pending[t].join('\n'));
      pending[t] = [];
    }
  };

  const takeLine = (line: string): BackupRead | undefined => {
    lineNo++;
    if (!header) return takeHeader(line);
    if (!line.trim()) return undefined;
    takeRow(line);
    if (++rowsRead % BACKUP_PAGE === 0) onProgress?.(rowsRead, total);
    return undefined;
  };

  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (value) buffer += value;
      let start = 0;
      for (let nl = buffer.indexOf('\n'); nl >= 0; nl = buffer.indexOf('\n', start)) {
        const stop = takeLine(buffer.slice(start, nl));
        start = nl + 1;
        if (stop) {
          await reader.cancel().catch(() => undefined);
          return stop;
        }
      }
      buffer = buffer.slice(start);
      if (!header && buffer.length > MAX_HEADER_CHARS) {
        await reader.cancel().catch(() => undefined);
        return { ok: false, reason: 'not-a-backup' };
      }
      if (done) break;
    }
  } catch {
    // Bad gzip data, a file cut short inside the compressed stream, or bytes that aren't UTF-8.
    return header ? { ok: false, reason: 'damaged' } : { ok: false, reason: 'not-a-backup' };
  }
  if (buffer.trim()) {
    const stop = takeLine(buffer);
    if (stop) return stop;
  }
  if (!header) return { ok: false, reason: 'not-a-backup' };
  if (invalidRows) return { ok: false, reason: 'invalid-rows', problems, invalidRows };
  // A file cut short between lines still unpacks: the header's counts tell.
  for (const name of new Set([...Object.keys(header.counts), ...BACKUP_TABLES])) {
    const expected = header.counts[name] ?? 0;
    const found = isTable(name) ? counts[name] : 0;
    if (expected !== found) return { ok: false, reason: 'damaged', table: name, expected, found };
  }
  for (const name of BACKUP_TABLES) if (pending[name].length) rows[name].push(pending[name].join('\n'));
  return { ok: true, header, counts, rows };
}

// ---------------------------------------------------------------------------------------------
// Restoring

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
  await db.transaction('rw', [...BACKUP_TABLES], async () => {
    for (const name of BACKUP_TABLES) await tableOf(db, name).clear();
    for (const name of BACKUP_TABLES) {
      for (const page of backup.rows[name]) {
        const rows = pageRows(page); // parsed a page at a time, and let go once written
        await tableOf(db, name).bulkPut(rows);
        onProgress?.((done += rows.length), total);
      }
    }
  });
}
