// What sync listens to: committed writes, per table and primary key. Until the store's own change
// stream is in, this adapter reads Dexie's 'storagemutated' (this context, and other extension
// contexts over Dexie's BroadcastChannel), which names the keys written.
import Dexie from 'dexie';

/** `keys` undefined: a range of the table changed (a clear, a delete by range): read it all. */
export interface CommittedChange {
  table: string;
  keys: string[] | undefined;
}
export type SubscribeToCommitted = (listener: (changes: CommittedChange[]) => void) => () => void;

interface RangeNode {
  from?: unknown;
  to?: unknown;
  l?: RangeNode | null;
  r?: RangeNode | null;
}

/** Keys of a Dexie range set (also when it crossed a BroadcastChannel as a plain object); undefined if it holds a real range. */
export function keysOfRangeSet(node: RangeNode | null | undefined): string[] | undefined {
  const out: string[] = [];
  const stack: RangeNode[] = [];
  if (node) stack.push(node);
  while (stack.length) {
    const n = stack.pop()!;
    if (n.l) stack.push(n.l);
    if (n.r) stack.push(n.r);
    if (!('from' in n)) continue;
    if (typeof n.from !== 'string' || n.from !== n.to) return undefined;
    out.push(n.from);
  }
  return out;
}

/** Parses Dexie's mutated parts of one database into committed changes per table. */
export function committedChangesOf(parts: Record<string, unknown>, dbName: string, tables: readonly string[]): CommittedChange[] | 'all' {
  if ('all' in parts) return 'all';
  const out: CommittedChange[] = [];
  for (const [part, set] of Object.entries(parts)) {
    const m = /^idb:\/\/(.+)\/([^/]+)\/$/.exec(part);
    if (!m || m[1] !== dbName || !tables.includes(m[2]!)) continue;
    out.push({ table: m[2]!, keys: keysOfRangeSet(set as RangeNode) });
  }
  return out;
}

export function dexieCommitted(dbName: string, tables: readonly string[]): SubscribeToCommitted {
  return (listener) => {
    const handler = (parts: Record<string, unknown>) => {
      const changes = committedChangesOf(parts, dbName, tables);
      if (changes === 'all') listener(tables.map((table) => ({ table, keys: undefined })));
      else if (changes.length) listener(changes);
    };
    Dexie.on('storagemutated', handler);
    return () => Dexie.on('storagemutated').unsubscribe(handler);
  };
}
