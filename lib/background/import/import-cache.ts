// What an import remembers of the store between batches (identities, order ids, members), and
// what it found there first, so the whole import can be taken back.
import { keysOf, onCommitted, touches } from '../../store/changes';
import { newId, type RegularsDb } from '../../store/database';
import { type MemberWrite } from '../../domain/rows';
import { undoJournal, type UndoJournal } from './undo-journal';
import { marksNow, readKeptBatches, type BatchMarks } from './kept-batches';
import { timedPhase } from './phases';
import { WaitingRows, type CreatedMembers } from './waiting-rows';
import { KnownOrders } from './known-orders';
import { KnownIdentities } from './known-identities';

/**
 * What an import already knows about the store, so a file of many batches does not read the same
 * things again and again. A preloaded cache follows the change stream: whatever another writer
 * commits (tags, a profile, a merge, another import) is forgotten and read again.
 */
export interface ImportCache {
  /** Identity id → member id, for identities known to exist. */
  identities: KnownIdentities;
  /** True when `identities` holds every identity in the store: a miss then needs no read. */
  identitiesComplete: boolean;
  /**
   * A preloaded cache's orders: every order id in the store (while `complete`: ids outside it need no
   * read) and, for orders no one else has written since, the digest of the file row the stored order
   * was last made from (or found equal to): the same row again is unchanged without a read.
   */
  orders: KnownOrders | undefined;
  /** Member rows as last written by this import. */
  members: Map<string, MemberWrite>;
  /** Where each batch records what the store held before it, so the whole import can be cancelled (undo-journal.ts). */
  undo?: UndoJournal | undefined;
  /** Batches (by a digest of their JSON text) this cache stored or found unchanged (known-batches.ts). */
  batches?: Map<number, KnownBatch> | undefined;
  /** The category rules the digests (and the kept batches) were made under (the rules categorise the items). */
  rulesKey?: string | undefined;
  /** True while the batches read from disk (kept-batches.ts) hold: no order written and the rules unchanged since. */
  keptTrusted?: boolean | undefined;
  /** The generation marks of orders and identities as this cache last saw them (kept-batches.ts). */
  marks?: BatchMarks | undefined;
  /** The store this cache describes. */
  store?: RegularsDb | undefined;
  /** An import session's member rows waiting for its end (member-journal.ts). */
  deferred?: DeferredMembers | undefined;
  /** A preloaded cache's database and its name for its own writes (their changes are its own doing). */
  db?: string | undefined;
  origin?: string | undefined;
}

/**
 * A batch's orders (once each, by their keys in KnownOrders) and the digests its rows left, as one number; or, for a batch read
 * from disk (kept-batches.ts), only how many orders it holds: it is known while `keptTrusted`.
 */
export type KnownBatch = { orderKeys: Float64Array; digests: number } | { kept: number };

/** Member rows an import session computed and has not yet written (member-journal.ts). */
export interface DeferredMembers {
  session: string;
  /** Rows as the session last computed them, by member id (held as columns: waiting-rows.ts). */
  pending: WaitingRows;
  /** Members this session created: their first tier is no tier change (a bit of their waiting row: `pending.created`). */
  created: CreatedMembers;
  /** Waiting members another writer changed meanwhile, recomputed from their orders at the end; undefined: any may have been. */
  changedElsewhere: Set<string> | undefined;
  /** Journal entries written so far. */
  entries: number;
  /** Members it created that were written before its end, because an agent opened them (member-journal.ts writeEarly). */
  early: Set<string>;
  /** Once its end began: the slots of the waiting members in key order (waiting-rows.ts), and how many of them are written (import-end.ts). */
  endOrder?: Uint32Array | undefined;
  endAt?: number | undefined;
}

const liveCaches = new Set<ImportCache>();

/** A cache that reads what it needs: right for a handful of orders (order capture). */
export function lazyCache(): ImportCache {
  return { identities: new KnownIdentities(), identitiesComplete: false, orders: undefined, members: new Map() };
}

/** A cache that loads every identity and order id once: right for a file of thousands of orders. */
export async function preloadedCache(db: RegularsDb): Promise<ImportCache> {
  const cache = lazyCache();
  // Old schemas in tests have no caches table: no marks, nothing kept.
  const marked = db.tables.some((t) => t.name === 'caches');
  await db.transaction('r', marked ? [db.identities, db.orders, db.caches] : [db.identities, db.orders], async () => {
    const kept = async () => {
      if (!marked) return;
      cache.marks = await marksNow(db);
      const batches = await readKeptBatches(db, cache.marks);
      if (!batches) return;
      cache.batches = new Map([...batches.batches].map(([text, kept]) => [text, { kept }]));
      cache.rulesKey = batches.rulesKey;
      cache.keptTrusted = true;
    };
    const [identities, orderIds] = await Promise.all([db.identities.toArray(), db.orders.toCollection().primaryKeys(), kept()]);
    for (const i of identities) cache.identities.set(i.id, i.memberId);
    cache.orders = new KnownOrders();
    for (const id of orderIds) cache.orders.add(id);
  });
  cache.identitiesComplete = true;
  cache.store = db;
  cache.db = db.name;
  cache.origin = newId('import');
  followChanges();
  liveCaches.add(cache);
  return cache;
}

/**
 * An import session's cache: preloaded (or the last session's, kept warm), with an undo log (the
 * whole import can be cancelled) and member rows written once, at the session's end (member-journal.ts).
 */
export async function sessionCache(db: RegularsDb, session: string, origin: string): Promise<ImportCache> {
  const cache = takeWarm(db) ?? (await timedPhase('session.preload', () => preloadedCache(db)));
  const pending = new WaitingRows();
  const deferred = { session, pending, created: pending.created, changedElsewhere: new Set<string>(), entries: 0, early: new Set<string>() };
  return Object.assign(cache, { undo: undoJournal(session), origin, deferred });
}

export function releaseCache(cache: ImportCache): void {
  liveCaches.delete(cache);
}

/** How long a finished session's cache is kept: an import soon after (the same file again, the next file) reads nothing to start. */
export const WARM_MS = 60_000;
let warm: { cache: ImportCache; timer: ReturnType<typeof setTimeout> } | undefined;

/**
 * The most a cache kept warm may hold. The minute it is kept is the minute the background is at its
 * busiest (the reminders' sweep, the tiers, the keepers' saves after an import), and the cache grows
 * with the store: after a 200 MB export (673k orders, 550k identities) it held 42 MB. A store of 100k
 * orders keeps its cache (some 7 MB); a bigger one is read again by its next import, whose unchanged
 * batches the kept batches on disk (kept-batches.ts) still skip.
 */
export const WARM_BUDGET_BYTES = 16_000_000;

/** The bytes a cache's tables hold (its orders, identities and the keys of its batches' orders). */
export function cacheBytes(cache: ImportCache): number {
  let bytes = cache.identities.bytes + (cache.orders?.bytes ?? 0);
  for (const batch of cache.batches?.values() ?? []) if ('orderKeys' in batch) bytes += batch.orderKeys.byteLength;
  return bytes;
}

/** Too big to be kept warm after its session (WARM_BUDGET_BYTES). */
export function tooBigToKeepWarm(cache: ImportCache, budgetBytes = WARM_BUDGET_BYTES): boolean {
  return cacheBytes(cache) > budgetBytes;
}

/**
 * Lets a session's tables of the store go (identities, order ids and digests, known batches) once its
 * end begins, when they will not be kept warm: the end writes the waiting member rows and needs none
 * of them, and after a 200 MB export they are some 60 MB held while the keepers follow 270k members.
 */
export function letTablesGo(cache: ImportCache): void {
  cache.identities.clear();
  cache.identitiesComplete = false;
  cache.orders = undefined;
  cache.batches = undefined;
  cache.keptTrusted = false;
}

/**
 * Keeps a finished session's cache (still following the change stream) for the next session on the
 * same store, if it fits WARM_BUDGET_BYTES. Without its member rows: its session's end may have
 * rewritten them (the next session reads them again), and after a big file they are a row per member
 * held while the keepers save.
 */
export function keepWarm(cache: ImportCache, budgetBytes = WARM_BUDGET_BYTES): void {
  dropWarm();
  cache.members.clear();
  if (tooBigToKeepWarm(cache, budgetBytes) || !cache.orders) return releaseCache(cache);
  const timer = setTimeout(() => dropWarm(), WARM_MS);
  warm = { cache: Object.assign(cache, { undo: undefined, deferred: undefined }), timer };
}

export function dropWarm(): void {
  if (!warm) return;
  clearTimeout(warm.timer);
  releaseCache(warm.cache);
  warm = undefined;
}

function takeWarm(db: RegularsDb): ImportCache | undefined {
  const kept = warm?.cache;
  if (!kept || kept.store !== db) return undefined;
  clearTimeout(warm!.timer);
  warm = undefined;
  if (!kept.orders?.complete || !kept.identitiesComplete) {
    releaseCache(kept);
    return undefined;
  }
  return kept;
}

let following = false;

/** What others commit, live caches forget: members and identities are read again, order ids follow. */
function followChanges(): void {
  if (following) return;
  following = true;
  onCommitted((change) => {
    for (const cache of liveCaches) {
      if (change.db !== cache.db) continue;
      // Its own writes too: a batch's orders may be in a kept batch after it.
      if (touches(change, ['orders'])) cache.keptTrusted = false;
      if (cache.marks && change.marks) {
        const { orders, identities } = change.marks;
        cache.marks = { orders: orders ?? cache.marks.orders, identities: identities ?? cache.marks.identities };
      }
      if (change.origin !== undefined && change.origin === cache.origin) continue;
      if (touches(change, ['members'])) {
        const ids = keysOf(change, 'members');
        if (ids) for (const id of ids) cache.members.delete(id);
        else cache.members.clear();
        const deferred = cache.deferred;
        if (deferred && !ids) deferred.changedElsewhere = undefined;
        else if (deferred && ids) for (const id of ids) if (deferred.pending.has(id)) deferred.changedElsewhere?.add(id);
      }
      if (touches(change, ['identities'])) {
        cache.identities.clear();
        cache.identitiesComplete = false;
      }
      for (const t of change.tables) {
        if (t.table !== 'orders') continue;
        const orders = cache.orders;
        if (!orders) continue;
        if (t.keys === null) {
          orders.forgetDigests();
          orders.complete = false;
        } else if (t.kind === 'put') {
          for (const id of t.keys) {
            orders.forgetDigest(id);
            orders.add(id);
          }
        } else for (const id of t.keys) orders.forgetDigest(id); // still named: a removed order may be read for nothing, never missed
      }
    }
  });
}
