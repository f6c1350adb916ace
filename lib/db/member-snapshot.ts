// Members (and their platforms) in memory, for evaluating segments without a scan each time (a
// getAll of 100k members costs far more than the filter itself). Dropped whenever their table
// changes: Dexie reports every committed write as 'storagemutated', in this context and, over a
// BroadcastChannel, from the other extension contexts (the options page's restore, the members page).
import Dexie from 'dexie';
import { platformsByMember } from '../domain/segments';
import type { RegularsDb } from './database';
import type { MemberRow } from './rows';

type Table = 'members' | 'identities';
const snapshots: Record<Table, Map<RegularsDb, Promise<unknown>>> = { members: new Map(), identities: new Map() };
let listening = false;

function dropFor(table: Table | undefined, name: string | undefined): void {
  for (const t of table ? [table] : (Object.keys(snapshots) as Table[])) {
    for (const db of [...snapshots[t].keys()]) if (name === undefined || db.name === name) snapshots[t].delete(db);
  }
}

function listen(): void {
  if (listening) return;
  listening = true;
  Dexie.on('storagemutated', (parts) => {
    for (const key of Object.keys(parts)) {
      if (key === 'all') return dropFor(undefined, undefined);
      const match = /^idb:\/\/(.+)\/(members|identities)\//.exec(key);
      if (match) dropFor(match[2] as Table, match[1]);
    }
  });
}

function snapshot<T>(db: RegularsDb, table: Table, read: () => Promise<T>): Promise<T> {
  listen();
  const cache = snapshots[table];
  let value = cache.get(db) as Promise<T> | undefined;
  if (!value) {
    const p = read();
    value = p;
    cache.set(db, p);
    p.catch(() => cache.get(db) === p && cache.delete(db));
  }
  return value;
}

/** The members table as an array, shared between callers: never change it. */
export function membersSnapshot(db: RegularsDb): Promise<MemberRow[]> {
  return snapshot(db, 'members', () => db.members.toArray());
}

/** Member id → platforms of its handles, from the identities table; shared, never change it. */
export function platformsSnapshot(db: RegularsDb): Promise<Map<string, Set<string>>> {
  return snapshot(db, 'identities', async () => platformsByMember(await db.identities.toArray()));
}

/** Forgets every snapshot (the store was replaced under this context). */
export function forgetMemberSnapshots(): void {
  dropFor(undefined, undefined);
}
