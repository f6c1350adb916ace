// Server -> local: incoming documents checked against the row schemas (a bad one is skipped and
// listed), revision conflicts folded by each document's rule, merged with rows changed here and not
// yet sent, and written into the store every screen reads (with the sync origin: not sent back).
import Dexie from 'dexie';
import { mergeAll, mergeDocs } from '../../domain/sync/conflicts';
import { docId, memberRowFromDocs, survivorOf, syncDocSchema, type MemberDoc, type SharedTable, type SyncDoc, type TagDoc } from '../../domain/sync/documents';
import { journeySettingsSchema } from '../../domain/journey-settings';
import { settingsSchema } from '../../domain/settings';
import { withOrigin } from '../../store/changes';
import { readSettings } from '../../store/settings';
import { recomputeMembers } from '../import/member-refresh';
import { emptyMember } from '../members/members';
import { SYNC_ORIGIN } from './committed-changes';
import type { ChangeRow } from './couch';
import { docsForEntry } from './outgoing';
import { outboxKey } from './state';
import { docType, revGeneration, rowKeyOf, rowOfDoc, shadowFor, TYPE_TABLE, type Incoming, type SyncContext } from './sync-rows';

/** Where a member ended after merges, following the merged-into links known here. */
export async function survivor(ctx: SyncContext, memberId: string, batch: Map<string, SyncDoc>): Promise<string> {
  const { state } = ctx;
  const links = new Map<string, string | undefined>();
  let at: string | undefined = memberId;
  while (at !== undefined && !links.has(at)) {
    const id = docId.member(at);
    const doc = (batch.get(id) ?? (await state.shadow.get(id))?.doc) as MemberDoc | undefined;
    links.set(at, doc?.mergedInto?.id);
    at = doc?.mergedInto?.id;
  }
  return survivorOf(memberId, (id) => links.get(id));
}

/** Writes incoming (or merged) documents into the local store, then remembers them as synced. */
export async function applyDocs(ctx: SyncContext, items: Incoming[], deletions: string[] = [], pending: readonly SyncDoc[] = []): Promise<void> {
  const { db, state, now } = ctx;
  if (!items.length && !deletions.length) return;
  const batch = new Map(items.map((i) => [i.doc._id, i.doc]));
  const waiting = new Map(pending.map((d) => [d._id, d]));
  const settings = await readSettings(db);
  const touchedMembers = new Set<string>();
  /** Members whose do-not-contact, contacts or reminders came from the team: their reminders follow. */
  const followed = new Set<string>();
  const tables = new Set<string>();
  const puts: Partial<Record<SharedTable, unknown[]>> = {};
  const put = (table: SharedTable, row: unknown) => (puts[table] ??= []).push(row);
  const memberIds = new Set<string>();
  for (const { doc } of items) {
    if (doc.type === 'member') memberIds.add(doc.memberId);
    else if (doc.type === 'tag') memberIds.add(doc.memberId);
  }
  for (const { doc } of items) {
    switch (doc.type) {
      case 'member':
      case 'tag':
        break;
      case 'setting': {
        const schema = doc.key === 'journeys' ? journeySettingsSchema : settingsSchema.shape[doc.key];
        const ok = schema.safeParse(doc.value);
        if (!ok.success) {
          ctx.skip(doc._id, `${doc.key}: ${ok.error.issues[0]?.message ?? 'not valid'}`);
          continue;
        }
        put('settings', { key: doc.key, value: ok.data });
        break;
      }
      case 'segment':
      case 'siteRule':
        put(TYPE_TABLE[doc.type]!, doc.row);
        break;
      default: {
        const memberId = await survivor(ctx, doc.row.memberId, batch);
        put(TYPE_TABLE[doc.type]!, { ...doc.row, memberId });
        if (doc.type === 'contact' || doc.type === 'reminder') followed.add(memberId);
        if (doc.type === 'order') touchedMembers.add(memberId);
      }
    }
  }
  // Everything sync keeps of its own is read before the store's transaction: awaiting another
  // database inside it would let IndexedDB end the transaction early.
  const members: { memberId: string; to: string; doc: MemberDoc; tags: TagDoc[] }[] = [];
  for (const memberId of memberIds) {
    const id = docId.member(memberId);
    // A member document changed here and not yet sent is the row's truth, not the last synced one.
    const doc = (batch.get(id) ?? waiting.get(id) ?? (await state.shadow.get(id))?.doc) as MemberDoc | undefined;
    if (!doc) continue;
    const tagDocs = new Map((await state.shadow.where('id').startsWith(`tag:${memberId}:`).toArray()).map((s) => [s.id, s.doc as TagDoc]));
    for (const d of [...pending, ...batch.values()]) if (d.type === 'tag' && d.memberId === memberId) tagDocs.set(d._id, d);
    members.push({ memberId, to: await survivor(ctx, memberId, batch), doc, tags: [...tagDocs.values()] });
  }
  const gone: string[] = [];
  await db.transaction('rw', [db.members, db.identities, db.orders, db.notes, db.contacts, db.reminders, db.segments, db.siteRules, db.settings], async () => {
    withOrigin(ctx.origin ?? SYNC_ORIGIN);
    for (const { memberId, to, doc, tags } of members) {
      if (to !== memberId) {
        // Merged elsewhere: what this machine still holds of it follows to the survivor.
        if (await db.members.get(memberId)) {
          for (const t of ['identities', 'notes', 'contacts', 'reminders']) await db.table(t).where('memberId').equals(memberId).modify({ memberId: to });
          await db.orders.where('[memberId+placedAt]').between([memberId, Dexie.minKey], [memberId, Dexie.maxKey]).modify({ memberId: to });
          await db.members.delete(memberId);
          gone.push(memberId);
          touchedMembers.add(to);
        }
        continue;
      }
      const local = await db.members.get(memberId);
      followed.add(memberId);
      await db.members.put(memberRowFromDocs(doc, tags, local, (mid, name) => emptyMember(mid, name, settings, now())));
      if (!local) touchedMembers.add(memberId);
    }
    for (const [table, rows] of Object.entries(puts)) {
      await db.table(table).bulkPut(rows);
      tables.add(table);
    }
    for (const id of deletions) {
      const table = TYPE_TABLE[docType(id)];
      if (!table) continue;
      await db.table(table).delete(rowKeyOf(id));
      tables.add(table);
    }
  });
  if (memberIds.size) tables.add('members');
  if (touchedMembers.size) await recomputeMembers(db, [...touchedMembers].filter((m) => !gone.includes(m)), now(), ctx.origin ?? SYNC_ORIGIN);
  // Import caches and held settings follow these writes through the change stream (lib/store/changes.ts).
  await state.shadow.bulkPut(items.filter((i) => i.rev).map((i) => shadowFor({ ...(i.synced ?? i.doc), _rev: i.rev! })));
  await state.shadow.bulkDelete(deletions);
  ctx.onApplied?.(tables, new Set([...followed].filter((m) => !gone.includes(m))));
}

/** Two or more leaf revisions of a document: fold them by its rule, keep one, delete the rest. */
export async function resolveConflicts(ctx: SyncContext, doc: SyncDoc, rev: string, conflicts: string[]): Promise<{ doc: SyncDoc; rev: string }> {
  const { client } = ctx;
  const others = (await client.openRevs(doc._id, conflicts)).flatMap((raw) => {
    const p = syncDocSchema.safeParse(raw);
    return p.success && !raw._deleted ? [p.data] : [];
  });
  const merged = mergeAll([doc, ...others]);
  const write: object[] = doc.type === 'contact' ? [] : [{ ...merged, _rev: rev }];
  write.push(...conflicts.map((r) => ({ _id: doc._id, _rev: r, _deleted: true })));
  const results = await client.bulkDocs(write);
  const first = results[0];
  return { doc: merged, rev: doc.type !== 'contact' && first?.ok && first.rev ? first.rev : rev };
}

export async function applyChanges(ctx: SyncContext, rows: ChangeRow[]): Promise<number> {
  const { state } = ctx;
  const items: Incoming[] = [];
  const deletions: string[] = [];
  const known = await state.shadow.bulkGet(rows.map((r) => r.id));
  for (const [i, row] of rows.entries()) {
    const raw = row.doc;
    if (!raw || row.id.startsWith('_design/')) continue;
    if (known[i]?.rev === raw._rev && !raw._conflicts?.length) continue; // our own write coming back
    // Read before a push of ours that this feed has yet to bring: the newer version follows.
    if (known[i] && revGeneration(known[i]!.rev) > revGeneration(raw._rev) && !raw._conflicts?.length) continue;
    if (raw._deleted) {
      if (!row.id.startsWith('contact:')) deletions.push(row.id);
      continue;
    }
    const parsed = syncDocSchema.safeParse(raw);
    if (!parsed.success || parsed.data._id !== row.id || !isSharedTypeId(row.id, parsed.data.type)) {
      const issue = parsed.success ? undefined : parsed.error.issues[0];
      ctx.skip(row.id, issue ? `${issue.path.join('.') || 'document'}: ${issue.message}` : 'its id does not match its type');
      continue;
    }
    ctx.saw?.(parsed.data);
    let item = { doc: parsed.data, rev: raw._rev };
    if (raw._conflicts?.length) item = await resolveConflicts(ctx, parsed.data, raw._rev, raw._conflicts);
    items.push(item);
  }
  // A row changed here and not yet sent: the incoming version is merged with ours by the document's
  // rule; the server's version is remembered as synced, so the push sends the difference.
  const keyedRows = items.map((i) => {
    const [t, k] = rowOfDoc(i.doc);
    return [outboxKey(t, k), [t, k] as const] as const;
  });
  const rowsOf = [...new Map(keyedRows).entries()];
  const waiting = await state.outbox.bulkGet(rowsOf.map(([key]) => key));
  const local = new Map<string, SyncDoc>();
  for (const [i, [, [table, key]]] of rowsOf.entries()) {
    if (!waiting[i]) continue;
    for (const d of await docsForEntry(ctx, table, key)) {
      const parsed = syncDocSchema.safeParse(d);
      if (parsed.success) local.set(parsed.data._id, parsed.data);
    }
  }
  const merged: Incoming[] = items.map((i) => {
    const mine = local.get(i.doc._id);
    return mine ? { doc: mergeDocs(i.doc, mine), rev: i.rev, synced: i.doc } : i;
  });
  // Ours that nothing incoming touched (a tag added here, do-not-contact set here) still shape the member row written.
  const pending = [...local.values()].filter((d) => (d.type === 'tag' || d.type === 'member') && !items.some((i) => i.doc._id === d._id));
  await applyDocs(ctx, merged, deletions, pending);
  return items.length + deletions.length;
}

const isSharedTypeId = (id: string, type: SyncDoc['type']) => id.startsWith(`${type}:`);
