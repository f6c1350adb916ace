// A Dexie DBCore middleware that writes a note into the caches table after every write to some
// tables, in the same transaction: each read-write transaction that touches one of them is widened
// to the caches table, so the note commits with the write or not at all. The generation marks
// (generation.ts) and the unsent-write notes (unsent.ts) are written this way.
import type { DBCore, DBCoreMutateRequest, DBCoreMutateResponse, DBCoreTable, Middleware } from 'dexie';

export const CACHES_TABLE = 'caches';

export type NoteWrite = (caches: DBCoreTable, table: string, req: DBCoreMutateRequest, result: DBCoreMutateResponse) => Promise<unknown>;

export function notingMiddleware(name: string, tables: ReadonlySet<string>, note: NoteWrite): Middleware<DBCore> {
  return {
    stack: 'dbcore',
    name,
    create(down) {
      // Databases opened at an older schema (migration tests) have no caches table: nothing to note.
      if (!down.schema.tables.some((t) => t.name === CACHES_TABLE)) return {};
      const caches = down.table(CACHES_TABLE);
      return {
        transaction(stores, mode, options) {
          const widen = mode === 'readwrite' && stores.some((s) => tables.has(s)) && !stores.includes(CACHES_TABLE);
          return down.transaction(widen ? [...stores, CACHES_TABLE] : stores, mode, options);
        },
        table(tableName) {
          const table = down.table(tableName);
          if (!tables.has(tableName)) return table;
          const noted: DBCoreTable = {
            ...table,
            async mutate(req) {
              const result = await table.mutate(req);
              await note(caches, tableName, req, result);
              return result;
            },
          };
          return noted;
        },
      };
    },
  };
}
