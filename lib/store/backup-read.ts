// Reading a backup file back (lib/store/backup.ts writes one): every row checked against its table's
// schema before anything is restored, the first problems reported precisely.
import { BACKUP_FORMAT, BACKUP_PAGE, BACKUP_ROW_SCHEMAS, BACKUP_TABLES, backupHeaderSchema, isBackupTable, type BackupHeader, type BackupProblem, type BackupRead, type BackupTable, type Progress, type TableCounts, type ValidBackup } from '../domain/backup';
import { because, issueReason } from '../domain/reason';
import { CURRENT_SCHEMA_VERSION } from './schema';

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
      return refuse({ table: '', line: lineNo, field: '', problem: 'not valid JSON', reason: because('backup.json') });
    }
    const { t, r } = (typeof raw === 'object' && raw !== null ? raw : {}) as { t?: unknown; r?: unknown };
    if (!isBackupTable(t)) return refuse({ table: typeof t === 'string' ? t : '', line: lineNo, field: 't', problem: 'not a table of Regulars', reason: because('backup.table') });
    counts[t]++;
    const parsed = BACKUP_ROW_SCHEMAS[t].safeParse(r);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      return refuse({ table: t, line: lineNo, key: keyOf(t, r), field: issue.path.join('.'), problem: issue.message, reason: issueReason(issue) });
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
    const found = isBackupTable(name) ? counts[name] : 0;
    if (expected !== found) return { ok: false, reason: 'damaged', table: name, expected, found };
  }
  for (const name of BACKUP_TABLES) if (pending[name].length) rows[name].push(pending[name].join('\n'));
  return { ok: true, header, counts, rows };
}
