// What an import session must put back if the user cancels it, kept on disk instead of in memory:
// each batch's transaction also records what that batch found before it wrote (the orders and
// members it changed, as they were; the ones it created, as ids; its new identities and tier
// changes). Cancelling applies the batches' records last first, so each row ends as the first
// batch that touched it found it. A session that ends (or a worker that dies) drops its records.
import type { RegularsDb } from '../../store/database';
import type { MemberWrite, OrderRow } from '../../domain/rows';

const UNDO = 'import-undo:';

/** A session's undo records: where they are kept and how many batches wrote one. */
export interface UndoJournal {
  session: string;
  batches: number;
}

/** One batch's record: rows as they were before it (null: the batch created it). */
export interface BatchUndo {
  orders: [string, OrderRow | null][];
  members: [string, MemberWrite | null][];
  identities: string[];
  tierChanges: string[];
}

export function undoJournal(session: string): UndoJournal {
  return { session, batches: 0 };
}

const keyOf = (session: string, batch: number) => `${UNDO}${session}:${String(batch).padStart(8, '0')}`;
const recordsOf = (db: RegularsDb, session: string) => db.caches.where('key').startsWith(`${UNDO}${session}:`);

/** Inside a batch's transaction (which covers the caches table): what it found before it wrote. */
export async function recordBatchUndo(db: RegularsDb, journal: UndoJournal, undo: BatchUndo): Promise<void> {
  if (!undo.orders.length && !undo.members.length && !undo.identities.length && !undo.tierChanges.length) return;
  await db.caches.put({ key: keyOf(journal.session, journal.batches), value: undo });
}

/** After the batch committed: the next batch's record comes after it. */
export function batchUndone(journal: UndoJournal, undo: BatchUndo): void {
  if (undo.orders.length || undo.members.length || undo.identities.length || undo.tierChanges.length) journal.batches++;
}

interface Restorable<T> {
  bulkDelete(keys: string[]): Promise<void>;
  bulkPut(rows: T[]): Promise<unknown>;
}

/**
 * Puts the store back as it was before the session whose journal this is: one transaction. Members in
 * `keep` (an agent wrote on them meanwhile: members/written-on.ts) stay, with their identities.
 */
export async function revertImport(db: RegularsDb, journal: UndoJournal, keep: ReadonlySet<string> = new Set()): Promise<{ orders: number; members: number }> {
  const orders = new Set<string>();
  const members = new Set<string>();
  await db.transaction('rw', [db.members, db.identities, db.orders, db.tierChanges, db.caches], async () => {
    const keys = (await recordsOf(db, journal.session).primaryKeys()).sort().reverse();
    // A record at a time, last batch first: a batch's before is what the batch before it left.
    for (const key of keys) {
      const undo = (await db.caches.get(key))?.value as BatchUndo | undefined;
      if (!undo) continue;
      const restore = async <T>(table: Restorable<T>, log: [string, T | null][], seen: Set<string>, kept: ReadonlySet<string> = new Set()) => {
        const gone = log.filter(([id, row]) => row === null && !kept.has(id)).map(([id]) => id);
        const back = log.map(([, row]) => row).filter((row): row is T => row !== null);
        for (const [id] of log) seen.add(id);
        if (gone.length) await table.bulkDelete(gone);
        if (back.length) await table.bulkPut(back);
      };
      await restore(db.orders, undo.orders, orders);
      await restore(db.members, undo.members, members, keep);
      const found = keep.size ? await db.identities.bulkGet(undo.identities) : [];
      const identities = keep.size ? found.flatMap((i) => (i && !keep.has(i.memberId) ? [i.id] : [])) : undo.identities;
      if (identities.length) await db.identities.bulkDelete(identities);
      if (undo.tierChanges.length) await db.tierChanges.bulkDelete(undo.tierChanges);
    }
    await db.caches.bulkDelete(keys);
  });
  journal.batches = 0;
  return { orders: orders.size, members: members.size };
}

/** A session that can no longer be cancelled (ended, or its store replaced): its records go. */
export async function dropUndo(db: RegularsDb, journal: UndoJournal): Promise<void> {
  journal.batches = 0;
  await recordsOf(db, journal.session).delete();
}

/** When the background starts: records of sessions a dead worker left (none of them can be cancelled now). */
export async function dropDeadUndo(db: RegularsDb, live: (session: string) => boolean): Promise<void> {
  const keys = await db.caches.where('key').startsWith(UNDO).primaryKeys();
  const dead = keys.filter((k) => !live(k.slice(UNDO.length, k.lastIndexOf(':'))));
  if (dead.length) await db.caches.bulkDelete(dead);
}
