// The sync engine of the background worker: sends the documents of committed local writes
// (_bulk_docs; a 409 is answered by fetch -> merge -> retry), reads the team database's _changes from
// a checkpoint (a long-poll when caught up, never a busy poll), checks every incoming document
// against the row schemas (a bad one is skipped and listed), resolves _conflicts deterministically,
// and writes what arrives into the local store every screen reads.
import Dexie from 'dexie';
import { hash53 } from '../../hash';
import { mergeAll, mergeDocs } from '../../domain/sync/conflicts';
import {
  contactDocFromRow,
  docId,
  identityDocFromRow,
  isSharedTable,
  memberDocFromRow,
  memberDocMerged,
  memberRowFromDocs,
  noteDocFromRow,
  orderDocFromRow,
  reminderDocFromRow,
  segmentDocFromRow,
  settingDocFromRow,
  SHARED_SETTINGS,
  SHARED_TABLES,
  siteRuleDocFromRow,
  stableJson,
  survivorOf,
  syncDocSchema,
  tagDocsFromRow,
  type IdentityDoc,
  type MemberDoc,
  type SharedSetting,
  type SharedTable,
  type SyncDoc,
  type TagDoc,
} from '../../domain/sync/documents';
import { newId, type RegularsDb } from '../../store/database';
import { recomputeMembers } from '../import/member-refresh';
import { emptyMember } from '../members/members';
import { journeySettingsSchema, JOURNEYS_KEY } from '../../domain/journey-settings';
import { settingsSchema } from '../../domain/settings';
import { readSettings } from '../../store/settings';
import { withOrigin } from '../../store/changes';
import { CouchError, type BulkResult, type ChangeRow, type CouchClient } from './couch';
import { SYNC_ORIGIN, type CommittedChange, type SubscribeToCommitted } from './committed-changes';
import { outboxKey, readMeta, writeMeta, type ShadowRow, type SyncStateDb } from './state';

export type SyncState = 'off' | 'starting' | 'syncing' | 'synced' | 'offline' | 'signIn' | 'notMember';

export interface SyncStatus {
  state: SyncState;
  /** When the last full catch-up ended (synced) or the next retry is (offline). */
  at?: number | undefined;
  /** Local changes not yet on the server. */
  waiting: number;
  /** Initial sync: documents applied of those in the database. */
  progress?: { done: number; total: number; startedAt: number } | undefined;
  /** The last change the server refused, and why. */
  refused?: { id: string; reason: string } | undefined;
  /** Incoming documents skipped because they did not pass the row schemas. */
  skipped: { id: string; reason: string }[];
}

export interface SyncDeps {
  db: RegularsDb;
  state: SyncStateDb;
  client: CouchClient;
  /** The team user: stamps tags, notes' owner, contacts. */
  me: string;
  now: () => number;
  subscribe: SubscribeToCommitted;
  onStatus?: (status: SyncStatus) => void;
  /** Tables whose rows sync just wrote (reminders, reports and caches listen). */
  onApplied?: (tables: ReadonlySet<string>) => void;
  /** Long-poll length; tests shorten it. */
  longpollMs?: number;
  batch?: number;
}

const TYPE_TABLE: Record<SyncDoc['type'], SharedTable | undefined> = {
  member: 'members',
  tag: undefined,
  identity: 'identities',
  order: 'orders',
  note: 'notes',
  contact: 'contacts',
  reminder: 'reminders',
  segment: 'segments',
  siteRule: 'siteRules',
  setting: 'settings',
};

const MAX_SKIPPED = 100;
const orderHash = (doc: { row: unknown; member: unknown }) => hash53(stableJson([doc.row, doc.member]));
const docType = (id: string) => id.slice(0, id.indexOf(':')) as SyncDoc['type'];
const rowKeyOf = (id: string) => id.slice(id.indexOf(':') + 1);
/** The N of a CouchDB revision 'N-hash': how many edits the version has seen. */
const revGeneration = (rev: string) => Number.parseInt(rev, 10) || 0;

/** A serial lane: pushes and applies never interleave (each compares rows with the shadow). */
function lane() {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(job: () => Promise<T>): Promise<T> => {
    const run = tail.then(job, job);
    tail = run.catch(() => undefined);
    return run;
  };
}

/** A document to write locally; `synced` is the server's version when `doc` also holds local changes not yet sent. */
interface Incoming {
  doc: SyncDoc;
  rev: string | undefined;
  synced?: SyncDoc | undefined;
}

/** The outbox entry (table, key) whose row a document comes from. */
function rowOfDoc(doc: SyncDoc): [SharedTable, string] {
  if (doc.type === 'member' || doc.type === 'tag') return ['members', doc.memberId];
  if (doc.type === 'setting') return ['settings', doc.key];
  return [TYPE_TABLE[doc.type]!, rowKeyOf(doc._id)];
}

export function createSyncEngine(deps: SyncDeps) {
  const { db, state, client, me, now } = deps;
  const batchSize = deps.batch ?? 500;
  const serial = lane();
  let status: SyncStatus = { state: 'off', waiting: 0, skipped: [] };
  let running = false;
  let poll: AbortController | undefined;
  let pollIsLong = false;
  let wakeUp: (() => void) | undefined;
  let unsubscribe: (() => void) | undefined;
  let loop: Promise<void> | undefined;

  const setStatus = (patch: Partial<SyncStatus>) => {
    status = { ...status, ...patch };
    deps.onStatus?.(status);
  };
  const refreshWaiting = async () => setStatus({ waiting: await state.outbox.count() });

  /** Wakes the loop from a long-poll or a retry wait: there is something to send. */
  const wake = () => {
    if (pollIsLong) poll?.abort();
    wakeUp?.();
  };

  async function enqueue(changes: CommittedChange[]): Promise<void> {
    const rows: { key: string; table: string; rowKey: string }[] = [];
    for (const c of changes) {
      if (!isSharedTable(c.table)) continue;
      const keys = c.keys ?? (await allKeys(c.table));
      for (const k of keys) if (c.table !== 'settings' || (SHARED_SETTINGS as readonly string[]).includes(k) || k === JOURNEYS_KEY) rows.push({ key: outboxKey(c.table, k), table: c.table, rowKey: k });
    }
    if (!rows.length) return;
    await state.outbox.bulkPut(rows);
    await refreshWaiting();
    wake();
  }

  /** Every key of a table here and every one synced before (a deleted row is a deletion to send). */
  async function allKeys(table: SharedTable): Promise<string[]> {
    const local = (await db.table(table).toCollection().primaryKeys()) as string[];
    const prefix = `${SHARED_TABLES[table]}:`;
    const synced = (await state.shadow.where('id').startsWith(prefix).primaryKeys()).map(rowKeyOf);
    return [...new Set([...local, ...synced])];
  }

  // -------------------------------------------------------------------------------------------
  // Local -> server

  async function docsForEntry(table: SharedTable, key: string): Promise<object[]> {
    const t = now();
    const shadowOf = async (id: string) => state.shadow.get(id);
    const id = docId[SHARED_TABLES[table]](key);
    const prev = await shadowOf(id);
    const rev = prev ? { _rev: prev.rev } : {};
    const deleted = () => (prev && !prev.doc?._deleted ? [{ _id: id, _rev: prev.rev, _deleted: true }] : []);
    switch (table) {
      case 'members': {
        const row = await db.members.get(key);
        const prevDoc = prev?.doc as MemberDoc | undefined;
        if (!row) {
          if (!prevDoc || prevDoc.mergedInto) return [];
          // Gone from here: merged, if its identities now belong to another member.
          const ids = (await state.shadow.where('id').startsWith('identity:').toArray()).filter((s) => (s.doc as IdentityDoc | undefined)?.row.memberId === key);
          const now = await db.identities.bulkGet(ids.map((s) => rowKeyOf(s.id)));
          const survivor = now.find((i) => i && i.memberId !== key)?.memberId;
          return survivor ? [{ ...memberDocMerged(prevDoc, survivor, me, t), ...rev }] : deleted();
        }
        const out: object[] = [];
        const doc = memberDocFromRow(row, prevDoc, me);
        if (doc !== prevDoc) out.push({ ...doc, ...rev });
        const tagShadows = await state.shadow.where('id').startsWith(`tag:${key}:`).toArray();
        const revs = new Map(tagShadows.map((s) => [s.id, s.rev]));
        const tagDocs = tagDocsFromRow(key, row.tags, tagShadows.map((s) => s.doc as TagDoc), me, Math.max(row.updatedAt, t), () => newId('t'));
        for (const d of tagDocs) out.push({ ...d, ...(revs.has(d._id) ? { _rev: revs.get(d._id) } : {}) });
        return out;
      }
      case 'orders': {
        const row = await db.orders.get(key);
        if (!row) return deleted();
        const doc = orderDocFromRow(row, prev?.order, me, t, prev?.rev);
        return prev && prev.hash === orderHash(doc) ? [] : [doc];
      }
      case 'settings': {
        const row = await db.settings.get(key);
        if (!row) return [];
        const doc = settingDocFromRow(key as SharedSetting, row.value, prev?.doc as never, me, t);
        return doc === prev?.doc ? [] : [{ ...doc, ...rev }];
      }
      default: {
        const row = await db.table(table).get(key);
        if (!row) return table === 'contacts' ? [] : deleted();
        const p = prev?.doc as never;
        const doc =
          table === 'identities'
            ? identityDocFromRow(row, p, me, t)
            : table === 'notes'
              ? noteDocFromRow(row, p, me)
              : table === 'contacts'
                ? contactDocFromRow(row, p, me)
                : table === 'reminders'
                  ? reminderDocFromRow(row, p, me)
                  : table === 'segments'
                    ? segmentDocFromRow(row, p, me)
                    : siteRuleDocFromRow(row, p, me, t);
        return doc === p ? [] : [{ ...doc, ...rev }];
      }
    }
  }

  function shadowFor(doc: SyncDoc & { _rev: string }): ShadowRow {
    if (doc.type === 'order') return { id: doc._id, rev: doc._rev, order: { memberId: doc.row.memberId, member: doc.member }, hash: orderHash(doc) };
    const { _rev, ...body } = doc;
    void _rev;
    return { id: doc._id, rev: doc._rev, doc: body as SyncDoc };
  }

  /** Sends one batch of waiting changes; true when more wait. */
  async function pushBatch(): Promise<boolean> {
    const entries = await state.outbox.limit(batchSize).toArray();
    if (!entries.length) return false;
    let docs: (Record<string, unknown> & { _id: string })[] = [];
    for (const e of entries) if (isSharedTable(e.table)) docs.push(...((await docsForEntry(e.table, e.rowKey)) as typeof docs));
    const merged: SyncDoc[] = [];
    for (let attempt = 0; docs.length && attempt < 5; attempt++) {
      const results = await client.bulkDocs(docs);
      const byId = new Map(docs.map((d) => [d._id, d]));
      const conflicts: string[] = [];
      const shadows: ShadowRow[] = [];
      const gone: string[] = [];
      results.forEach((r: BulkResult) => {
        const sent = byId.get(r.id);
        if (!sent) return;
        if (r.ok && r.rev) {
          if (sent._deleted) gone.push(r.id);
          else shadows.push(shadowFor({ ...(sent as unknown as SyncDoc), _rev: r.rev }));
        } else if (r.error === 'conflict') conflicts.push(r.id);
        else setStatus({ refused: { id: r.id, reason: r.reason ?? r.error ?? 'refused' } });
      });
      await state.shadow.bulkPut(shadows);
      await state.shadow.bulkDelete(gone);
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
    if (merged.length) await applyDocs(merged.map((d) => ({ doc: d, rev: undefined })));
    await state.outbox.bulkDelete(entries.map((e) => e.key));
    await refreshWaiting();
    return (await state.outbox.count()) > 0;
  }

  // -------------------------------------------------------------------------------------------
  // Server -> local

  /** Where a member ended after merges, following the merged-into links known here. */
  async function survivor(memberId: string, batch: Map<string, SyncDoc>): Promise<string> {
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
  async function applyDocs(items: Incoming[], deletions: string[] = [], pendingTags: TagDoc[] = []): Promise<void> {
    if (!items.length && !deletions.length) return;
    const batch = new Map(items.map((i) => [i.doc._id, i.doc]));
    const settings = await readSettings(db);
    const touchedMembers = new Set<string>();
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
            skip(doc._id, `${doc.key}: ${ok.error.issues[0]?.message ?? 'not valid'}`);
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
          const memberId = await survivor(doc.row.memberId, batch);
          put(TYPE_TABLE[doc.type]!, { ...doc.row, memberId });
          if (doc.type === 'order') touchedMembers.add(memberId);
        }
      }
    }
    // Everything sync keeps of its own is read before the store's transaction: awaiting another
    // database inside it would let IndexedDB end the transaction early.
    const members: { memberId: string; to: string; doc: MemberDoc; tags: TagDoc[] }[] = [];
    for (const memberId of memberIds) {
      const id = docId.member(memberId);
      const doc = (batch.get(id) ?? (await state.shadow.get(id))?.doc) as MemberDoc | undefined;
      if (!doc) continue;
      const tagDocs = new Map((await state.shadow.where('id').startsWith(`tag:${memberId}:`).toArray()).map((s) => [s.id, s.doc as TagDoc]));
      for (const d of [...pendingTags, ...batch.values()]) if (d.type === 'tag' && d.memberId === memberId) tagDocs.set(d._id, d);
      members.push({ memberId, to: await survivor(memberId, batch), doc, tags: [...tagDocs.values()] });
    }
    const gone: string[] = [];
    await db.transaction('rw', [db.members, db.identities, db.orders, db.notes, db.contacts, db.reminders, db.segments, db.siteRules, db.settings], async () => {
      withOrigin(SYNC_ORIGIN);
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
    if (touchedMembers.size) await recomputeMembers(db, [...touchedMembers].filter((m) => !gone.includes(m)), now(), SYNC_ORIGIN);
    // Import caches and held settings follow these writes through the change stream (lib/store/changes.ts).
    await state.shadow.bulkPut(items.filter((i) => i.rev).map((i) => shadowFor({ ...(i.synced ?? i.doc), _rev: i.rev! })));
    await state.shadow.bulkDelete(deletions);
    deps.onApplied?.(tables);
  }

  function skip(id: string, reason: string) {
    setStatus({ skipped: [...status.skipped.filter((s) => s.id !== id), { id, reason }].slice(-MAX_SKIPPED) });
  }

  /** Two or more leaf revisions of a document: fold them by its rule, keep one, delete the rest. */
  async function resolveConflicts(doc: SyncDoc, rev: string, conflicts: string[]): Promise<{ doc: SyncDoc; rev: string }> {
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

  async function applyChanges(rows: ChangeRow[]): Promise<number> {
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
        skip(row.id, issue ? `${issue.path.join('.') || 'document'}: ${issue.message}` : 'its id does not match its type');
        continue;
      }
      let item = { doc: parsed.data, rev: raw._rev };
      if (raw._conflicts?.length) item = await resolveConflicts(parsed.data, raw._rev, raw._conflicts);
      items.push(item);
    }
    // A row changed here and not yet sent: the incoming version is merged with ours by the document's
    // rule; the server's version is remembered as synced, so the push sends the difference.
    const pendingTags: TagDoc[] = [];
    const rowsOf = [...new Map(items.map((i) => { const [t, k] = rowOfDoc(i.doc); return [outboxKey(t, k), [t, k] as const]; })).entries()];
    const waiting = await state.outbox.bulkGet(rowsOf.map(([key]) => key));
    const local = new Map<string, SyncDoc>();
    for (const [i, [, [table, key]]] of rowsOf.entries()) {
      if (!waiting[i]) continue;
      for (const d of await docsForEntry(table, key)) {
        const parsed = syncDocSchema.safeParse(d);
        if (parsed.success) local.set(parsed.data._id, parsed.data);
      }
    }
    const merged: Incoming[] = items.map((i) => {
      const mine = local.get(i.doc._id);
      return mine ? { doc: mergeDocs(i.doc, mine), rev: i.rev, synced: i.doc } : i;
    });
    for (const d of local.values()) if (d.type === 'tag' && !items.some((i) => i.doc._id === d._id)) pendingTags.push(d);
    await applyDocs(merged, deletions, pendingTags);
    return items.length + deletions.length;
  }

  const isSharedTypeId = (id: string, type: SyncDoc['type']) => id.startsWith(`${type}:`);

  /** Reads _changes from the checkpoint; resolves true when caught up. */
  async function pullBatch(longpoll: boolean): Promise<boolean> {
    const since = (await readMeta<string | number>(state, 'checkpoint')) ?? 0;
    if (!running) return true;
    const mine = (poll = new AbortController());
    pollIsLong = longpoll;
    const waitMs = deps.longpollMs ?? 25_000;
    // A long-poll is ended here too if the server holds it past its timeout (or the line went dead).
    const guard = longpoll ? setTimeout(() => mine.abort(), waitMs + 5_000) : undefined;
    let res;
    try {
      res = await client.changes(since, { limit: batchSize, signal: mine.signal, ...(longpoll ? { longpollMs: waitMs } : {}) });
    } catch (e) {
      if (mine.signal.aborted) return true;
      throw e;
    } finally {
      clearTimeout(guard);
      poll = undefined;
    }
    await serial(async () => {
      const applied = await applyChanges(res.results);
      await writeMeta(state, 'checkpoint', res.last_seq);
      if (status.progress) setStatus({ progress: { ...status.progress, done: status.progress.done + applied } });
    });
    return res.results.length < batchSize;
  }

  async function cycle(): Promise<void> {
    const first = (await readMeta(state, 'checkpoint')) === undefined;
    if (first) {
      const info = await client.info();
      setStatus({ state: 'syncing', progress: { done: 0, total: info.doc_count, startedAt: now() } });
      await enqueue(Object.keys(SHARED_TABLES).map((table) => ({ table, keys: undefined })));
    } else if (status.state !== 'synced') {
      await client.info();
      setStatus({ state: 'syncing' });
    }
    while (!(await pullBatch(false))) if (!running) return;
    while (await serial(pushBatch)) if (!running) return;
    setStatus({ state: 'synced', at: now(), progress: undefined });
    await pullBatch(true);
  }

  /** 401 is a lost session or a non-member (servers differ): the session tells which. */
  async function classify(e: unknown): Promise<SyncState> {
    if (e instanceof CouchError && e.status === 403) return 'notMember';
    if (!(e instanceof CouchError && e.status === 401)) return 'offline';
    const who = await client.session().catch(() => undefined);
    return who?.userCtx.name ? 'notMember' : 'signIn';
  }

  async function run(): Promise<void> {
    let backoff = 1000;
    while (running) {
      try {
        await cycle();
        backoff = 1000;
      } catch (e) {
        if (!running) return;
        const s = await classify(e);
        if (s !== 'offline') {
          setStatus({ state: s, progress: undefined });
          running = false;
          return;
        }
        setStatus({ state: 'offline', at: now() + backoff });
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, backoff);
          wakeUp = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        wakeUp = undefined;
        backoff = Math.min(backoff * 2, 30_000);
      }
    }
  }

  return {
    status: () => status,
    /** Starts listening to local changes and the loop. */
    start(): void {
      if (running) return;
      running = true;
      unsubscribe ??= deps.subscribe((changes) => void enqueue(changes).catch((e) => console.error('Regulars: sync could not note a change', e)));
      setStatus({ state: 'starting' });
      void refreshWaiting();
      loop = run();
    },
    /** Stops the loop; local changes are still noted and go out on the next start. */
    async stop(): Promise<void> {
      running = false;
      wake();
      await loop;
    },
    /** Stops listening too (disconnect). */
    async close(): Promise<void> {
      running = false;
      wake();
      await loop;
      unsubscribe?.();
      unsubscribe = undefined;
      setStatus({ state: 'off' });
    },
    /** Resolves when nothing waits and a catch-up ended (tests, bench). */
    async settled(timeoutMs = 10_000): Promise<void> {
      const until = Date.now() + timeoutMs;
      while (Date.now() < until) {
        if (status.state === 'synced' && (await state.outbox.count()) === 0 && !status.progress) return;
        await new Promise((r) => setTimeout(r, 25));
      }
      throw new Error(`sync did not settle: ${JSON.stringify(status)}`);
    },
    wake,
  };
}

export type SyncEngine = ReturnType<typeof createSyncEngine>;
