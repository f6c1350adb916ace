// Every member's facts (member-columns.ts) kept in memory from the change stream, as the order
// ledger is: a write in this context hands over the member rows it put (changes.ts carries them), a
// write from another context names its keys and they are read back, a range delete (a restore)
// starts again from the rows. So after an import the facts that RFM, the report and segments read
// are ready, with no scan of 100k members. The changes wait in a small map and are merged into the
// columns when read (or when many gather); the columns are saved to disk with the members' mark
// once writes pause, so a worker that wakes reads them instead of scanning.
import { factOf, patchColumns } from '../../domain/member-columns-patch';
import type { FactMember, MemberColumns } from '../../domain/member-columns';
import type { MemberRow } from '../../domain/rows';
import { keysOf, onCommitted, rowsOf, touches } from '../../store/changes';
import type { RegularsDb } from '../../store/database';
import { generationOf } from '../../store/kept';
import { writeChunked } from '../../store/kept-chunks';
import { IMPORT_SAVE_PAUSE_MS, saveAfterPause } from '../derived';
import { lane } from '../lane';

/** Every member's facts as columns, with their ids in order; shared between callers: never change them. */
export interface MemberColumnsRead {
  columns: MemberColumns;
  ids: string[];
}

/** Members re-read per transaction when a write from elsewhere names many. */
const REREAD_BATCH = 5000;
/**
 * Changed members gathered before they are merged into the columns without being asked: this many,
 * or as many as half the members held, whichever is more. Each merge builds every column again: at
 * a fixed 20k, the end of a 200 MB import (270k members written, a slice at a time, into facts that
 * grew with them) built some 2M members' columns, garbage in the worker just before the keepers save;
 * growing with what is held, it builds about 0.8M, and the changes wait in the map at most half the members.
 */
export const MERGE_AT = 20_000;
const mergeAt = (held: number, least: number) => Math.max(least, Math.floor(held / 2));

export interface FactsKeeper {
  /** Follows writes from now on and loads the facts (from disk when current): the background calls it when it starts. */
  start(): void;
  /** The facts with every write committed so far in them. */
  current(): Promise<MemberColumnsRead>;
  /** Saves them now when they stand for the members' mark of now (tests; the keeper saves by itself once writes pause). */
  save(): Promise<boolean>;
  /**
   * Members whose tier a ladder apply changed without writing their rows (tier-overrides.ts), with
   * the members' mark the apply left: the facts follow, and are saved under that mark.
   */
  retier(members: readonly FactMember[], mark: string): void;
  /** Drops what is held (the store was replaced under this context): the next read loads again. */
  forget(): void;
  stop(): void;
  /** How many times gathered changes were merged into the columns (tests). */
  merges(): number;
}

/**
 * `load` reads the facts from disk when current, else from the rows (and keeps them on disk);
 * `keep` writes columns under the given mark when it is still the members' mark.
 */
export function factsKeeper(
  db: RegularsDb,
  load: () => Promise<MemberColumnsRead>,
  keep: (columns: MemberColumns, mark: string) => Promise<boolean>,
  saveDelayMs = 1000,
  importPauseMs = IMPORT_SAVE_PAUSE_MS,
  leastMerge = MERGE_AT,
): FactsKeeper {
  let facts: MemberColumnsRead | undefined;
  let merges = 0;
  /** Members written since `facts` were built (null: deleted), merged into them when read. */
  const changed = new Map<string, FactMember | null>();
  /** Members written elsewhere (or during a load), to read back. */
  const pending = new Set<string>();
  /** The members' mark of the last write seen: the facts stand for it once nothing is pending. */
  let lastMark: string | undefined;
  let wanted = false;
  let loading = false;
  let reload = false;

  const enqueue = lane('facts');
  const merge = () => {
    if (!facts || !changed.size) return;
    facts = patchColumns(facts.columns, facts.ids, changed);
    changed.clear();
    merges++;
  };
  /** Brings the facts up to date; `need`: load them if they are not held (else only held ones follow). */
  const drain = async (need: boolean): Promise<MemberColumnsRead | undefined> => {
    if (reload) {
      reload = false;
      facts = undefined;
      changed.clear();
    }
    if (!facts) {
      if (!need) return undefined;
      pending.clear();
      lastMark = undefined;
      loading = true;
      try {
        facts = await load();
      } finally {
        loading = false;
      }
    }
    while (pending.size && !reload) {
      const ids = [...pending].slice(0, REREAD_BATCH);
      for (const id of ids) pending.delete(id);
      const rows = await db.members.bulkGet(ids);
      ids.forEach((id, i) => changed.set(id, rows[i] ? factOf(rows[i]) : null));
    }
    if (reload) return drain(need);
    if (need || changed.size >= mergeAt(facts?.columns.count ?? 0, leastMerge)) merge();
    return facts;
  };
  const save = () =>
    enqueue(async () => {
      if (!facts || reload || pending.size || lastMark === undefined) return false;
      merge();
      return keep(facts.columns, lastMark);
    });
  // A save waits longer while an import session writes.
  const saving = saveAfterPause(() => save(), 'Regulars: the member facts were not saved', saveDelayMs, importPauseMs);
  const scheduleSave = () => saving.schedule();

  const stop = onCommitted((change) => {
    if (change.db !== db.name || !wanted || !touches(change, ['members'])) return;
    saving.wrote(change.origin);
    const keys = keysOf(change, 'members');
    lastMark = change.marks?.members ?? lastMark;
    if (keys === undefined) reload = true;
    else if (facts || loading) {
      // A delete in the same write may follow a put of the same member: then every key is read back.
      const deletes = change.tables.some((t) => t.table === 'members' && t.kind === 'delete');
      const rows = change.from === 'here' && !loading && !deletes ? rowsOf<MemberRow>(change, 'members') : undefined;
      const put = new Set<string>();
      for (const row of rows ?? []) {
        // Rows are written without their tier (store/member-tiers.ts): the facts take the one they show.
        changed.set(row.id, factOf({ ...row, tierId: db.memberTiers.tierOf(row) }));
        put.add(row.id);
      }
      // Deleted, or put without their rows at hand: read back.
      for (const k of keys) if (!put.has(k)) pending.add(k);
    }
    if (facts || reload || pending.size) void enqueue(() => drain(false)).catch((e) => console.error('Regulars: the member facts could not follow a change', e));
    if (facts || loading) scheduleSave();
  });
  return {
    merges: () => merges,
    start() {
      if (wanted) return;
      wanted = true;
      void enqueue(() => drain(true)).catch((e) => console.warn('Regulars: the member facts could not be loaded', e));
    },
    async current() {
      wanted = true;
      return (await enqueue(() => drain(true)))!;
    },
    save,
    retier(members, mark) {
      if (!facts && !loading) return;
      for (const m of members) if (!pending.has(m.id)) changed.set(m.id, factOf(m));
      lastMark = mark;
      scheduleSave();
    },
    forget() {
      reload = true;
    },
    stop() {
      stop();
      saving.cancel();
    },
  };
}

/** Writes columns under `mark`, in parts (kept-chunks.ts), when it is still the members' mark (checked with the head's write). */
export async function keepColumns(db: RegularsDb, key: string, columns: MemberColumns, mark: string): Promise<boolean> {
  return writeChunked(db, key, mark, columns, async () => (await generationOf(db, 'members')) === mark);
}
