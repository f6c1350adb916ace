// What segments, the RFM overview and the RFM cut points read of every member (and their members'
// platforms), without a scan of 100k rows each time. Three layers:
// - in memory, per context: the member facts kept from the change stream (facts-keeper.ts), the
//   platforms dropped whenever identities change (in this context or another);
// - on disk, as columns in the caches table (member-columns.ts), good while the table's generation
//   mark is the one they were built from (generation.ts): a service worker that wakes reads them in
//   a few milliseconds instead of scanning;
// - the scan itself, which writes the columns for the next time. The background saves the facts it
//   keeps soon after members change (keepMemberFactsFresh), so that evaluation rarely waits for a scan.
import { decodeMembers, encodeMembers, memberIds, type FactMember, type MemberColumns } from '../../domain/member-columns';
import { decodePlatforms, encodePlatforms, readPlatforms, type MemberPlatforms } from '../../domain/platform-columns';
import { platformsByMember } from '../../domain/segments';
import type { RegularsDb } from '../../store/database';
import type { WatchedTable } from '../../store/generation';
import { KEPT_FACTS, keptWhileUnchanged } from '../../store/kept';
import { onCommitted, touches } from '../../store/changes';
import { heldUntilChanged } from '../../store/held';
import { factsKeeper, keepColumns, type FactsKeeper, type MemberColumnsRead } from './facts-keeper';

export type { FactMember, MemberColumnsRead, MemberPlatforms };

type FactsTable = Extract<WatchedTable, 'members' | 'identities'>;
const FACTS_KEY: Record<FactsTable, string> = KEPT_FACTS;
/** How the last read was served, for tests and the benchmark. */
export const factsReads = { disk: 0, scans: 0 };

const served = (how: 'disk' | 'scan') => (how === 'disk' ? factsReads.disk++ : factsReads.scans++);

/** The scan (or disk read) behind the keeper: the columns as kept on disk while the members are unchanged. */
const loadColumns = (db: RegularsDb) =>
  keptWhileUnchanged<MemberColumnsRead, MemberColumns>(
    db,
    FACTS_KEY.members,
    ['members'],
    async () => {
      const rows = await db.members.toArray();
      const columns = encodeMembers(rows);
      return { columns, value: { columns, ids: rows.map((r) => r.id) } };
    },
    (columns) => ({ columns, ids: memberIds(columns) }),
    served,
  );

const heldPlatforms = heldUntilChanged<MemberPlatforms>(['identities']);
const keepers = new WeakMap<RegularsDb, FactsKeeper>();
const known = new Set<FactsKeeper>();

/** The one keeper of this database's member facts in this context (made on first call). */
export function memberFactsKeeper(db: RegularsDb, saveDelayMs?: number): FactsKeeper {
  let keeper = keepers.get(db);
  if (!keeper) {
    keeper = factsKeeper(db, () => loadColumns(db), (columns, mark) => keepColumns(db, FACTS_KEY.members, columns, mark), saveDelayMs);
    keepers.set(db, keeper);
    known.add(keeper);
  }
  return keeper;
}

/** Every member's facts as columns, with their ids in order, kept from the change stream; shared between callers: never change them. */
export const memberColumns = (db: RegularsDb): Promise<MemberColumnsRead> => memberFactsKeeper(db).current();

const decoded = new WeakMap<MemberColumnsRead, FactMember[]>();

/** Every member as segments see it, as objects; shared between callers: never change it. */
export async function memberFacts(db: RegularsDb): Promise<FactMember[]> {
  const read = await memberColumns(db);
  let facts = decoded.get(read);
  if (!facts) decoded.set(read, (facts = decodeMembers(read.columns, read.ids)));
  return facts;
}

/**
 * Every member's platforms (of their handles), from the identities table, in member id order: a
 * segment matches them to the member columns by index (membersOnPlatforms). Shared: never change it.
 */
export function platformsSnapshot(db: RegularsDb): Promise<MemberPlatforms> {
  return heldPlatforms.get(db, '', () =>
    keptWhileUnchanged(
      db,
      FACTS_KEY.identities,
      ['identities'],
      async () => {
        const columns = encodePlatforms(platformsByMember(await db.identities.toArray()));
        return { value: readPlatforms(columns), columns };
      },
      readPlatforms,
      served,
    ),
  );
}

const platformSets = new WeakMap<MemberPlatforms, Map<string, ReadonlySet<string>>>();

/** Member id → platforms of its handles, for filters over member rows; shared, never change it. */
export async function platformsByMemberId(db: RegularsDb): Promise<ReadonlyMap<string, ReadonlySet<string>>> {
  const read = await platformsSnapshot(db);
  let map = platformSets.get(read);
  if (!map) platformSets.set(read, (map = decodePlatforms(read)));
  return map;
}

/** Forgets every snapshot held in memory (the store was replaced under this context); the disk copy checks itself. */
export function forgetMemberSnapshots(): void {
  for (const keeper of known) keeper.forget();
  heldPlatforms.clear();
}

/**
 * In the background: the member facts follow every write from now on (memberFactsKeeper) and are
 * saved to disk once writes pause; after identities change, and changes pause for `delayMs`, the
 * platforms are read again (a scan), for a shop whose segments use them, so a worker that wakes
 * finds them current. The pause is long enough that an import, whose batches come every few
 * seconds, is not slowed by scans between them. Returns a function that stops the platforms' refresh.
 */
export function keepMemberFactsFresh(db: RegularsDb, delayMs = 10_000): () => void {
  memberFactsKeeper(db, Math.min(delayMs, 1000)).start();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const stop = onCommitted((change) => {
    if (change.db !== db.name || !touches(change, ['identities'])) return;
    clearTimeout(timer);
    timer = setTimeout(() => {
      db.caches
        .get(FACTS_KEY.identities)
        .then((kept) => kept && platformsSnapshot(db))
        .catch((e) => console.warn('Regulars: member platforms refresh failed', e));
    }, delayMs);
  });
  return () => {
    stop();
    clearTimeout(timer);
  };
}
