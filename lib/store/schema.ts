// Schema versions as dated constants. Never edit a released version: add the next one with its
// upgrade and a test that opens the previous version with data and checks it after migration.
import type { Transaction } from 'dexie';
import { generationKey, newGeneration, WATCHED_TABLES } from './generation';
import { tiersOutOfRows } from './tiers-out-of-rows';

export interface SchemaVersion {
  version: number;
  /** The day this version was introduced. */
  date: string;
  stores: Record<string, string | null>;
  upgrade?: (tx: Transaction) => Promise<void>;
}

export const SCHEMA_V1: SchemaVersion = {
  version: 1,
  date: '2026-11-23',
  stores: {
    // Few indexes on purpose: each costs every import a write per row. Segments and searches over
    // members scan them in memory (tests/bench); indexes serve the per-member reads of the panel.
    members: 'id, displayName, *tags, lastOrderAt',
    identities: 'id, memberId, value',
    orders: 'id, [memberId+placedAt], placedAt, status',
    notes: 'id, memberId, [memberId+createdAt]',
    tags: 'name',
    reminders: 'id, memberId, dueAt, [state+dueAt]',
    contacts: 'id, memberId, [memberId+at], at',
    tierChanges: 'id, memberId, at',
    segments: 'id, name',
    siteRules: 'id, host',
    settings: 'key',
  },
};

/**
 * Reminders: the sweep finds members with a birthday through an index instead of reading all
 * 100k. IndexedDB leaves rows without the field out of the index, so imports pay almost nothing.
 * No row changes shape: the index is built from the rows as they are.
 */
export const SCHEMA_V2: SchemaVersion = {
  version: 2,
  date: '2026-11-23',
  stores: {
    ...SCHEMA_V1.stores,
    members: 'id, displayName, *tags, lastOrderAt, profile.birthday',
  },
};

/**
 * Derived data kept on disk (the member facts segments evaluate over), with the generation marks
 * of members and identities that tell whether it is still good (generation.ts). Nothing here is
 * backed up: it is rebuilt from the rows. The upgrade marks both tables once, so facts built
 * after it can be checked against a mark.
 */
export const SCHEMA_V3: SchemaVersion = {
  version: 3,
  date: '2026-11-23',
  stores: {
    ...SCHEMA_V2.stores,
    caches: 'key',
  },
  upgrade: async (tx) => {
    await tx.table('caches').bulkPut(WATCHED_TABLES.map((table) => ({ key: generationKey(table), value: newGeneration() })));
  },
};

/**
 * Points: the log of hand adjustments (who, why, how many), read per member for the panel. No row
 * changes shape: members and order items gain optional fields (a member's per-category last orders,
 * the sum of their adjustments, an item's category) that rows without them read as "none yet" (a
 * member without per-category last orders is judged by their last order, which is what every
 * order made before categories existed says).
 */
export const SCHEMA_V4: SchemaVersion = {
  version: 4,
  date: '2026-12-03',
  stores: {
    ...SCHEMA_V3.stores,
    points: 'id, [memberId+at]',
  },
};

/**
 * Tiers derived: member rows no longer carry `tierId` (store/member-tiers.ts gives it to rows read).
 * The upgrade keeps each member's tier as they showed it, as the tier keeper's starting point, and
 * drops it from the rows; nothing else changes. No index changes.
 */
export const SCHEMA_V5: SchemaVersion = {
  version: 5,
  date: '2026-12-04',
  stores: { ...SCHEMA_V4.stores },
  upgrade: tiersOutOfRows,
};

/**
 * Indexes that cost every import a write per row, dropped. Orders by status (no query asks for
 * it); members by tags, last order and birthday (segments, the members list and the sweep judge
 * members from the member columns kept in memory); identities by value (the search asks for a
 * value's prefix as ranges of ids, which begin with platform and kind). No row changes; IndexedDB
 * removes the entries. Raw puts measured here: 80k identities 13.7 s with the value index, 11.0 s
 * without; 100k orders 18.9 s with the status index, 17.9 s without.
 */
export const SCHEMA_V6: SchemaVersion = {
  version: 6,
  date: '2026-12-07',
  stores: {
    ...SCHEMA_V5.stores,
    members: 'id, displayName',
    identities: 'id, memberId',
    orders: 'id, [memberId+placedAt], placedAt',
  },
};

/** Every version, oldest first. The last is the current one. */
export const SCHEMA_VERSIONS: readonly SchemaVersion[] = [SCHEMA_V1, SCHEMA_V2, SCHEMA_V3, SCHEMA_V4, SCHEMA_V5, SCHEMA_V6];

export const CURRENT_SCHEMA_VERSION = SCHEMA_VERSIONS[SCHEMA_VERSIONS.length - 1]!.version;
