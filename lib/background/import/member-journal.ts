// An import session writes each member row once, at its end: a member it creates waits in memory
// like every later change to a member's stats (its identities and orders are written by the batch,
// pointing at a member whose row comes at the end). A batch's transaction records in a journal which
// members it left waiting, and the name of each it created, so a worker that dies mid-import
// creates the missing rows and brings them all up to date from their orders when it starts again:
// orders and journal commit together or not at all.
import type { RegularsDb } from '../../store/database';
import type { MemberWrite } from '../../domain/rows';
import type { DeferredMembers } from './import-cache';
import { recomputeMembers } from './member-refresh';

export const JOURNAL = 'import-journal:';

/** A journal entry: members that existed before the batch, and the members it created (id, display name), whose rows are not stored yet. */
export interface JournalEntry {
  waiting: string[];
  created: [string, string][];
}

/** An entry as stored; a bare list is an entry of a session from before created members waited too. */
export const entryOf = (value: unknown): JournalEntry => (Array.isArray(value) ? { waiting: value as string[], created: [] } : (value as JournalEntry));

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

export const journalOf = (db: RegularsDb, session: string) => db.caches.where('key').startsWith(`${JOURNAL}${session}:`);

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
