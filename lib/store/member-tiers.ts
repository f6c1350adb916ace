// Every member's tier is derived, never stored in a member row. Reads of member rows get it here
// (the middleware below adds `tierId`; writes drop one a writer passed back): with a lifetime ladder
// it is the ladder's step for the row's own stats, exact in every context; with a rolling window it
// depends on orders in the window, so the background's tier keeper (background/tiers/tier-keeper.ts)
// ranks each member as their orders change, and keeps that map here and on disk.
import type { DBCore, DBCoreTable, DBCoreTransaction, Middleware } from 'dexie';
import type Dexie from 'dexie';
import { DEFAULT_TIER_LADDER, tierForStats, tierLadderSchema } from '../domain/tiers';
import type { TierLadder } from '../domain/types';
import { mayHaveWritten, onCommitted, rowsOf, touches } from './changes';
import { TextMap } from '../domain/text-map';
import { splitJoined, wholeText } from '../domain/joined-pieces';

/** Where the keeper saves every member's tier, in the caches table (with the members' mark and ladder it stands for). */
export const MEMBER_TIERS_KEY = 'tiers:members';

/**
 * Every member's tier as saved: tier names once, then the member ids joined by NUL (one text: a save
 * makes no string per member) and per member the index of its tier. A save before ids were joined
 * holds them as an array; it reads as well.
 */
export interface StoredTiers {
  /** The ladder (as JSON) the tiers were ranked with. */
  ladder: string;
  names: string[];
  ids: string | string[];
  tiers: Uint16Array | number[];
}

type Ranked = { id: string; orderCount: number; spendMinor: number };

/**
 * After a write elsewhere, the kept tiers are read again once writes pause this long, then this
 * often until the background's keeper has saved them anew (it saves once its own work pauses, so a
 * single read a second later could find the old ones and keep them until the next write), for at
 * most FOLLOW_MS.
 */
const RELOAD_MS = 300;
const RETRY_MS = 500;
const FOLLOW_MS = 30_000;

/** A ladder as the saved tiers name it (a setting's value as stored). */
export const ladderKey = (ladder: unknown): string => JSON.stringify(ladder);

/** Member id → tier: a Map, or the background's TextMap. */
export type TierTable = Iterable<[string, string]> & { get(id: string): string | undefined; readonly size: number };

const SEP = '\u0000';

export function encodeTiers(ladder: string, tiers: TierTable): StoredTiers {
  if (tiers instanceof TextMap) {
    // From the keeper's bytes: 270k member ids after a 200 MB export, each a string and an array's
    // slot before (some 60 MB of garbage at the moment an import's keepers save).
    const { keys, values, valueAt } = tiers.joined(SEP);
    return { ladder, names: values, ids: wholeText(keys), tiers: valueAt };
  }
  const names: string[] = [];
  const index = new Map<string, number>();
  const ids: string[] = [];
  const at = new Uint16Array(tiers.size);
  for (const [id, tier] of tiers) {
    let i = index.get(tier);
    if (i === undefined) index.set(tier, (i = names.push(tier) - 1));
    at[ids.length] = i;
    ids.push(id);
  }
  return { ladder, names, ids: ids.join(SEP), tiers: at };
}

/** The saved tiers as a map, or undefined (and a warning) when they do not read: then they are ranked again. */
export function savedTiers(stored: StoredTiers | undefined): TextMap | undefined {
  if (!stored) return undefined;
  try {
    return decodeTiers(stored);
  } catch (e) {
    console.warn('Regulars: the saved member tiers could not be read; ranking the members again', e);
    return undefined;
  }
}

/** The saved tiers as a map; throws when they do not read (as many ids as tiers, each tier named). */
export function decodeTiers(stored: StoredTiers): TextMap {
  const count = stored.tiers.length;
  const ids = typeof stored.ids !== 'string' ? stored.ids : splitJoined(stored.ids, count, SEP);
  if (ids.length !== count) throw new Error(`The saved tiers hold ${ids.length} member ids for ${count} tiers`);
  const out = new TextMap();
  ids.forEach((id, i) => {
    const name = stored.names[stored.tiers[i]!];
    if (name === undefined) throw new Error(`The saved tier of member ${i} names no tier`);
    out.set(id, name);
  });
  return out;
}

export class MemberTiers {
  private ladderNow: TierLadder = DEFAULT_TIER_LADDER;
  private kept: TierTable = new Map<string, string>();
  /** Set by the context that keeps the tiers (the background): it never reads them back from disk. */
  private owned = false;
  private reloadTimer: ReturnType<typeof setTimeout> | undefined;
  /** The saved record `kept` was read from (its members' mark and ladder); undefined before any read. */
  private keptFrom: string | undefined;
  private followUntil = 0;
  private readonly stop: () => void;

  constructor(private readonly db: Dexie) {
    this.stop = onCommitted((change) => {
      if (change.db !== db.name) return;
      if (mayHaveWritten(change, 'settings', ['tierLadder'])) {
        // A ladder saved here counts from its commit on (the next read already follows it); then read as stored.
        const saved = rowsOf<{ key: string; value: unknown }>(change, 'settings')?.findLast((r) => r.key === 'tierLadder');
        const parsed = saved && tierLadderSchema.safeParse(saved.value);
        if (parsed?.success) this.ladderNow = parsed.data;
        // A ladder that turned rolling here reads the kept tiers (a lifetime ladder never did).
        void this.loadLadder()
          .then(() => this.loadKept())
          .catch((e) => db.isOpen() && console.warn('Regulars: the tier ladder was not read', e));
      }
      if (!this.owned && change.from === 'elsewhere' && this.ladderNow.window !== 'lifetime' && touches(change, ['members', 'tierChanges'])) {
        this.followUntil = Date.now() + FOLLOW_MS;
        this.follow(RELOAD_MS);
      }
    });
  }

  get ladder(): TierLadder {
    return this.ladderNow;
  }

  /** The tier a member row shows. */
  tierOf(row: Ranked): string {
    if (this.ladderNow.window === 'lifetime') return tierForStats(this.ladderNow, row).id;
    return this.kept.get(row.id) ?? this.ladderNow.steps[0]!.id;
  }

  /** The row with its tier, set in place (rows read are the reader's own copies). */
  patch<T>(row: T): T {
    if (row && typeof row === 'object') (row as unknown as { tierId: string }).tierId = this.tierOf(row as unknown as Ranked);
    return row;
  }

  /** The ladder in force from now on (the background sets it as it saves it, before any read). */
  useLadder(ladder: TierLadder): void {
    this.ladderNow = ladder;
  }

  /** The keeper's tiers (rolling windows read them): `owned`, this context keeps them itself. */
  useKept(tiers: TierTable, owned = true): void {
    this.kept = tiers;
    this.owned ||= owned;
  }

  /**
   * Reads the ladder, and the kept tiers when a rolling ladder needs them (at open: every page's
   * connection, before its first read; a lifetime ladder ranks each row by itself, and reading and
   * decoding 100k members' tiers held up every page's first read by seconds after an import).
   */
  async load(db: Dexie = this.db): Promise<void> {
    await this.loadLadder(db);
    await this.loadKept(db);
  }

  private async loadLadder(db: Dexie = this.db): Promise<void> {
    const row = await db.table('settings').get('tierLadder');
    const parsed = tierLadderSchema.safeParse(row?.value);
    this.ladderNow = parsed.success ? parsed.data : DEFAULT_TIER_LADDER;
  }

  /** Reads the kept tiers again after `ms`, and on until the keeper saved new ones or FOLLOW_MS passed. */
  private follow(ms: number): void {
    clearTimeout(this.reloadTimer);
    this.reloadTimer = setTimeout(() => {
      this.loadKept()
        .then((renewed) => !renewed && Date.now() < this.followUntil && this.follow(RETRY_MS))
        .catch((e) => this.db.isOpen() && console.warn('Regulars: the kept tiers were not read', e));
    }, ms);
  }

  /** Reads the kept tiers (a store at a schema before caches has none); true when they were saved anew since the last read. */
  private async loadKept(db: Dexie = this.db): Promise<boolean> {
    if (this.owned || this.ladderNow.window === 'lifetime' || !db.tables.some((t) => t.name === 'caches')) return false;
    const row = (await db.table('caches').get(MEMBER_TIERS_KEY)) as { generation?: unknown; value?: StoredTiers } | undefined;
    const from = JSON.stringify([row?.generation ?? null, row?.value?.ladder ?? null]);
    if (this.owned || from === this.keptFrom) return false;
    this.keptFrom = from;
    this.kept = savedTiers(row?.value) ?? new Map();
    return true;
  }

  dispose(): void {
    this.stop();
    clearTimeout(this.reloadTimer);
  }
}

// An upgrade reads and writes rows as stored (schema.ts drops the tier they carried then).
const upgrading = (trans: DBCoreTransaction) => (trans as unknown as IDBTransaction).mode === 'versionchange';

function withoutTier<T>(row: T): T {
  if (!row || typeof row !== 'object' || !('tierId' in row)) return row;
  const { tierId: _, ...rest } = row as T & { tierId: unknown };
  return rest as T;
}

/** Reads of member rows give their tier (MemberTiers.patch); writes drop any tier a row carries. */
export function memberTiersMiddleware(tiers: MemberTiers): Middleware<DBCore> {
  return {
    stack: 'dbcore',
    name: 'regulars-member-tiers',
    create(down) {
      return {
        table(name) {
          const table = down.table(name);
          if (name !== 'members') return table;
          const patchAll = <T>(rows: T[]): T[] => {
            for (const r of rows) tiers.patch(r);
            return rows;
          };
          const read: DBCoreTable = {
            ...table,
            mutate: (req) => (req.type === 'put' || req.type === 'add') && !upgrading(req.trans) ? table.mutate({ ...req, values: req.values.map(withoutTier) }) : table.mutate(req),
            get: async (req) => (upgrading(req.trans) ? table.get(req) : tiers.patch(await table.get(req))),
            getMany: async (req) => (upgrading(req.trans) ? table.getMany(req) : patchAll(await table.getMany(req))),
            query: async (req) => {
              const res = await table.query(req);
              return req.values && !upgrading(req.trans) ? { ...res, result: patchAll(res.result) } : res;
            },
            openCursor: async (req) => {
              const cursor = await table.openCursor(req);
              if (!cursor || !req.values || upgrading(req.trans)) return cursor;
              // A real IDBCursor's getters and methods refuse any other `this` ("Illegal invocation"), so
              // everything native is forwarded to the cursor itself, as Dexie's own virtual cursors do;
              // Dexie's added members (start, stop, next, fail, trans) are inherited as they are.
              return Object.create(cursor, {
                key: { get: () => cursor.key },
                primaryKey: { get: () => cursor.primaryKey },
                value: { get: () => tiers.patch(cursor.value) },
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
