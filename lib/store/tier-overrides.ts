// The tiers a ladder apply gave, kept beside the member rows instead of in them: rewriting 38k member
// rows took most of a re-rank's 28 s, saving this map takes milliseconds. Every read of a member row
// goes through the middleware below, so readers (card, lists, reminders, export, backup, import) see
// the applied tier as the row's `tierId`. A member's entry counts while the row was not written after
// the apply (`updatedAt`) and still carries the tier it had then (`base`): a row written since
// carries a tier of its own, since the writer read the applied one through here, or an import ranked
// it again with the ladder then saved. In this context the entry of a member written goes at once.
// TODO(2026-12-04): member rows still carry tierId (imports write it); once they no longer do, this
// becomes the only tier and the validity check goes.
import type { DBCore, DBCoreTable, Middleware } from 'dexie';
import type Dexie from 'dexie';
import { keysOf, onCommitted, touches } from './changes';

/** Where the map is kept in the caches table. */
export const TIER_OVERRIDES_KEY = 'tiers:applied';

/** The map on disk, as columns: tier names once, then per member its id, tier and base (indexes) and apply time. */
interface StoredOverrides {
  names: string[];
  ids: string[];
  tiers: number[];
  bases: number[];
  at: number[];
}

interface Entry {
  tier: string;
  /** The row's own tierId when the entry was made. */
  base: string;
  at: number;
}

type Ranked = { id: string; tierId: string; updatedAt: number };

export class TierOverrides {
  private entries = new Map<string, Entry>();
  private readonly stop: () => void;

  constructor(private readonly db: Dexie) {
    this.stop = onCommitted((change) => {
      if (change.db !== db.name) return;
      if (touches(change, ['members'])) {
        const keys = keysOf(change, 'members');
        if (keys === undefined) this.entries.clear(); // a restore: its rows carry the tiers
        else for (const k of keys) this.entries.delete(k);
      }
      // An apply in another context: read what it saved.
      if (change.from === 'elsewhere' && touches(change, ['tierChanges'])) void this.load().catch((e) => console.warn('Regulars: applied tiers not read', e));
    });
  }

  get size(): number {
    return this.entries.size;
  }

  /** The tier a member row shows. */
  tierOf(row: Ranked): string {
    const entry = this.entries.get(row.id);
    return entry && row.updatedAt <= entry.at && row.tierId === entry.base ? entry.tier : row.tierId;
  }

  /** The row as readers see it: with the applied tier when that counts. A new object when it differs. */
  patch<T>(row: T): T {
    if (!this.entries.size || !row || typeof row !== 'object') return row;
    const r = row as unknown as Ranked;
    const tier = this.tierOf(r);
    return tier === r.tierId ? row : { ...row, tierId: tier };
  }

  /** Reads the map kept on disk (at open, and after an apply elsewhere). */
  async load(db: Dexie = this.db): Promise<void> {
    if (!db.tables.some((t) => t.name === 'caches')) return; // a store at a schema before caches
    const stored = (await db.table('caches').get(TIER_OVERRIDES_KEY))?.value as StoredOverrides | undefined;
    const entries = new Map<string, Entry>();
    const name = (i: number) => stored!.names[i]!;
    if (stored) stored.ids.forEach((id, i) => entries.set(id, { tier: name(stored.tiers[i]!), base: name(stored.bases[i]!), at: stored.at[i]! }));
    this.entries = entries;
  }

  /**
   * The map with these members on these tiers from `at`, to save in the apply's transaction
   * (saveOverrides); `adopt` makes it the one read here once that commits.
   */
  withMoves(moves: Iterable<{ memberId: string; from: string | undefined; to: string }>, at: number): Map<string, Entry> {
    const next = new Map(this.entries);
    for (const { memberId, from = '', to } of moves) {
      // An entry the member showed keeps its base (the row still has it); one it did not show is stale.
      const before = this.entries.get(memberId);
      const base = before && before.tier === from ? before.base : from;
      // Back on the row's own tier: nothing to keep (the map stays as small as the moves since the rows).
      if (to === base) next.delete(memberId);
      else next.set(memberId, { tier: to, base, at });
    }
    return next;
  }

  adopt(entries: Map<string, Entry>): void {
    this.entries = entries;
  }

  /** Writes `entries` to disk; call inside a read-write transaction over caches. */
  static async save(db: Dexie, entries: ReadonlyMap<string, Entry>): Promise<void> {
    const names: string[] = [];
    const index = new Map<string, number>();
    const stored: StoredOverrides = { names, ids: [], tiers: [], bases: [], at: [] };
    const indexOf = (name: string) => index.get(name) ?? index.set(name, names.push(name) - 1).get(name)!;
    for (const [id, { tier, base, at }] of entries) {
      stored.ids.push(id);
      stored.tiers.push(indexOf(tier));
      stored.bases.push(indexOf(base));
      stored.at.push(at);
    }
    await db.table('caches').put({ key: TIER_OVERRIDES_KEY, builtAt: Date.now(), value: stored });
  }

  dispose(): void {
    this.stop();
  }
}

/** Reads of member rows give the applied tier (TierOverrides.patch); writes pass unchanged. */
export function tierOverridesMiddleware(overrides: TierOverrides): Middleware<DBCore> {
  return {
    stack: 'dbcore',
    name: 'regulars-tier-overrides',
    create(down) {
      return {
        table(name) {
          const table = down.table(name);
          if (name !== 'members') return table;
          const patchAll = <T>(rows: T[]): T[] => (overrides.size ? rows.map((r) => overrides.patch(r)) : rows);
          const read: DBCoreTable = {
            ...table,
            get: async (req) => overrides.patch(await table.get(req)),
            getMany: async (req) => patchAll(await table.getMany(req)),
            query: async (req) => {
              const res = await table.query(req);
              return req.values ? { ...res, result: patchAll(res.result) } : res;
            },
            openCursor: async (req) => {
              const cursor = await table.openCursor(req);
              if (!cursor || !req.values) return cursor;
              // A real IDBCursor's getters and methods refuse any other `this` ("Illegal invocation"), so
              // everything native is forwarded to the cursor itself, as Dexie's own virtual cursors do;
              // Dexie's added members (start, stop, next, fail, trans) are inherited as they are.
              return Object.create(cursor, {
                key: { get: () => cursor.key },
                primaryKey: { get: () => cursor.primaryKey },
                value: { get: () => overrides.patch(cursor.value) },
                continue: { value: (key?: unknown) => cursor.continue(key) },
                continuePrimaryKey: { value: (key: unknown, primaryKey: unknown) => cursor.continuePrimaryKey(key, primaryKey) },
                advance: { value: (count: number) => cursor.advance(count) },
              }) as typeof cursor;
            },
          };
          return read;
        },
      };
    },
  };
}
