// What one IndexedDB put costs here, and what a layout with fewer records would cost: the figures
// behind the import's speed target (4,000 orders/s for a fresh 100k-order export). The store's own
// orders and identities, as an import left them, are put with raw IndexedDB in several shapes:
// as stored (today's keys and indexes), without indexes, as records holding only their key (the
// cost of a put itself), and grouped into one record per member (fewer records, the same data).
import { IMPORT_BATCH } from '@/lib/domain/imported-order';
import type { IdentityRow, OrderRow } from '@/lib/domain/rows';
import { CURRENT_STORES, deleteDb, openRaw, rawPut, request } from './raw-idb';

const FLOOR_DB = 'regulars-bench-put-floor';

interface Shape {
  name: string;
  /** Dexie-style index specs ('*x' multi-entry, '[a+b]' compound). */
  indexes: readonly string[];
  rows: object[];
}

async function timedPut(shape: Shape) {
  await deleteDb(FLOOR_DB);
  const db = await openRaw(FLOOR_DB, ['rows'], { rows: ['id', ...shape.indexes].join(', ') });
  const t = performance.now();
  for (let i = 0; i < shape.rows.length; i += IMPORT_BATCH) await rawPut(db, 'rows', shape.rows.slice(i, i + IMPORT_BATCH));
  const ms = performance.now() - t;
  db.close();
  await deleteDb(FLOOR_DB);
  const records = shape.rows.length;
  return { shape: shape.name, records, indexes: shape.indexes, ms: Math.round(ms), us_per_record: Math.round((ms * 1000) / Math.max(1, records)) };
}

function byMember<T extends { memberId: string; id: string }>(rows: readonly T[], extra: (group: T[]) => object) {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const group = groups.get(row.memberId);
    if (group) group.push(row);
    else groups.set(row.memberId, [row]);
  }
  return [...groups].map(([memberId, group]) => ({ id: memberId, ids: group.map((r) => r.id), ...extra(group), rows: group }));
}

const indexesOf = (table: string) => CURRENT_STORES[table]!.split(',').slice(1).map((x) => x.trim());

export const putFloorBench = {
  async putFloor() {
    const source = await request(indexedDB.open('regulars'));
    const read = (table: string) => request(source.transaction(table).objectStore(table).getAll());
    const orders = (await read('orders')) as OrderRow[];
    const identities = (await read('identities')) as IdentityRow[];
    source.close();
    const shapes: Shape[] = [
      { name: 'orders as stored', indexes: indexesOf('orders'), rows: orders },
      { name: 'orders without indexes', indexes: [], rows: orders },
      { name: 'order keys alone (the cost of a put)', indexes: [], rows: orders.map((o) => ({ id: o.id })) },
      { name: 'orders, one record per member (their ids and dates indexed)', indexes: ['*ids', '*placedAt'], rows: byMember(orders, (g) => ({ placedAt: g.map((o) => o.placedAt) })) },
      { name: 'identities as stored', indexes: indexesOf('identities'), rows: identities },
      { name: 'identities, one record per member (their ids indexed)', indexes: ['*ids'], rows: byMember(identities, () => ({})) },
    ];
    const out = [];
    for (const shape of shapes) out.push(await timedPut(shape));
    return out;
  },
};
