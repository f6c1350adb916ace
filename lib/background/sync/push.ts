// Local -> server, one batch: the documents of waiting changes go out in one _bulk_docs; a 409 is
// answered by fetching the server's version, merging by the document's rule, and sending again.
import { mergeDocs } from '../../domain/sync/conflicts';
import { isSharedTable, syncDocSchema, type SyncDoc } from '../../domain/sync/documents';
import type { BulkResult } from './couch';
import { applyDocs } from './incoming';
import { docsForEntry } from './outgoing';
import { dropShadows, shadowsOf } from './shadows';
import { dropSent, type ShadowRow } from './state';
import { docType, shadowFor, type SyncContext } from './sync-rows';

/** Sends up to `batchSize` waiting changes; a change the server refuses (not a conflict) is reported. */
export async function pushWaiting(ctx: SyncContext, batchSize: number, refused: (r: { id: string; reason: string }) => void): Promise<void> {
  const { state, client } = ctx;
  const entries = await state.outbox.limit(batchSize).toArray();
  if (!entries.length) return;
  let docs: (Record<string, unknown> & { _id: string })[] = [];
  for (const e of entries) if (isSharedTable(e.table)) docs.push(...((await docsForEntry(ctx, e.table, e.rowKey)) as typeof docs));
  const merged: SyncDoc[] = [];
  for (let attempt = 0; docs.length && attempt < 5; attempt++) {
    const results = await client.bulkDocs(docs);
    const byId = new Map(docs.map((d) => [d._id, d]));
    const conflicts: string[] = [];
    const shadows: ShadowRow[] = [];
    /** Deleted: id -> the deletion's revision. */
    const gone = new Map<string, string>();
    results.forEach((r: BulkResult) => {
      const sent = byId.get(r.id);
      if (!sent) return;
      if (r.ok && r.rev) {
        if (sent._deleted) gone.set(r.id, r.rev);
        else shadows.push(shadowFor({ ...(sent as unknown as SyncDoc), _rev: r.rev }));
      } else if (r.error === 'conflict') conflicts.push(r.id);
      else refused({ id: r.id, reason: r.reason ?? r.error ?? 'refused' });
    });
    // An identity's deletion keeps its last copy until it comes back in the feed (kept-deletions.ts).
    const copies = await shadowsOf(state, [...gone.keys()].filter((id) => docType(id) === 'identity'));
    const tombs = new Map(copies.flatMap((c) => (c?.doc ? [[c.id, { id: c.id, rev: gone.get(c.id)!, doc: { ...c.doc, _deleted: true } }]] : [])));
    await state.shadow.bulkPut([...shadows, ...tombs.values()]);
    await dropShadows(state, [...gone.keys()].filter((id) => !tombs.has(id)));
    // 409: someone else wrote first. Fetch theirs, merge by the document's rule, send again.
    const theirs = await client.allDocs(conflicts);
    docs = [];
    for (const id of conflicts) {
      const mine = byId.get(id)!;
      const server = theirs.get(id);
      if (!server) {
        const { _rev, ...fresh } = mine;
        void _rev;
        docs.push(fresh as typeof mine);
        continue;
      }
      const a = syncDocSchema.safeParse(server);
      const b = syncDocSchema.safeParse(mine);
      if (mine._deleted || !b.success) continue;
      const m = a.success ? mergeDocs(a.data, b.data) : b.data;
      docs.push({ ...(m as unknown as Record<string, unknown>), _id: id, _rev: server._rev });
      merged.push(m);
    }
  }
  if (merged.length) await applyDocs(ctx, merged.map((d) => ({ doc: d, rev: undefined })));
  await dropSent(state, entries);
}
