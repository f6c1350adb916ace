// Sync's own bookkeeping, in an IndexedDB database of its own (not in the shared store, so backups
// and the store's schema never carry it): the checkpoint in the team database's _changes, the
// revision and last-synced version of each document (orders: only their revision, member and a
// hash — never a second copy of 300k orders; a join keeps most of them in packs, shadows.ts), the
// keys of local rows waiting to be sent, and the incoming documents that were skipped.
import Dexie, { type Table } from 'dexie';
import { leanPutsMiddleware } from '../../store/lean-puts';
import type { SyncDoc } from '../../domain/sync/documents';
import type { OrderShadow } from '../../domain/sync/row-to-doc';

export interface ShadowRow {
  id: string;
  rev: string;
  /** The document as last synced (without _rev); absent for orders. */
  doc?: SyncDoc | undefined;
  order?: OrderShadow | undefined;
  /** Of the order's content, to tell whether it changed since. */
  hash?: number | undefined;
}

/**
 * Shadows a join wrote together (shadows.ts): one record for up to PACK_SIZE of them instead of one
 * each. `ids` (indexed, one entry each) finds the pack of a document; a later pack's shadow of the
 * same document is the newer, and a shadow of its own (`shadow`) is newer than any pack's.
 */
export interface ShadowPack {
  n?: number | undefined;
  ids: string[];
  shadows: ShadowRow[];
}

export interface OutboxRow {
  key: string;
  table: string;
  rowKey: string;
  /** Which noting of the row this is: a row noted again while being sent stays to be sent again. */
  mark?: number | undefined;
  /**
   * A shop setting this computer held when it joined the team (its first-run answers, its own
   * defaults), not an edit made since: the team database's value replaces it; sent only if the team
   * has none (the first to connect brings the shop's). An edit during the join notes it again, without.
   */
  atJoin?: true | undefined;
}

export interface MetaRow {
  key: string;
  value: unknown;
}

export class SyncStateDb extends Dexie {
  shadow!: Table<ShadowRow, string>;
  outbox!: Table<OutboxRow, string>;
  meta!: Table<MetaRow, string>;
  packs!: Table<ShadowPack, number>;

  constructor(name = 'regulars-sync', options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options);
    this.version(1).stores({ shadow: 'id', outbox: 'key, table', meta: 'key' });
    // Packs came later: a profile's shadows of before stay records of their own, read as before.
    this.version(2).stores({ packs: '++n, *ids' });
    // A join puts a shadow for every document, as many as the store's puts: one request handler a batch.
    this.use(leanPutsMiddleware());
  }
}

export const outboxKey = (table: string, rowKey: string) => `${table}\u0001${rowKey}`;

export async function readMeta<T>(state: SyncStateDb, key: string): Promise<T | undefined> {
  return (await state.meta.get(key))?.value as T | undefined;
}

export async function writeMeta(state: SyncStateDb, key: string, value: unknown): Promise<void> {
  await state.meta.put({ key, value });
}

/** Drops the outbox entries just sent, but not one noted again meanwhile: that row changed while it was being sent. */
export async function dropSent(state: SyncStateDb, entries: readonly OutboxRow[]): Promise<void> {
  await state.transaction('rw', state.outbox, async () => {
    const now = await state.outbox.bulkGet(entries.map((e) => e.key));
    await state.outbox.bulkDelete(entries.filter((e, i) => now[i]?.mark === e.mark).map((e) => e.key));
  });
}

/**
 * The outbox entries of these keys (undefined where none waits). The outbox is mostly empty or small
 * while a batch of thousands arrives: then its keys are read whole, not looked up one by one.
 */
export async function waitingOf(state: SyncStateDb, keys: readonly string[]): Promise<(OutboxRow | undefined)[]> {
  if (!keys.length) return [];
  const count = await state.outbox.count();
  if (!count) return keys.map(() => undefined);
  if (count > keys.length) return state.outbox.bulkGet([...keys]);
  const rows = new Map((await state.outbox.toArray()).map((r) => [r.key, r]));
  return keys.map((k) => rows.get(k));
}
