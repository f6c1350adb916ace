// Test-only helpers: a fresh in-memory database per test.
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { RegularsDb } from './database';
import type { SchemaVersion } from './schema';

export function memoryDb(versions?: readonly SchemaVersion[], factory = new IDBFactory(), name = 'regulars'): RegularsDb {
  return new RegularsDb(name, { indexedDB: factory, IDBKeyRange }, versions);
}

export const DAY = 86_400_000;
export const NOW = Date.UTC(2026, 10, 23, 12, 0, 0);
