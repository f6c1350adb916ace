// How two versions of one document end when two machines changed it apart (a CouchDB conflict, or a
// 409 on our own write). Every rule is commutative and deterministic: whichever machine resolves,
// in whatever order, the result is the same.
import type { OrderStatus } from '../types';
import {
  compareStamps,
  isPlaceholder,
  PROFILE_FIELDS,
  type ContactDoc,
  type Field,
  type HistoryEntry,
  type IdentityDoc,
  type MemberDoc,
  type NoteDoc,
  type OrderDoc,
  type ReminderDoc,
  type SegmentDoc,
  type SettingDoc,
  type SiteRuleDoc,
  type Stamp,
  type SyncDoc,
  type TagDoc,
} from './documents';

const json = (v: unknown) => JSON.stringify(v);

/** The later of two stamped things; on an exact tie, the one whose content sorts first. */
function later<T extends object>(a: T, b: T, stamp: (x: T) => Stamp): T {
  const c = compareStamps(stamp(a), stamp(b));
  if (c !== 0) return c > 0 ? a : b;
  return json(a) <= json(b) ? a : b;
}

function mergeField<T>(name: string, a: Field<T>, b: Field<T>, history: HistoryEntry[]): Field<T> {
  const win = later(a, b, (f) => f);
  const lose = win === a ? b : a;
  if (json(lose.v) !== json(win.v) && !isPlaceholder(lose)) history.push({ field: name, v: lose.v, at: lose.at, by: lose.by });
  return win;
}

function mergeHistory(entries: HistoryEntry[]): HistoryEntry[] {
  const seen = new Map(entries.map((e) => [json([e.field, e.v, e.at, e.by]), e]));
  return [...seen.entries()].sort(([ka, a], [kb, b]) => a.at - b.at || (ka < kb ? -1 : 1)).map(([, e]) => e).slice(-50);
}

/** Profile per field and do-not-contact: the later edit wins, the other value goes to history. */
export function mergeMemberDocs(a: MemberDoc, b: MemberDoc): MemberDoc {
  const history = [...a.history, ...b.history];
  const profile: MemberDoc['profile'] = {};
  for (const key of PROFILE_FIELDS) {
    const x = a.profile[key];
    const y = b.profile[key];
    const f = x && y ? mergeField(`profile.${key}`, x, y, history) : (x ?? y);
    if (f) profile[key] = f;
  }
  const merged: MemberDoc = {
    _id: a._id,
    type: 'member',
    memberId: a.memberId,
    createdAt: Math.min(a.createdAt, b.createdAt),
    name: mergeField('name', a.name, b.name, history),
    profile,
    dnc: mergeField('dnc', a.dnc, b.dnc, history),
    history: [],
  };
  merged.history = mergeHistory(history);
  const into = a.mergedInto && b.mergedInto ? later(a.mergedInto, b.mergedInto, (m) => m) : (a.mergedInto ?? b.mergedInto);
  if (into) merged.mergedInto = into;
  return merged;
}

/** Tags: the union of adds and of removals. An add no removal saw stays. */
export function mergeTagDocs(a: TagDoc, b: TagDoc): TagDoc {
  const adds = { ...a.adds };
  for (const [id, s] of Object.entries(b.adds)) adds[id] = adds[id] ? later(adds[id], s, (x) => x) : s;
  const removed = [...new Set([...a.removed, ...b.removed])].sort();
  // The spelling shown is the one of the latest add.
  const newest = Object.entries(adds).sort(([ia, x], [ib, y]) => compareStamps(y, x) || (ia < ib ? -1 : 1))[0];
  const onlyIn = (d: TagDoc, other: TagDoc) => newest !== undefined && d.adds[newest[0]] !== undefined && other.adds[newest[0]] === undefined;
  const tag = onlyIn(b, a) ? b.tag : onlyIn(a, b) ? a.tag : a.tag <= b.tag ? a.tag : b.tag;
  return { _id: a._id, type: 'tag', memberId: a.memberId, tag, adds, removed };
}

/** An identity belongs to the member of its latest link (merge, separation, manual link). */
export function mergeIdentityDocs(a: IdentityDoc, b: IdentityDoc): IdentityDoc {
  return strip(later(a, b, (d) => d.linked));
}

export const ORDER_STATUS_RANK: Record<OrderStatus, number> = { unpaid: 0, paid: 1, shipped: 2, delivered: 3, cancelled: 4, refunded: 4 };

/**
 * Orders: status only moves forward; the newer export's amounts and items win; a time one side
 * knows (paid, shipped, delivered) is kept; the member follows the latest move.
 */
export function mergeOrderDocs(a: OrderDoc, b: OrderDoc): OrderDoc {
  const newer = a.row.updatedAt !== b.row.updatedAt ? (a.row.updatedAt > b.row.updatedAt ? a : b) : json(a.row) <= json(b.row) ? a : b;
  const older = newer === a ? b : a;
  const ra = ORDER_STATUS_RANK[a.row.status];
  const rb = ORDER_STATUS_RANK[b.row.status];
  const status = ra !== rb ? (ra > rb ? a.row.status : b.row.status) : newer.row.status;
  const owner = later(a, b, (d) => d.member);
  const row = {
    ...newer.row,
    status,
    paidAt: newer.row.paidAt ?? older.row.paidAt,
    shippedAt: newer.row.shippedAt ?? older.row.shippedAt,
    deliveredAt: newer.row.deliveredAt ?? older.row.deliveredAt,
    memberId: owner.row.memberId,
  };
  for (const k of ['paidAt', 'shippedAt', 'deliveredAt'] as const) if (row[k] === undefined) delete row[k];
  return { _id: a._id, type: 'order', row, member: owner.member };
}

/** Only the author edits a note: two versions are the author's two machines; the later edit wins. */
export function mergeNoteDocs(a: NoteDoc, b: NoteDoc): NoteDoc {
  return strip(later(a, b, (d) => ({ at: d.row.updatedAt, by: d.owner })));
}

/** Append-only: both versions are the same contact. */
export function mergeContactDocs(a: ContactDoc, b: ContactDoc): ContactDoc {
  return strip(later(a, b, (d) => ({ at: d.row.at, by: d.by })));
}

const FINISHED = new Set(['done', 'dismissed']);

/**
 * Reminders: the later action wins, except that a snooze (or an open state) never undoes a Done or
 * a dismissal. The assignee is its own later-wins choice.
 */
export function mergeReminderDocs(a: ReminderDoc, b: ReminderDoc): ReminderDoc {
  const fa = FINISHED.has(a.row.state);
  const fb = FINISHED.has(b.row.state);
  const stateWin = fa !== fb ? (fa ? a : b) : later(a, b, (d) => d.state);
  const assignWin = later(a, b, (d) => d.assigned);
  const row = { ...stateWin.row, assignee: assignWin.row.assignee };
  if (row.assignee === undefined) delete row.assignee;
  return { _id: a._id, type: 'reminder', row, state: stateWin.state, assigned: assignWin.assigned };
}

export function mergeSegmentDocs(a: SegmentDoc, b: SegmentDoc): SegmentDoc {
  return strip(later(a, b, (d) => d.edited));
}
export function mergeSiteRuleDocs(a: SiteRuleDoc, b: SiteRuleDoc): SiteRuleDoc {
  return strip(later(a, b, (d) => d.edited));
}
export function mergeSettingDocs(a: SettingDoc, b: SettingDoc): SettingDoc {
  return strip(later(a, b, (d) => d.edited));
}

function strip<D extends { _rev?: string | undefined; _deleted?: boolean | undefined }>(doc: D): D {
  const { _rev, _deleted, ...rest } = doc;
  void _rev;
  void _deleted;
  return rest as D;
}

/** One version from two of the same document (same id and type); without `_rev`. */
export function mergeDocs(a: SyncDoc, b: SyncDoc): SyncDoc {
  if (a.type !== b.type) return strip(json(a) <= json(b) ? a : b);
  switch (a.type) {
    case 'member':
      return mergeMemberDocs(a, b as MemberDoc);
    case 'tag':
      return mergeTagDocs(a, b as TagDoc);
    case 'identity':
      return mergeIdentityDocs(a, b as IdentityDoc);
    case 'order':
      return mergeOrderDocs(a, b as OrderDoc);
    case 'note':
      return mergeNoteDocs(a, b as NoteDoc);
    case 'contact':
      return mergeContactDocs(a, b as ContactDoc);
    case 'reminder':
      return mergeReminderDocs(a, b as ReminderDoc);
    case 'segment':
      return mergeSegmentDocs(a, b as SegmentDoc);
    case 'siteRule':
      return mergeSiteRuleDocs(a, b as SiteRuleDoc);
    case 'setting':
      return mergeSettingDocs(a, b as SettingDoc);
  }
}

/** All versions of a document (the winner and its `_conflicts`) folded into one, in a fixed order. */
export function mergeAll(versions: readonly SyncDoc[]): SyncDoc {
  const sorted = [...versions].sort((x, y) => (json(strip(x)) < json(strip(y)) ? -1 : 1));
  return sorted.slice(1).reduce<SyncDoc>((acc, d) => mergeDocs(acc, d), strip(sorted[0]!));
}
