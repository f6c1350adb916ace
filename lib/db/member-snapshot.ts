// What segments, the RFM overview and the RFM cut points read of every member (and their members'
// platforms), without a scan of 100k rows each time. Three layers:
// - in memory, per context: dropped whenever members or identities change (table-changes.ts: in
//   this context or another, the options page's restore, the members page);
// - on disk, as columns in the caches table (member-columns.ts), good while the table's generation
//   mark is the one they were built from (generation.ts): a service worker that wakes reads them in
//   a few milliseconds instead of scanning;
// - the scan itself, which writes the columns for the next time. The background rebuilds them soon
//   after members change (keepMemberFactsFresh), so that evaluation rarely waits for a scan.
import { decodeMembers, decodePlatforms, encodeMembers, encodePlatforms, memberIds, type FactMember, type MemberColumns } from '../domain/member-columns';
import { platformsByMember } from '../domain/segments';
import type { RegularsDb } from './database';
import { generationKey, type WatchedTable } from './generation';
import { onTableChanged } from './table-changes';

export type { FactMember };

type FactsTable = Extract<WatchedTable, 'members' | 'identities'>;
const FACTS_KEY: Record<FactsTable, string> = { members: 'facts:members', identities: 'facts:platforms' };
const snapshots: Record<FactsTable, Map<RegularsDb, Promise<unknown>>> = { members: new Map(), identities: new Map() };
const changedListeners = new Set<(table: FactsTable, dbName: string) => void>();
let listening = false;
const isFactsTable = (table: string | undefined): table is FactsTable => table === 'members' || table === 'identities';

function dropFor(table: FactsTable | undefined, name: string | undefined): void {
  for (const t of table ? [table] : (Object.keys(snapshots) as FactsTable[])) {
    for (const db of [...snapshots[t].keys()]) if (name === undefined || db.name === name) snapshots[t].delete(db);
  }
}

function listen(): void {
  if (listening) return;
  listening = true;
  onTableChanged((table, dbName) => {
    if (table === undefined) return dropFor(undefined, undefined);
    if (!isFactsTable(table)) return;
    dropFor(table, dbName);
    for (const listener of changedListeners) listener(table, dbName!);
  });
}

function inMemory<T>(db: RegularsDb, table: FactsTable, read: () => Promise<T>): Promise<T> {
  listen();
  const cache = snapshots[table];
  let value = cache.get(db) as Promise<T> | undefined;
  if (!value) {
    const p = read();
    value = p;
    cache.set(db, p);
    p.catch(() => cache.get(db) === p && cache.delete(db));
  }
  return value;
}

/** How the last read was served, for tests and the benchmark. */
export const factsReads = { disk: 0, scans: 0 };

/** The columns on disk when their generation is current; else a scan, whose columns are kept. */
async function readThrough<T, C>(db: RegularsDb, table: FactsTable, scan: () => Promise<{ value: T; columns: C }>, decode: (columns: C) => T): Promise<T> {
  const key = FACTS_KEY[table];
  const [mark, stored] = await db.transaction('r', [db.caches], () => Promise.all([db.caches.get(generationKey(table)), db.caches.get(key)]));
  if (mark && stored && stored.generation === mark.value) {
    try {
      const value = decode(stored.value as C);
      factsReads.disk++;
      return value;
    } catch (e) {
      console.warn('Regulars: member facts on disk could not be read; scanning instead', e);
    }
  }
  factsReads.scans++;
  const { generation, value, columns } = await db.transaction('r', [db.table(table), db.caches], async () => {
    const seen = (await db.caches.get(generationKey(table)))?.value as string | undefined;
    return { generation: seen, ...(await scan()) };
  });
  // Kept only if nothing was written since the scan (its mark would have moved): stale columns
  // are never stored. Without a mark (a new, empty store) there is nothing worth keeping.
  if (generation !== undefined) {
    await db
      .transaction('rw', [db.caches], async () => {
        if ((await db.caches.get(generationKey(table)))?.value === generation) await db.caches.put({ key, generation, builtAt: Date.now(), value: columns });
      })
      .catch((e) => console.warn('Regulars: member facts not kept', e));
  }
  return value;
}

/** Every member's facts as columns, with their ids in order; shared between callers: never change them. */
export interface MemberColumnsRead {
  columns: MemberColumns;
  ids: string[];
}

export function memberColumns(db: RegularsDb): Promise<MemberColumnsRead> {
  return inMemory(db, 'members', () =>
    readThrough<MemberColumnsRead, MemberColumns>(
      db,
      'members',
      async () => {
        const rows = await db.members.toArray();
        const columns = encodeMembers(rows);
        return { columns, value: { columns, ids: rows.map((r) => r.id) } };
      },
      (columns) => ({ columns, ids: memberIds(columns) }),
    ),
  );
}

const decoded = new WeakMap<MemberColumnsRead, FactMember[]>();

/** Every member as segments see it, as objects; shared between callers: never change it. */
export async function memberFacts(db: RegularsDb): Promise<FactMember[]> {
  const read = await memberColumns(db);
  let facts = decoded.get(read);
  if (!facts) decoded.set(read, (facts = decodeMembers(read.columns, read.ids)));
  return facts;
}

/** Member id → platforms of its handles, from the identities table; shared, never change it. */
export function platformsSnapshot(db: RegularsDb): Promise<ReadonlyMap<string, ReadonlySet<string>>> {
  return inMemory(db, 'identities', () =>
    readThrough(
      db,
      'identities',
      async () => {
        const value = platformsByMember(await db.identities.toArray());
        return { value, columns: encodePlatforms(value) };
      },
      decodePlatforms,
    ),
  );
}

/** Forgets every snapshot held in memory (the store was replaced under this context); the disk copy checks itself. */
export function forgetMemberSnapshots(): void {
  dropFor(undefined, undefined);
}

/**
 * In the background: after members or identities change, and changes pause for `delayMs`, the
 * facts are read again (a scan), so the columns on disk are current when the next evaluation comes
 * (a popup, a holiday sweep, a worker that woke). The pause is long enough that an import, whose
 * batches come every few seconds, is not slowed by scans between them (the RFM refresh after it
 * reads the facts anyway). Returns a function that stops it.
 */
export function keepMemberFactsFresh(db: RegularsDb, delayMs = 10_000): () => void {
  listen();
  const timers = new Map<FactsTable, ReturnType<typeof setTimeout>>();
  const listener = (table: FactsTable, dbName: string) => {
    if (dbName !== db.name) return;
    clearTimeout(timers.get(table));
    timers.set(
      table,
      setTimeout(() => {
        timers.delete(table);
        // Platforms are read (a scan of every identity) only for a shop whose segments use them.
        const read = table === 'members' ? memberColumns(db) : db.caches.get(FACTS_KEY.identities).then((kept) => kept && platformsSnapshot(db));
        read.catch((e) => console.warn('Regulars: member facts refresh failed', e));
      }, delayMs),
    );
  };
  changedListeners.add(listener);
  return () => {
    changedListeners.delete(listener);
    for (const timer of timers.values()) clearTimeout(timer);
  };
}
