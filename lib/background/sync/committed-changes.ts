// What sync listens to: the store's change stream (lib/store/changes.ts), narrowed to one database's
// shared tables. Rows sync itself wrote from the team database carry SYNC_ORIGIN and are not sent
// back (they came from there).
import { onCommitted, type StoreChange } from '../../store/changes';
import { isSyncOrigin } from '../../domain/origins';

export { catchUpSession, isSyncOrigin, SYNC_ORIGIN } from '../../domain/origins';

/** `keys` undefined: a range of the table changed (a clear, a delete by range): read it all. */
export interface CommittedChange {
  table: string;
  keys: string[] | undefined;
}
/** `unsent`: the notes the write left (lib/store/unsent.ts), to clear once its rows are in the outbox. */
export type SubscribeToCommitted = (listener: (changes: CommittedChange[], unsent?: string) => void) => () => void;

/** A store change as the committed rows sync has to send; empty when there is nothing to send. */
export function committedChangesOf(change: StoreChange, dbName: string, tables: readonly string[]): CommittedChange[] {
  if (change.db !== dbName || isSyncOrigin(change.origin)) return [];
  const byTable = new Map<string, Set<string> | undefined>();
  for (const t of change.tables) {
    if (!tables.includes(t.table)) continue;
    const seen = byTable.has(t.table) ? byTable.get(t.table) : new Set<string>();
    if (!seen || t.keys === null) byTable.set(t.table, undefined);
    else {
      for (const k of t.keys) seen.add(k);
      byTable.set(t.table, seen);
    }
  }
  return [...byTable].map(([table, keys]) => ({ table, keys: keys ? [...keys] : undefined }));
}

export function storeCommitted(dbName: string, tables: readonly string[]): SubscribeToCommitted {
  return (listener) =>
    onCommitted((change) => {
      const changes = committedChangesOf(change, dbName, tables);
      if (changes.length || (change.db === dbName && change.unsent)) listener(changes, change.unsent);
    });
}
