// The journal tests' store: three batches over two new members and one known before, and what
// the members look like without what differs between two stores.
import type { ImportedOrder } from '../../domain/imported-order';
import { onCommitted, keysOf } from '../../store/changes';
import type { RegularsDb } from '../../store/database';
import { importOrders } from './import-orders';
import { memoryDb, NOW, order } from '../test-helpers';

/** Members by display name, without what differs between two stores (ids, times). */
export async function membersByName(db: RegularsDb) {
  const rows = await db.members.toArray();
  const byName = rows.map(({ id: _id, createdAt: _c, updatedAt: _u, ...rest }) => [rest.displayName, rest] as const);
  return Object.fromEntries(byName.sort(([a], [b]) => String(a).localeCompare(String(b))));
}

/** How many times each member row was written, and in which transaction, while `run` runs. */
export async function memberWrites(db: RegularsDb, run: () => Promise<void>): Promise<string[][]> {
  const writes: string[][] = [];
  const stop = onCommitted((change) => {
    if (change.db === db.name) writes.push([...(keysOf(change, 'members') ?? ['*'])]);
  });
  await run();
  stop();
  return writes;
}

export const journal = (db: RegularsDb) => db.caches.where('key').startsWith('import-journal:').count();

// Three batches: ana in each, bo in two, and "known", a member from before the import, in the last two.
export const batches = (): ImportedOrder[][] => [
  [order({ buyer: { handle: 'ana', name: 'Ana' }, amountMinor: 20_000 }), order({ buyer: { handle: 'bo', name: 'Bo' } })],
  [order({ buyer: { handle: 'ana', name: 'Ana' }, amountMinor: 20_000 }), order({ buyer: { handle: 'known', name: 'Known' } })],
  [order({ buyer: { handle: 'ana', name: 'Ana' }, amountMinor: 20_000 }), order({ buyer: { handle: 'bo', name: 'Bo' } }), order({ buyer: { handle: 'known', name: 'Known' } })],
];

export async function withKnownMember(name: string) {
  const db = memoryDb(undefined, undefined, name);
  await importOrders(db, [order({ buyer: { handle: 'known', name: 'Known' } })], NOW);
  return db;
}
