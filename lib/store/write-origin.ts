// The writer's name for the transaction it runs in (an import session, team sync applying what
// arrived), by native transaction: the change stream (changes.ts) carries it, and the notes of
// unsent writes (unsent.ts) are not left for writes of sync's own.
import Dexie, { type Transaction } from 'dexie';

const origins = new WeakMap<object, string>();

/** Names the writer of the current transaction (call inside it, before its writes): its change carries `origin`. */
export function withOrigin(origin: string): void {
  const trans = Dexie.currentTransaction as (Transaction & { idbtrans?: IDBTransaction }) | null;
  if (trans?.idbtrans) origins.set(trans.idbtrans, origin);
}

/** The origin named in a native transaction, if any. */
export const originOf = (trans: object): string | undefined => origins.get(trans);
