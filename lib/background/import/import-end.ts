// An import session's end, in steps: its waiting member rows (member-journal.ts) are written a slice
// per transaction, in key order, and each slice's transaction also records how far the end got. A
// 200 MB export's end (270k members) took some 6 minutes under load as one message, past the
// 5 minutes Chrome gives one event of a service worker: the worker was stopped at the end, and the
// next one recomputed every journaled member from its orders in one transaction (over 1.1 GB). Now
// the options page asks for the end a step at a time (each a few slices), and a worker that starts
// after one stopped mid-import or mid-end brings the members up to date a slice per transaction,
// from where the end (or an earlier recovery) got to.
import Dexie from 'dexie';
import { withOrigin } from '../../store/changes';
import type { RegularsDb } from '../../store/database';
import type { Settings } from '../../domain/settings';
import { readSettings } from '../../store/settings';
import { emptyMember } from '../members/members';
import type { DeferredMembers } from './import-cache';
import { entryOf, JOURNAL, journalOf } from './member-journal';
import { recomputeMembers } from './member-refresh';

/** Members written per transaction at a session's end. */
const WRITE_SLICE = 5000;
/** Members recomputed from their orders per transaction when a dead worker's session is recovered. */
export const RECOVER_SLICE = 2000;

/** How far a session's end got: every waiting member up to `upTo` (in key order) is written; once `done`, what the import did. */
const END = 'import-end:';
export type EndMark = { upTo: string } | { done: true; created: number; matched: number; at: number };

const endKey = (session: string) => `${END}${session}`;

/**
 * Writes the session's waiting member rows a slice per transaction (in key order, each slice's rows
 * let go once committed), until `budgetMs` has passed after a slice. Returns true once every row is
 * written and the journal cleared; false: call again. A member someone else changed meanwhile (a tag,
 * a merge) is recomputed from its orders on top of what they wrote, in its slice's transaction (every
 * member of the slice, when who changed what is not known). The tier keeper records a move from the
 * tier before the session to the last (background/tiers/tier-keeper.ts).
 */
export async function writeWaitingStep(
  db: RegularsDb,
  deferred: DeferredMembers,
  now: number,
  origin: string | undefined,
  { slice = WRITE_SLICE, budgetMs = Infinity } = {},
): Promise<boolean> {
  const settings = await readSettings(db);
  // In key order: each slice is one range of keys, and only keys are read back (see storedAmong).
  const slots = (deferred.endOrder ??= deferred.pending.slotsInKeyOrder());
  const started = performance.now();
  while ((deferred.endAt ??= 0) < slots.length) {
    const part = Array.from(slots.subarray(deferred.endAt, deferred.endAt + slice), (slot) => deferred.pending.idAt(slot));
    const done = await db.transaction('rw', [db.members, db.orders, db.tierChanges, db.caches], async () => {
      if (origin) withOrigin(origin);
      // Asked once the transaction holds the table: a member another writer committed meanwhile is
      // recomputed instead (every stored one of the slice, when who changed what is not known).
      const elsewhere = deferred.changedElsewhere;
      const stored = await storedAmong(db, part);
      const created = (id: string) => deferred.created.has(id);
      const recompute = part.filter((id) => stored.has(id) && (!elsewhere || elsewhere.has(id)));
      // One this session created is written now for the first time; one removed meanwhile is not brought back.
      const fresh = (id: string) => (elsewhere ? !elsewhere.has(id) && (created(id) || stored.has(id)) : created(id) && !stored.has(id));
      const write = part.filter(fresh).map((id) => deferred.pending.get(id)!);
      if (write.length) await db.members.bulkPut(write);
      if (recompute.length) await recomputeMembers(db, recompute, now, origin, settings);
      await db.caches.put({ key: endKey(deferred.session), value: { upTo: part[part.length - 1]! } satisfies EndMark });
      return part;
    });
    // Committed: those rows are the store's now.
    for (const id of done) deferred.pending.delete(id);
    deferred.endAt += part.length;
    if (performance.now() - started >= budgetMs && deferred.endAt < slots.length) return false;
  }
  await db.transaction('rw', [db.caches], async () => {
    if (origin) withOrigin(origin);
    await journalOf(db, deferred.session).delete();
    await db.caches.delete(endKey(deferred.session));
  });
  deferred.pending.clear();
  deferred.endOrder = undefined;
  return true;
}

/** Every waiting row written, the journal cleared (the benchmark's and the tests' whole end at once). */
export async function writeWaiting(db: RegularsDb, deferred: DeferredMembers, now: number, origin: string | undefined, slice = WRITE_SLICE): Promise<void> {
  await writeWaitingStep(db, deferred, now, origin, { slice });
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
 * When the background starts: sessions a dead worker left unfinished (mid-import or mid-end) have
 * their journaled members brought up to date from their orders, a slice per transaction from where
 * the end got to, so a worker stopped while it recovers goes on from there too; their journal is
 * then cleared and what the import did is kept for the options page (takeRecovered). `live` sessions
 * are this worker's own. Returns how many members were recomputed.
 */
export async function recoverJournals(db: RegularsDb, now: number, live: (session: string) => boolean = () => false, slice = RECOVER_SLICE): Promise<number> {
  const keys = (await db.caches.where('key').startsWith(JOURNAL).primaryKeys()).filter((k) => !live(sessionOf(k)));
  const sessions = [...new Set(keys.map(sessionOf))];
  let recomputed = 0;
  for (const session of sessions) recomputed += await recoverSession(db, session, now, slice);
  return recomputed;
}

const sessionOf = (key: string) => key.slice(JOURNAL.length, key.lastIndexOf(':'));

async function recoverSession(db: RegularsDb, session: string, now: number, slice: number): Promise<number> {
  // Member ids and the names of those it created; the rows and orders only a slice at a time.
  const names = new Map<string, string>();
  let matched = 0;
  await journalOf(db, session).each((e) => {
    const entry = entryOf(e.value);
    for (const [id, name] of entry.created) names.set(id, name);
    for (const id of entry.waiting) if (!names.has(id)) names.set(id, '');
  });
  for (const name of names.values()) if (!name) matched++;
  const mark = (await db.caches.get(endKey(session)))?.value as EndMark | undefined;
  const upTo = mark && 'upTo' in mark ? mark.upTo : '';
  const ids = [...names.keys()].filter((id) => id > upTo).sort();
  const settings = await readSettings(db);
  for (let i = 0; i < ids.length; i += slice) {
    const part = ids.slice(i, i + slice);
    await db.transaction('rw', [db.members, db.orders, db.tierChanges, db.caches], async () => {
      await createMissing(db, part.filter((id) => names.get(id)).map((id) => [id, names.get(id)!]), now, settings);
      await recomputeMembers(db, part, now, undefined, settings);
      await db.caches.put({ key: endKey(session), value: { upTo: part[part.length - 1]! } satisfies EndMark });
    });
  }
  await db.transaction('rw', [db.caches], async () => {
    await journalOf(db, session).delete();
    await db.caches.put({ key: endKey(session), value: { done: true, created: names.size - matched, matched, at: now } satisfies EndMark });
  });
  return ids.length;
}

/** Rows for the members a session created and never wrote, when orders point at them (a store restored from before the batch has none). */
async function createMissing(db: RegularsDb, created: readonly [string, string][], now: number, settings: Settings): Promise<void> {
  if (!created.length) return;
  const stored = await db.members.bulkGet(created.map(([id]) => id));
  const missing = created.filter((_, i) => !stored[i]);
  const withOrders = await Promise.all(missing.map(([id]) => db.orders.where('[memberId+placedAt]').between([id, Dexie.minKey], [id, Dexie.maxKey]).count()));
  const rows = missing.filter((_, i) => withOrders[i]! > 0).map(([id, name]) => emptyMember(id, name, settings, now));
  if (rows.length) await db.members.bulkPut(rows);
}

/** Whether a session's journal is still there (its end, or its recovery, not finished). */
export const journalLeft = async (db: RegularsDb, session: string) => (await journalOf(db, session).count()) > 0;

/** What a session recovered by this worker did (its counts), taken once: the options page asking for its end again gets it. */
export async function takeRecovered(db: RegularsDb, session: string): Promise<{ created: number; matched: number } | undefined> {
  const mark = (await db.caches.get(endKey(session)))?.value as EndMark | undefined;
  if (!mark || !('done' in mark)) return undefined;
  await db.caches.delete(endKey(session));
  return { created: mark.created, matched: mark.matched };
}

/** A recovered session's counts nobody asked for within a day are let go. */
export async function dropOldRecovered(db: RegularsDb, now: number): Promise<void> {
  const marks = await db.caches.where('key').startsWith(END).toArray();
  const old = marks.filter((m) => 'done' in (m.value as EndMark) && (m.value as { at: number }).at < now - 86_400_000);
  if (old.length) await db.caches.bulkDelete(old.map((m) => m.key));
}
