// The known batches of an import (known-batches.ts) kept on disk, so that re-importing a file later
// (the next day, after the browser or the service worker restarted) is as quick as within the warm
// minute: one record in the caches table, per batch the digest of its text and how many orders it
// holds, taken at the generation marks (generation.ts) of orders and identities. Any write to
// either since changes its mark, and the record is then not trusted; nor under other category rules.
import type { RegularsDb } from '../../store/database';
import { generationKey } from '../../store/generation';

export const KEPT_BATCHES_KEY = 'import:kept-batches';

/** The generation marks of the tables a known batch depends on (undefined: none written yet). */
export interface BatchMarks {
  orders: string | undefined;
  identities: string | undefined;
}

export interface KeptBatches {
  /** The category rules the batches' orders were categorised under. */
  rulesKey: string;
  /** Text digest → how many orders (once each) the batch holds. */
  batches: Map<number, number>;
}

interface KeptRecord extends BatchMarks {
  rulesKey: string;
  batches: [number, number][];
}

/** The marks now; inside a transaction that covers the caches table, they hold for the whole of it. */
export async function marksNow(db: RegularsDb): Promise<BatchMarks> {
  const [orders, identities] = await db.caches.bulkGet([generationKey('orders'), generationKey('identities')]);
  return { orders: orders?.value as string | undefined, identities: identities?.value as string | undefined };
}

const sameMarks = (a: BatchMarks, b: BatchMarks) =>
  a.orders !== undefined && a.identities !== undefined && a.orders === b.orders && a.identities === b.identities;

/** Inside a transaction over the caches table: the kept batches, if nothing they depend on was written since they were kept. */
export async function readKeptBatches(db: RegularsDb, marks: BatchMarks): Promise<KeptBatches | undefined> {
  const record = (await db.caches.get(KEPT_BATCHES_KEY))?.value as KeptRecord | undefined;
  if (!record || !sameMarks(record, marks)) return undefined;
  return { rulesKey: record.rulesKey, batches: new Map(record.batches) };
}

/**
 * Keeps `kept` as the batches known at `seen`, the marks their keeper last saw: when another write
 * committed since (the marks now differ), it is not kept, as its keeper may not have seen that write.
 */
export async function writeKeptBatches(db: RegularsDb, seen: BatchMarks, kept: KeptBatches): Promise<boolean> {
  return db.transaction('rw', [db.caches], async () => {
    if (!sameMarks(seen, await marksNow(db))) return false;
    const record: KeptRecord = { ...seen, rulesKey: kept.rulesKey, batches: [...kept.batches] };
    await db.caches.put({ key: KEPT_BATCHES_KEY, value: record });
    return true;
  });
}
