// Test-only helpers: a fresh in-memory database per test.
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { RegularsDb } from './database';
import type { SchemaVersion } from './schema';

let fresh = 0;

/**
 * A database in `factory`, or in a factory of its own. The change stream names a database by its
 * name, and what is held until a table changes (held.ts) drops it for every database of that name:
 * a store of its own has a name of its own, so a write a test before left running (a keeper's
 * timer) never empties this test's. Given a factory, the name stays 'regulars' unless given: the
 * same database opened again.
 */
export function memoryDb(versions?: readonly SchemaVersion[], factory?: IDBFactory, name?: string): RegularsDb {
  const own = name ?? (factory ? 'regulars' : `regulars-${++fresh}`);
  return new RegularsDb(own, { indexedDB: factory ?? new IDBFactory(), IDBKeyRange }, versions);
}

export const DAY = 86_400_000;
export const NOW = Date.UTC(2026, 10, 23, 12, 0, 0);
