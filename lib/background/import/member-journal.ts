// An import session writes each member row once, at its end: a member it creates waits in memory
// like every later change to a member's stats (its identities and orders are written by the batch,
// pointing at a member whose row comes at the end). A batch's transaction records in a journal which
// members it left waiting, and the name of each it created, so a worker that dies mid-import
// creates the missing rows and brings them all up to date from their orders when it starts again:
// orders and journal commit together or not at all.
import Dexie from 'dexie';
import { withOrigin } from '../../store/changes';
import type { RegularsDb } from '../../store/database';
import type { MemberWrite } from '../../domain/rows';
import type { Settings } from '../../domain/settings';
import { readSettings } from '../../store/settings';
import { emptyMember } from '../members/members';
import type { DeferredMembers } from './import-cache';
import { recomputeMembers } from './member-refresh';

const JOURNAL = 'import-journal:';
/** Members written per step at a session's end. */
const WRITE_SLICE = 5000;

/** A journal entry: members that existed before the batch, and the members it created (id, display name), whose rows are not stored yet. */
interface JournalEntry {
  waiting: string[];
  created: [string, string][];
}

/** An entry as stored; a bare list is an entry of a session from before created members waited too. */
const entryOf = (value: unknown): JournalEntry => (Array.isArray(value) ? { waiting: value as string[], created: [] } : (value as JournalEntry));

/** Inside a batch's transaction (which covers the caches table): these members wait for the session's end, those it created with them. */
export async function journalWaiting(db: RegularsDb, deferred: DeferredMembers, waiting: readonly MemberWrite[], created: ReadonlySet<string>): Promise<void> {
  if (!waiting.length) return;
  const entry: JournalEntry = { waiting: [], created: [] };
  for (const row of waiting) {
    if (created.has(row.id)) entry.created.push([row.id, row.displayName]);
    else entry.waiting.push(row.id);
  }
  await db.caches.put({ key: `${JOURNAL}${deferred.session}:${deferred.entries}`, value: entry });
}

/** After a batch committed: the rows it left waiting, and the members it created. */
export function rememberPending(deferred: DeferredMembers, waiting: readonly MemberWrite[], created: Iterable<string>): void {
  for (const row of waiting) deferred.pending.set(row.id, row);
  for (const id of created) deferred.created.add(id);
  if (waiting.length) deferred.entries++;
}

const journalOf = (db: RegularsDb, session: string) => db.caches.where('key').startsWith(`${JOURNAL}${session}:`);

/**
 * The session's end: every waiting member row written once, a slice per transaction, each slice's
 * rows let go once committed (so the keepers following the change stream take them a slice at a
 * time, and 200k rows are never all held twice). A member someone else changed meanwhile (a tag, a
 * merge) is recomputed from its orders on top of what they wrote, in the last transaction, which
 * also clears the journal: a worker that dies before it brings every journaled member up to date
 * from its orders when it starts again (recoverJournals). The tier keeper records a move from the
 * tier before the session to the last (background/tiers/tier-keeper.ts).
 */
export async function writeWaiting(db: RegularsDb, deferred: DeferredMembers, now: number, origin: string | undefined, slice = WRITE_SLICE): Promise<void> {
  const settings = await readSettings(db);
  // In key order: each slice is one range of keys, and only keys are read back (see storedAmong).
  const ids = [...deferred.pending.keys()].sort();
  for (let i = 0; i < ids.length; i += slice) {
    const part = ids.slice(i, i + slice);
    const done = await db.transaction('rw', [db.members], async () => {
      if (origin) withOrigin(origin);
      // Asked once the transaction holds the table: a member another writer committed meanwhile is recomputed below instead.
      const elsewhere = deferred.changedElsewhere;
      const kept = elsewhere ? part.filter((id) => !elsewhere.has(id)) : [];
      // One this session created is written now for the first time; one removed meanwhile is not brought back.
      const stored = await storedAmong(db, kept.filter((id) => !deferred.created.has(id)));
      const rows = kept.filter((id) => deferred.created.has(id) || stored.has(id)).map((id) => deferred.pending.get(id)!);
      if (rows.length) await db.members.bulkPut(rows);
      return kept;
    });
    // Committed: those rows are the store's now.
    for (const id of done) deferred.pending.delete(id);
  }
  // What is left waiting: members written elsewhere meanwhile (every one, when that is unknown).
  const recompute = [...deferred.pending.keys()];
  await db.transaction('rw', [db.members, db.orders, db.tierChanges, db.caches], async () => {
    if (origin) withOrigin(origin);
    if (recompute.length) await recomputeMembers(db, recompute, now, origin, settings);
    await journalOf(db, deferred.session).delete();
  });
  deferred.pending.clear();
}

/**
 * Which of `ids` (sorted) have a member row: the keys of the range they span, without the rows. A
 * 200 MB export's end read every waiting member's row (270k) only to learn whether it was there:
 * each one decoded in the worker, garbage at the moment the keepers took the written rows.
 */
async function storedAmong(db: RegularsDb, ids: readonly string[]): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const keys = await db.members.where(':id').between(ids[0]!, ids[ids.length - 1]!, true, true).primaryKeys();
  const wanted = new Set(ids);
  return new Set(keys.filter((k) => wanted.has(k)));
}

/**
 * A member this session created and has not written, asked for by an agent (the panel opened on
 * the buyer mid-import): written now, as the session has it so far, so it can be read, tagged and
 * noted at once. Written outside the session, it counts as changed elsewhere: the session's end
 * brings it up to date from its orders on top of what the agent wrote, and a cancel takes it back
 * with the batch that created it (its undo record names it as new).
 */
export async function writeEarly(db: RegularsDb, deferred: DeferredMembers, memberId: string): Promise<boolean> {
  const row = deferred.pending.get(memberId);
  if (!row || !deferred.created.has(memberId)) return false;
  return db.transaction('rw', [db.members], async () => {
    if (await db.members.get(memberId)) return false;
    await db.members.add(row);
    deferred.early.add(memberId);
    return true;
  });
}

/**
 * A cancelled session: nothing waits any more (its orders are reverted by the undo log). Members it
 * wrote early that are in `keep` (an agent wrote on them) stay, with stats from the orders left.
 */
export async function dropJournal(db: RegularsDb, deferred: DeferredMembers, keep: ReadonlySet<string>, now: number): Promise<void> {
  deferred.pending.clear();
  const early = [...deferred.early].filter((id) => !keep.has(id));
  deferred.early.clear();
  await db.transaction('rw', [db.members, db.orders, db.tierChanges, db.caches], async () => {
    // The members it created that were written early go with the rest of it.
    if (early.length) await db.members.bulkDelete(early);
    if (keep.size) await recomputeMembers(db, [...keep], now);
    await journalOf(db, deferred.session).delete();
  });
}

/**
 * When the background starts: sessions a dead worker left unfinished have their waiting members
 * recomputed from their orders, and their journal cleared. `live` sessions are this worker's own.
 */
export async function recoverJournals(db: RegularsDb, now: number, live: (session: string) => boolean = () => false): Promise<number> {
  const entries = (await db.caches.where('key').startsWith(JOURNAL).toArray()).filter((e) => !live(e.key.slice(JOURNAL.length, e.key.lastIndexOf(':'))));
  if (!entries.length) return 0;
  const journal = entries.map((e) => entryOf(e.value));
  const created = new Map(journal.flatMap((e) => e.created));
  const ids = [...new Set([...journal.flatMap((e) => e.waiting), ...created.keys()])];
  const settings = await readSettings(db);
  await db.transaction('rw', [db.members, db.orders, db.tierChanges, db.caches], async () => {
    await createMissing(db, created, now, settings);
    await recomputeMembers(db, ids, now, undefined, settings);
    await db.caches.bulkDelete(entries.map((e) => e.key));
  });
  return ids.length;
}

/** Rows for the members a session created and never wrote, when orders point at them (a store restored from before the batch has none). */
async function createMissing(db: RegularsDb, created: ReadonlyMap<string, string>, now: number, settings: Settings): Promise<void> {
  const ids = [...created.keys()];
  if (!ids.length) return;
  const stored = await db.members.bulkGet(ids);
  const missing = ids.filter((_, i) => !stored[i]);
  const withOrders = await Promise.all(missing.map((id) => db.orders.where('[memberId+placedAt]').between([id, Dexie.minKey], [id, Dexie.maxKey]).count()));
  const rows = missing.filter((_, i) => withOrders[i]! > 0).map((id) => emptyMember(id, created.get(id)!, settings, now));
  if (rows.length) await db.members.bulkPut(rows);
}
