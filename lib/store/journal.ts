// Which keys the last writes to a table touched, kept beside its generation mark (generation.ts) and
// written in the same transaction: derived data built at an older mark is brought up to date by
// reading only those rows, where without it every row would be read again.
import type { DBCoreMutateRequest } from 'dexie';

/** Tables whose writes are journaled. */
export const JOURNALED_TABLES: ReadonlySet<string> = new Set(['members']);

/** Keys remembered at most; a bigger write (an import batch, a restore) starts the journal afresh. */
export const JOURNAL_MAX_KEYS = 20_000;

export const journalKey = (table: string) => `journal:${table}`;

/** marks[i] → marks[i + 1] wrote keys[i]; marks[0] is the oldest mark it can bring up to date. */
export interface Journal {
  marks: string[];
  keys: string[][];
}

const total = (j: Journal) => j.keys.reduce((n, k) => n + k.length, 0);

/**
 * The journal after a write moved the mark from `previous` to `next`, writing `keys` (null: a range
 * was deleted, anything may have changed). A journal that does not end at `previous` (none yet, or
 * a write it missed) starts again at `next`.
 */
export function journalAfter(journal: Journal | undefined, previous: string | undefined, next: string, keys: readonly string[] | null): Journal {
  const follows = journal !== undefined && previous !== undefined && journal.marks[journal.marks.length - 1] === previous;
  if (!follows || keys === null || keys.length > JOURNAL_MAX_KEYS) return { marks: [next], keys: [] };
  const out: Journal = { marks: [...journal!.marks, next], keys: [...journal!.keys, [...keys]] };
  let size = total(out);
  while (size > JOURNAL_MAX_KEYS) {
    size -= out.keys.shift()!.length;
    out.marks.shift();
  }
  return out;
}

/** The keys written since the table's mark was `since`; undefined when the journal cannot tell. */
export function writtenSince(journal: Journal | undefined, since: string): Set<string> | undefined {
  const from = journal?.marks.indexOf(since) ?? -1;
  if (from < 0) return undefined;
  const out = new Set<string>();
  for (let i = from; i < journal!.keys.length; i++) for (const k of journal!.keys[i]!) out.add(k);
  return out;
}

/** The primary keys a write touched; null when a range was deleted. */
export function writtenKeys(req: DBCoreMutateRequest, results: readonly unknown[] | undefined): string[] | null {
  if (req.type === 'deleteRange') return null;
  const keys = req.type === 'delete' ? req.keys : (results ?? req.keys ?? []);
  return keys.map(String);
}
