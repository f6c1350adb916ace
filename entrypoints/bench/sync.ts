// Team sync's baseline in the real browser (tests/bench/sync-browser.ts runs the engine beside it):
// a raw read of the team database's _changes (the same documents, in the engine's batches) plus raw
// IndexedDB puts of their rows into empty object stores shaped like ours. Nothing checked, merged,
// remembered or derived.
import { CouchClient } from '@/lib/background/sync/couch';
import { emptyMember } from '@/lib/background/members/members';
import { memberRowFromDocs, type MemberDoc } from '@/lib/domain/sync/documents';
import { deleteDb, openRaw, rawPut } from './raw-idb';

const SCRATCH = 'regulars-sync-baseline';
const TABLES = { member: 'members', identity: 'identities', order: 'orders' } as const;

export const syncBench = {
  async rawChangesAndPuts(server: string, db: string, user: { name: string; password: string }, batch: number) {
    await deleteDb(SCRATCH);
    const raw = await openRaw(SCRATCH, Object.values(TABLES));
    // Signed in as the agent the engine syncs as (the browser keeps the session cookie, as the engine's does).
    const client = new CouchClient({ server, db, cookies: 'browser' });
    await client.logIn(user.name, user.password);
    const now = Date.now();
    const t = performance.now();
    let since: string | number = 0;
    let documents = 0;
    /** Of `ms`, the time spent waiting on the server's _changes (the read alone, without the puts). */
    let readMs = 0;
    for (;;) {
      const r = performance.now();
      const res = await client.changes(since, { limit: batch });
      readMs += performance.now() - r;
      const rows: Record<string, object[]> = { members: [], identities: [], orders: [] };
      for (const { doc } of res.results) {
        const type = (doc as { type?: keyof typeof TABLES } | undefined)?.type;
        if (!doc || !type || !(type in TABLES)) continue;
        const row = type === 'member' ? memberRowFromDocs(doc as unknown as MemberDoc, [], undefined, (id, name) => emptyMember(id, name, { shopCurrency: 'USD' }, now)) : (doc as unknown as { row: object }).row;
        rows[TABLES[type]]!.push(row);
      }
      for (const [table, list] of Object.entries(rows)) if (list.length) await rawPut(raw, table, list);
      documents += res.results.length;
      since = res.last_seq;
      if (res.results.length < batch) break;
    }
    const ms = performance.now() - t;
    raw.close();
    await deleteDb(SCRATCH);
    return { documents, ms, readMs };
  },
};
