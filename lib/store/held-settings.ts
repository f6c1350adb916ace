// A value read from rows of the settings table, held per database until the change stream reports
// a write to one of those rows (here, in another context, or a restore). The sweep, Today and every
// audience read settings; a read from the store waited behind whatever else used it at that moment.
import Dexie from 'dexie';
import { mayHaveWritten, onCommitted } from './changes';
import type { RegularsDb } from './database';

export interface HeldSettings<T> {
  /** The held value (shared between callers: never change it), read from the store when none is held. */
  read(db: RegularsDb): Promise<T>;
  /** Drops what is held for `db` (a write here is about to change it). */
  forget(db: RegularsDb): void;
}

/** Holds `readFromStore`'s value per database until a write to one of the settings rows `keys`. */
export function heldSettings<T>(keys: readonly string[], readFromStore: (db: RegularsDb) => Promise<T>): HeldSettings<T> {
  const held = new WeakMap<RegularsDb, Promise<T>>();
  const holding = new Set<RegularsDb>();
  let following = false;
  const forget = (db: RegularsDb) => {
    held.delete(db);
    holding.delete(db);
  };
  const follow = () => {
    if (following) return;
    following = true;
    onCommitted((change) => {
      if (!mayHaveWritten(change, 'settings', keys)) return;
      for (const db of holding) if (db.name === change.db) forget(db);
    });
  };
  return {
    read(db) {
      let value = held.get(db);
      // A read inside a caller's transaction is that caller's own: shared, the others would await a
      // promise of its zone (and a read-only one refuses their writes).
      if (!value && Dexie.currentTransaction) return readFromStore(db);
      if (!value) {
        follow();
        value = readFromStore(db);
        held.set(db, value);
        holding.add(db);
        value.catch(() => held.delete(db));
      }
      return value;
    },
    forget,
  };
}
