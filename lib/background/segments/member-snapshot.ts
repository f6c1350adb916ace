// What segments, the RFM overview and the RFM cut points read of every member (and their members'
// platforms), without a scan of 100k rows each time. Three layers:
// - in memory, per context: dropped whenever members or identities change (the change stream,
//   lib/store/changes.ts: in this context or another, the options page's restore, the members page),
//   and brought up to date on the next read by reading only the members written since (the members
//   table's journal, lib/store/journal.ts), not all of them;
// - on disk, as columns in the caches table (member-columns.ts), good while the table's generation
//   mark is the one they were built from (generation.ts): a service worker that wakes reads them in
//   a few milliseconds instead of scanning;
// - the scan itself, which writes the columns for the next time. The background rebuilds them soon
//   after members change (keepMemberFactsFresh), so that evaluation rarely waits for a scan.
import { decodeMembers, memberIds, type FactMember, type MemberColumns } from '../../domain/member-columns';
import { encodeMembers, patchMembers } from '../../domain/member-columns-build';
import { decodePlatforms, encodePlatforms, readPlatforms, type MemberPlatforms } from '../../domain/platform-columns';
import { platformsByMember } from '../../domain/segments';
import type { RegularsDb } from '../../store/database';
import type { WatchedTable } from '../../store/generation';
import { KEPT_FACTS, keepAt, keptUpToDate, keptWhileUnchanged, type Current } from '../../store/kept';
import type { MemberRow } from '../../domain/rows';
import { onCommitted, touches } from '../../store/changes';
import { heldUntilChanged } from '../../store/held';

export type { FactMember, MemberPlatforms };

type FactsTable = Extract<WatchedTable, 'members' | 'identities'>;
const FACTS_KEY: Record<FactsTable, string> = KEPT_FACTS;
/** How the reads were served (memory: nothing changed; patch: only the members written since were read), for tests and the benchmark. */
export const factsReads = { disk: 0, scans: 0, patches: 0, memory: 0 };

const served = (how: 'disk' | 'scan' | 'patch' | 'memory') => {
  if (how === 'disk') factsReads.disk++;
  else if (how === 'scan') factsReads.scans++;
  else if (how === 'patch') factsReads.patches++;
  else factsReads.memory++;
};

/** Every member's facts as columns, with their ids in order; shared between callers: never change them. */
export interface MemberColumnsRead {
  columns: MemberColumns;
  ids: string[];
}

const heldColumns = heldUntilChanged<MemberColumnsRead>(['members']);
const heldPlatforms = heldUntilChanged<MemberPlatforms>(['identities']);

// The last facts read per database, current at a members mark: what the journal brings up to date.
let lastColumns = new WeakMap<RegularsDb, Current<MemberColumnsRead>>();

export function memberColumns(db: RegularsDb): Promise<MemberColumnsRead> {
  return heldColumns.get(db, '', async () => {
    const current = await keptUpToDate<MemberColumnsRead, MemberColumns, MemberRow>(
      db,
      FACTS_KEY.members,
      'members',
      lastColumns.get(db),
      {
        scan: async () => {
          const rows = await db.members.toArray();
          const columns = encodeMembers(rows);
          return { columns, value: { columns, ids: rows.map((r) => r.id) } };
        },
        decode: (columns) => ({ columns, ids: memberIds(columns) }),
        patch: (value, rows) => patchMembers(value.columns, value.ids, rows),
      },
      served,
    );
    lastColumns.set(db, current);
    return current.value;
  });
}

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
  heldColumns.clear();
  lastColumns = new WeakMap();
  heldPlatforms.clear();
}

/**
 * In the background: after members or identities change, and changes pause for `delayMs`, the
 * facts are read again (a scan), so the columns on disk are current when the next evaluation comes
 * (a popup, a holiday sweep, a worker that woke). The pause is long enough that an import, whose
 * batches come every few seconds, is not slowed by scans between them (the RFM refresh after it
 * reads the facts anyway). Returns a function that stops it.
 */
export function keepMemberFactsFresh(db: RegularsDb, delayMs = 10_000): () => void {
  const timers = new Map<FactsTable, ReturnType<typeof setTimeout>>();
  const stop = onCommitted((change) => {
    if (change.db !== db.name) return;
    for (const table of ['members', 'identities'] as const) {
      if (!touches(change, [table])) continue;
      clearTimeout(timers.get(table));
      timers.set(
        table,
        setTimeout(() => {
          timers.delete(table);
          // Platforms are read (a scan of every identity) only for a shop whose segments use them.
          const read = table === 'members' ? keepMemberColumns(db) : db.caches.get(FACTS_KEY.identities).then((kept) => kept && platformsSnapshot(db));
          read.catch((e) => console.warn('Regulars: member facts refresh failed', e));
        }, delayMs),
      );
    }
  });
  return () => {
    stop();
    for (const timer of timers.values()) clearTimeout(timer);
  };
}

/** The member facts brought up to date and kept on disk, when what is kept there is older. */
async function keepMemberColumns(db: RegularsDb): Promise<void> {
  const { columns } = await memberColumns(db);
  const current = lastColumns.get(db);
  if (current?.generation === undefined || current.value.columns !== columns) return;
  if ((await db.caches.get(FACTS_KEY.members))?.generation !== current.generation) await keepAt(db, FACTS_KEY.members, ['members'], current.generation, columns);
}
