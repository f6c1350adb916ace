// Local -> server: which documents a committed row becomes, compared with what was last synced
// (nothing when it is unchanged; a deletion when the row is gone).
import { docId, isSharedTable, SHARED_SETTINGS, SHARED_TABLES, type IdentityDoc, type MemberDoc, type SharedSetting, type SharedTable, type TagDoc } from '../../domain/sync/documents';
import {
  contactDocFromRow,
  identityDocFromRow,
  memberDocFromRow,
  memberDocMerged,
  noteDocFromRow,
  orderDocFromRow,
  reminderDocFromRow,
  segmentDocFromRow,
  settingDocFromRow,
  siteRuleDocFromRow,
  tagDocsFromRow,
} from '../../domain/sync/row-to-doc';
import { newId } from '../../store/database';
import { putBackIdentity } from './kept-deletions';
import { orderHash, rowKeyOf, type SyncContext } from './sync-rows';
import { JOURNEYS_KEY } from '../../domain/journey-settings';
import type { CommittedChange } from './committed-changes';
import { shadowIdsWithPrefix, shadowOf, shadowsWithPrefix } from './shadows';
import { outboxKey, type OutboxRow } from './state';

/** Every key of a table here and every one synced before (a deleted row is a deletion to send). */
export async function allKeys(ctx: Pick<SyncContext, 'db' | 'state'>, table: SharedTable): Promise<string[]> {
  const { db, state } = ctx;
  const local = (await db.table(table).toCollection().primaryKeys()) as string[];
  const prefix = `${SHARED_TABLES[table]}:`;
  const synced = (await shadowIdsWithPrefix(state, prefix)).map(rowKeyOf);
  return [...new Set([...local, ...synced])];
}

/** The outbox rows of committed changes (`mark`: which noting this is; `atJoin`: held when this computer joined, state.ts). */
export async function outboxRows(ctx: Pick<SyncContext, 'db' | 'state'>, changes: readonly CommittedChange[], mark: number, atJoin?: true): Promise<OutboxRow[]> {
  const rows: OutboxRow[] = [];
  for (const c of changes) {
    if (!isSharedTable(c.table)) continue;
    const keys = c.keys ?? (await allKeys(ctx, c.table));
    const noted = (k: string) => ({ key: outboxKey(c.table, k), table: c.table, rowKey: k, mark, ...(atJoin && c.table === 'settings' ? { atJoin } : {}) });
    for (const k of keys) if (c.table !== 'settings' || (SHARED_SETTINGS as readonly string[]).includes(k) || k === JOURNEYS_KEY) rows.push(noted(k));
  }
  return rows;
}

export async function docsForEntry(ctx: SyncContext, table: SharedTable, key: string): Promise<object[]> {
  const { db, state, me, now } = ctx;
  const t = now();
  const id = docId[SHARED_TABLES[table]](key);
  const prev = await shadowOf(state, id);
  // A shadow with no revision is a placeholder never sent (team-member.ts): the base of the first version, not one on the server.
  const rev = prev?.rev ? { _rev: prev.rev } : {};
  const deleted = () => (prev?.rev && !prev.doc?._deleted ? [{ _id: id, _rev: prev.rev, _deleted: true }] : []);
  switch (table) {
    case 'members': {
      const row = await db.members.get(key);
      const prevDoc = prev?.doc as MemberDoc | undefined;
      if (!row) {
        if (!prevDoc || prevDoc.mergedInto || !prev?.rev) return [];
        // Gone from here: merged, if its identities now belong to another member.
        const ids = (await shadowsWithPrefix(state, ['identity:'])).filter((s) => (s.doc as IdentityDoc | undefined)?.row.memberId === key);
        const now = await db.identities.bulkGet(ids.map((s) => rowKeyOf(s.id)));
        const survivor = now.find((i) => i && i.memberId !== key)?.memberId;
        return survivor ? [{ ...memberDocMerged(prevDoc, survivor, me, t), ...rev }] : deleted();
      }
      const out: object[] = [];
      const doc = memberDocFromRow(row, prevDoc, me);
      if (doc !== prevDoc || !prev?.rev) out.push({ ...doc, ...rev });
      const tagShadows = await shadowsWithPrefix(state, [`tag:${key}:`]);
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
      // An identity of a buyer an agent wrote on is not deleted with the import that brought it (kept-deletions.ts).
      const copy = table === 'identities' && prev?.rev && !prev.doc?._deleted ? (prev.doc as IdentityDoc | undefined)?.row : undefined;
      if (!row && copy && (await putBackIdentity(db, copy))) return [];
      if (!row) return table === 'contacts' ? [] : deleted();
      // A deletion of ours kept until it comes back (push.ts): the row is sent again on top of it.
      const p = (prev?.doc?._deleted ? undefined : prev?.doc) as never;
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
