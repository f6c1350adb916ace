// A batch of an import's file, as the options page sends it (one JSON string), that this cache has
// stored before byte for byte, and whose every order is still what that batch made of it: nothing to
// parse, validate or write. Re-importing an unchanged file is mostly this check (a hash of the text
// and a look-up per order), where it used to parse, validate and digest every row again.
import { hash53 } from '../../hash';
import { orderIdOf, type ImportedOrder } from '../../domain/imported-order';
import type { RegularsDb } from '../../store/database';
import { readSettings } from '../../store/settings';
import type { ImportCache, KnownBatch } from './import-cache';
import { importOrders, type ImportResult } from './import-orders';
import { timedPhase } from './phases';
import { writeKeptBatches } from './kept-batches';
import { orderKey } from './known-orders';

/** The digest the cache kept of each order of the batch, as one number. */
const digestOf = (cache: ImportCache, orderKeys: Float64Array) => hash53(Array.from(orderKeys, (key) => cache.orders?.digestByKey(key) ?? '-').join(','));

/** Its orders are still what the batch made of them, as far as this cache knows (the rules aside). */
function ordersUnchanged(cache: ImportCache, known: KnownBatch): boolean {
  const orders = cache.orders;
  if (!cache.identitiesComplete || !orders) return false;
  if ('kept' in known) return cache.keptTrusted === true;
  return known.orderKeys.every((key) => orders.digestByKey(key) !== undefined) && digestOf(cache, known.orderKeys) === known.digests;
}

const ordersOf = (known: KnownBatch) => ('kept' in known ? known.kept : known.orderKeys.length);

/** The batch was stored (or found unchanged) before, and neither its orders nor any identity nor the category rules changed since. */
async function stillKnown(db: RegularsDb, cache: ImportCache, known: KnownBatch | undefined): Promise<boolean> {
  if (!known || !ordersUnchanged(cache, known)) return false;
  // The digests were made under the category rules they name (they categorise the items).
  return cache.rulesKey === JSON.stringify((await readSettings(db)).categoryRules);
}

/**
 * At a session's end: the batches this cache knows are kept on disk, for an import after the warm
 * cache is gone (kept-batches.ts). Not when a write the cache has not seen yet committed meanwhile.
 */
export async function keepKnownBatches(db: RegularsDb, cache: ImportCache): Promise<boolean> {
  if (!cache.batches?.size || !cache.marks || cache.rulesKey === undefined) return false;
  const batches = new Map<number, number>();
  for (const [text, known] of cache.batches) if (ordersUnchanged(cache, known)) batches.set(text, ordersOf(known));
  return writeKeptBatches(db, cache.marks, { rulesKey: cache.rulesKey, batches });
}

/** A batch given as JSON, as it arrives: its text's digest, and its rows unless the cache may know it. */
export interface JsonBatch {
  rowsJson: string;
  text: number | undefined;
  rows: ImportedOrder[] | undefined;
}

/**
 * Reads a batch as it arrives, before it waits for the batches before it (so a new batch is parsed
 * and validated while the one before is written): parsed now unless `cache` (the session's, if it
 * has one yet) stored the same text before. `parse` validates it, and refuses it as the router would.
 */
export function readJsonBatch(rowsJson: string, cache: ImportCache | undefined, parse: (json: string) => ImportedOrder[]): JsonBatch {
  const text = cache?.orders ? hash53(rowsJson) : undefined;
  const known = text !== undefined ? cache?.batches?.get(text) : undefined;
  const mayBeKnown = known !== undefined && (!('kept' in known) || cache?.keptTrusted === true);
  return { rowsJson, text, rows: mayBeKnown ? undefined : parse(rowsJson) };
}

/** Stores a batch given as JSON; its rows are read now if they were not yet. Returns the result and, when the rows were read, the rows. */
export async function importJsonBatch(
  db: RegularsDb,
  batch: JsonBatch,
  now: number,
  cache: ImportCache,
  parse: (json: string) => ImportedOrder[],
): Promise<{ result: ImportResult; rows?: ImportedOrder[] }> {
  const batches = cache.orders ? (cache.batches ??= new Map()) : undefined;
  const text = batches ? (batch.text ?? hash53(batch.rowsJson)) : undefined;
  const known = text !== undefined ? batches?.get(text) : undefined;
  if (await timedPhase('batch.known', () => stillKnown(db, cache, known))) {
    return { result: { orders: { added: 0, updated: 0, unchanged: ordersOf(known!) }, members: { created: 0, updated: 0 }, merges: [] } };
  }
  const rows = batch.rows ?? parse(batch.rowsJson);
  const result = await importOrders(db, rows, now, cache);
  if (batches && text !== undefined) {
    const orderKeys = Float64Array.from(new Set(rows.map(orderIdOf)), orderKey);
    batches.set(text, { orderKeys, digests: digestOf(cache, orderKeys) });
  }
  return { result, rows };
}
