// Server -> local: incoming documents checked against the row schemas (a bad one is skipped and
// listed), revision conflicts folded by each document's rule, merged with rows changed here and not
// yet sent, and written into the store every screen reads (with the sync origin: not sent back).
import Dexie from 'dexie';
import { mergeAll, mergeDocs } from '../../domain/sync/conflicts';
import { memberRowFromDocs, syncDocSchema, type SharedTable, type SyncDoc } from '../../domain/sync/documents';
import type { IdentityRow, MemberWrite, OrderRow } from '../../domain/rows';
import { journeySettingsSchema } from '../../domain/journey-settings';
import { settingsSchema } from '../../domain/settings';
import { withOrigin } from '../../store/changes';
import { readSettings } from '../../store/settings';
import { membersFromOrders } from '../import/member-refresh';
import { phaseClock } from '../import/phases';
import { emptyMember } from '../members/members';
import { SYNC_ORIGIN } from './committed-changes';
import type { ChangeRow } from './couch';
import { docsForEntry } from './outgoing';
import { membersOfBatch, survivorsOf } from './incoming-members';
import { keptDeletions } from './kept-deletions';
import { batchKnows, marksAfterBatch, noteBatch } from './join-writes';
import { dropShadows, packShadows, shadowsOf } from './shadows';
import { outboxKey, waitingOf, writeMeta, type OutboxRow } from './state';
import { docType, revGeneration, rowKeyOf, rowOfDoc, shadowFor, TYPE_TABLE, type Incoming, type SyncContext } from './sync-rows';

/**
 * Writes incoming (or merged) documents into the local store in one transaction, then remembers them
 * as synced. Each member row is written once, with its stats from all its orders (those of this batch
 * included), so a batch is one change on the stream, not one more for the recomputed stats.
 */
export async function applyDocs(
  ctx: SyncContext,
  items: Incoming[],
  deletions: string[] = [],
  pending: readonly SyncDoc[] = [],
  checkpoint?: string | number,
  lastCopies?: ReadonlyMap<string, IdentityRow>,
): Promise<void> {
  const { db, state, now } = ctx;
  if (!items.length && !deletions.length) {
    if (checkpoint !== undefined) await writeMeta(state, 'checkpoint', checkpoint);
    return;
  }
  const mark = phaseClock();
  const batch = new Map(items.map((i) => [i.doc._id, i.doc]));
  const settings = await readSettings(db);
  const touchedMembers = new Set<string>();
  /** Members whose do-not-contact, contacts or reminders came from the team: their reminders follow. */
  const followed = new Set<string>();
  const tables = new Set<string>();
  const puts: Partial<Record<SharedTable, unknown[]>> = {};
  const put = (table: SharedTable, row: unknown) => (puts[table] ??= []).push(row);
  const memberIds = new Set<string>();
  const referenced = new Set<string>();
  for (const { doc } of items) {
    if (doc.type === 'member' || doc.type === 'tag') memberIds.add(doc.memberId);
    else if (doc.type !== 'setting' && doc.type !== 'segment' && doc.type !== 'siteRule') referenced.add(doc.row.memberId);
  }
  // Members an import here is still creating: its row first, the team's documents on top of it.
  if (ctx.writeWaiting) for (const m of memberIds) await ctx.writeWaiting(m);
  // Everything sync keeps of its own is read before the store's transaction: awaiting another
  // database inside it would let IndexedDB end the transaction early.
  const survivors = await survivorsOf(state, [...memberIds, ...referenced], batch);
  const members = await membersOfBatch(state, [...memberIds], batch, pending, survivors);
  mark('sync.apply.sync-state.read');
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
        const memberId = survivors.get(doc.row.memberId) ?? doc.row.memberId;
        put(TYPE_TABLE[doc.type]!, { ...doc.row, memberId });
        if (doc.type === 'contact' || doc.type === 'reminder') followed.add(memberId);
        if (doc.type === 'order') touchedMembers.add(memberId);
      }
    }
  }
  const gone: string[] = [];
  let resend: OutboxRow[] = [];
  const orders = (puts.orders ?? []) as OrderRow[];
  /** Members that a merge in this batch moves orders to: their stats are read back. */
  const moved = new Set<string>();
  let marks: Awaited<ReturnType<typeof marksAfterBatch>> = {};
  let membersWritten: string[] = [];
  mark('sync.apply.rows');
  const stores = [db.members, db.identities, db.orders, db.notes, db.contacts, db.reminders, db.segments, db.siteRules, db.settings, db.tierChanges, db.caches];
  await db.transaction('rw', stores, async () => {
    withOrigin(ctx.origin ?? SYNC_ORIGIN);
    const knows = await batchKnows(db, ctx.joinWrites, orders);
    for (const { memberId, to } of members) {
      if (to === memberId) continue;
      // Merged elsewhere: what this machine still holds of it follows to the survivor.
      if (await db.members.get(memberId)) {
        for (const t of ['identities', 'notes', 'contacts', 'reminders']) await db.table(t).where('memberId').equals(memberId).modify({ memberId: to });
        await db.orders.where('[memberId+placedAt]').between([memberId, Dexie.minKey], [memberId, Dexie.maxKey]).modify({ memberId: to });
        await db.members.delete(memberId);
        gone.push(memberId);
        touchedMembers.add(to);
        moved.add(to);
      }
    }
    mark('sync.apply.store.merges');
    const staying = members.filter((m) => m.to === m.memberId);
    const locals = await knows.members(staying.map((m) => m.memberId));
    mark('sync.apply.store.members.read');
    const rows = new Map<string, MemberWrite>();
    staying.forEach(({ memberId, doc, tags }, i) => {
      followed.add(memberId);
      rows.set(memberId, memberRowFromDocs(doc, tags, locals[i], (mid, name) => emptyMember(mid, name, settings, now())));
      if (!locals[i]) touchedMembers.add(memberId);
    });
    mark('sync.apply.store.members.map');
    for (const [table, list] of Object.entries(puts)) {
      await db.table(table).bulkPut(list);
      tables.add(table);
    }
    mark('sync.apply.store.puts');
    const deletedMembers = new Set<string>();
    // A member or identity another machine's cancel deleted, that an agent wrote on here, stays and is sent again.
    const refused = await keptDeletions(db, deletions, rows, lastCopies);
    resend = refused.resend;
    // The members of deleted orders are recounted from the orders left.
    const orderKeys = deletions.filter((id) => docType(id) === 'order').map(rowKeyOf);
    for (const o of orderKeys.length ? await db.orders.bulkGet(orderKeys) : []) if (o) touchedMembers.add(o.memberId);
    for (const id of deletions) {
      const table = TYPE_TABLE[docType(id)];
      if (!table || refused.kept.has(id)) continue;
      await db.table(table).delete(rowKeyOf(id));
      if (table === 'members') deletedMembers.add(rowKeyOf(id));
      tables.add(table);
    }
    // Stats from all the member's orders, now that this batch's are in (their tiers follow: tiers/tier-keeper.ts).
    const recount = [...touchedMembers].filter((m) => !gone.includes(m) && !deletedMembers.has(m));
    const elsewhere = recount.filter((m) => !rows.has(m));
    const read = new Map(elsewhere.map((m, i) => [m, i]));
    const stored = elsewhere.length ? await knows.members(elsewhere) : [];
    const { own } = knows;
    const known = own && ((m: string) => (moved.has(m) ? undefined : own(m)));
    const counted = await membersFromOrders(db, recount.map((m) => rows.get(m) ?? stored[read.get(m)!]), settings, now(), known);
    mark('sync.apply.store.stats');
    for (const r of counted) rows.set(r.id, r);
    for (const m of deletedMembers) rows.delete(m);
    if (rows.size) {
      await db.members.bulkPut([...rows.values()]);
      tables.add('members');
    }
    mark('sync.apply.store.members.write');
    marks = await marksAfterBatch(db, ctx.joinWrites);
    membersWritten = [...rows.keys()];
  });
  noteBatch(ctx.joinWrites, { orders, moved, members: membersWritten }, marks);
  mark('sync.apply.store.commit');
  if (memberIds.size) tables.add('members');
  // Import caches and held settings follow these writes through the change stream (lib/store/changes.ts).
  const shadows = items.filter((i) => i.rev).map((i) => shadowFor({ ...(i.synced ?? i.doc), _rev: i.rev! }));
  mark('sync.apply.shadow.map');
  // The checkpoint moves with the shadows, once the rows are in the store: a batch cut short is read again.
  await state.transaction('rw', [state.shadow, state.packs, state.meta, state.outbox], async () => {
    // A join's shadows go in packs, far fewer puts (shadows.ts).
    if (ctx.feedOnlyShadows) await packShadows(state, shadows);
    else await state.shadow.bulkPut(shadows);
    await dropShadows(state, deletions);
    if (resend.length) await state.outbox.bulkPut(resend);
    if (checkpoint !== undefined) await writeMeta(state, 'checkpoint', checkpoint);
  });
  mark('sync.apply.shadow.write');
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

/** Applies one read of _changes; `checkpoint` (its last_seq) is written with what it applied. */
export async function applyChanges(ctx: SyncContext, rows: ChangeRow[], checkpoint?: string | number): Promise<number> {
  const { state } = ctx;
  const mark = phaseClock();
  const items: Incoming[] = [];
  const deletions: string[] = [];
  const lastCopies = new Map<string, IdentityRow>();
  // A catch-up that began with no shadow wrote every shadow since, in feed order: none is newer than
  // what the feed brings now, nor the same revision (that would be our own push: none ran meanwhile).
  const known = ctx.feedOnlyShadows ? [] : await shadowsOf(state, rows.map((r) => r.id));
  mark('sync.changes.shadow.read');
  for (const [i, row] of rows.entries()) {
    const raw = row.doc;
    if (!raw || row.id.startsWith('_design/')) continue;
    const copy = known[i]?.doc;
    // Our own deletion of an identity coming back, after whatever reached the server before it.
    if (raw._deleted && known[i]?.rev === raw._rev && copy?._deleted && copy.type === 'identity') {
      deletions.push(row.id);
      lastCopies.set(rowKeyOf(row.id), copy.row);
      continue;
    }
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
  mark('sync.changes.check');
  // A row changed here and not yet sent: the incoming version is merged with ours by the document's
  // rule; the server's version is remembered as synced, so the push sends the difference.
  const keyedRows = items.map((i) => {
    const [t, k] = rowOfDoc(i.doc);
    return [outboxKey(t, k), [t, k] as const] as const;
  });
  const rowsOf = [...new Map(keyedRows).entries()];
  const waiting = await waitingOf(state, rowsOf.map(([key]) => key));
  const local = new Map<string, SyncDoc>();
  for (const [i, [, [table, key]]] of rowsOf.entries()) {
    // A setting held before joining yields to the team's (state.ts atJoin): it is not merged in.
    if (!waiting[i] || waiting[i]!.atJoin) continue;
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
  mark('sync.changes.outbox.merge');
  await applyDocs(ctx, merged, deletions, pending, checkpoint, lastCopies);
  return items.length + deletions.length;
}

const isSharedTypeId = (id: string, type: SyncDoc['type']) => id.startsWith(`${type}:`);
