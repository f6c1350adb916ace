// Bulk puts and adds with one IndexedDB request handler instead of one per row. Dexie's bulk write
// sets an error handler on every request, keeps every request until the last succeeds and then reads
// each one's result: per row a JS wrapper, an event listener and a key string, in the service
// worker's heap and in Blink's, garbage only once a full collection runs. An import puts some 700k
// orders and 270k members and adds 470k identities, and that garbage was a good part of its memory
// peak. Here every row but the last is written without a handler; the last goes through Dexie as
// before, and settles once every earlier write did (a transaction's requests run in order). A row
// that fails (an add whose key is taken, a broken unique index) fails the whole write: with no
// handler its error aborts the transaction, where Dexie's handler would have let the other rows
// commit when no explicit transaction was around the call. No caller here catches a failed row to go
// on with the others.
import type { DBCore, DBCoreMutateRequest, Middleware } from 'dexie';

/** Puts with fewer rows go through Dexie alone. */
const LEAN_FROM = 2;

export function leanPutsMiddleware(): Middleware<DBCore> {
  return {
    stack: 'dbcore',
    name: 'regulars-lean-puts',
    // Right above Dexie's IndexedDB core (its own middlewares sit at -1 and above).
    level: -2,
    create(down) {
      return {
        table(name) {
          const table = down.table(name);
          const keyPath = table.schema.primaryKey.keyPath;
          // Rows that carry their key in one field, put without explicit keys: the results are those fields.
          if (typeof keyPath !== 'string' || keyPath.includes('.') || table.schema.primaryKey.autoIncrement) return table;
          return {
            ...table,
            mutate(req: DBCoreMutateRequest) {
              if ((req.type !== 'put' && req.type !== 'add') || req.keys || req.values.length < LEAN_FROM) return table.mutate(req);
              const values = req.values as readonly Record<string, unknown>[];
              const store = (req.trans as unknown as IDBTransaction).objectStore(name);
              const write = req.type === 'add' ? store.add.bind(store) : store.put.bind(store);
              for (let i = 0; i < values.length - 1; i++) write(values[i]);
              const last = values.length - 1;
              return table.mutate({ ...req, values: [values[last]] }).then((result) => ({
                ...result,
                // Its failure, if any, is the last row's.
                failures: Object.fromEntries(Object.entries(result.failures).map(([i, e]) => [Number(i) + last, e])),
                results: values.map((row) => row[keyPath]),
              }));
            },
          };
        },
      };
    },
  };
}
