// Row -> document. Each takes the document as last synced (`prev`) so an unchanged field keeps
// its stamp and a changed one gets `me` and the row's time. Returns `prev` itself when nothing
// shared changed: the caller sends nothing. Pure: no Dexie, no network.
import type { ContactRow, IdentityRow, MemberRow, NoteRow, OrderRow, ReminderRow, SegmentRow, SiteRuleRow } from '../rows';
import {
  docId,
  isPlaceholder,
  MAX_HISTORY,
  PLACEHOLDER_AT,
  PROFILE_FIELDS,
  stableJson,
  tagIsLive,
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
  type SharedSetting,
  type SiteRuleDoc,
  type Stamp,
  type TagDoc,
} from './documents';

const same = (a: unknown, b: unknown) => stableJson(a) === stableJson(b);

function stamped<T>(prev: Field<T> | undefined, v: T, me: string, at: number, history: HistoryEntry[], name: string): Field<T> {
  if (prev && same(prev.v, v)) return prev;
  if (prev && !isPlaceholder(prev)) history.push({ field: name, v: prev.v, at: prev.at, by: prev.by });
  return { v, at: Math.max(at, prev ? prev.at + 1 : 0), by: me };
}

export function memberDocFromRow(row: MemberRow, prev: MemberDoc | undefined, me: string): MemberDoc {
  const at = row.updatedAt;
  const history = [...(prev?.history ?? [])];
  const profile: MemberDoc['profile'] = { ...prev?.profile };
  for (const key of PROFILE_FIELDS) {
    const v = row.profile[key] ?? null;
    const before = prev?.profile[key];
    if (!before && v === null) continue;
    profile[key] = stamped(before, v, me, at, history, `profile.${key}`);
  }
  const doc: MemberDoc = {
    _id: docId.member(row.id),
    type: 'member',
    memberId: row.id,
    createdAt: prev?.createdAt ?? row.createdAt,
    name: stamped(prev?.name, row.displayName, me, at, history, 'name'),
    profile,
    dnc: stamped(prev?.dnc, row.doNotContact, me, at, history, 'dnc'),
    history: history.slice(-MAX_HISTORY),
    ...(prev?.mergedInto ? { mergedInto: prev.mergedInto } : {}),
  };
  if (prev?._rev) doc._rev = prev._rev;
  return prev && same(withoutRev(prev), withoutRev(doc)) ? prev : doc;
}

/**
 * The document of a member row this machine filled in from what it had (the team's identities and
 * orders, before the member's own document came): its name and do-not-contact are placeholders that
 * any edit, here or elsewhere, overrides. Kept as the row's last synced version until it is sent.
 */
export function memberDocPlaceholder(row: Pick<MemberRow, 'id' | 'displayName' | 'createdAt' | 'doNotContact'>, me: string): MemberDoc {
  const at = PLACEHOLDER_AT;
  return { _id: docId.member(row.id), type: 'member', memberId: row.id, createdAt: row.createdAt, name: { v: row.displayName, at, by: me }, profile: {}, dnc: { v: row.doNotContact, at, by: me }, history: [] };
}

/** The member row gone from this machine: merged into `survivor` (when its identities moved there). */
export function memberDocMerged(prev: MemberDoc, survivor: string, me: string, now: number): MemberDoc {
  return { ...prev, mergedInto: { id: survivor, at: now, by: me } };
}

/**
 * The tag documents that change when a member's tags are now `tags`, given the member's tag
 * documents as last synced. A new tag gets a fresh add (`newAddId`); a removed tag lists the adds
 * this machine saw, so an add made elsewhere meanwhile survives.
 */
export function tagDocsFromRow(memberId: string, tags: readonly string[], prev: readonly TagDoc[], me: string, at: number, newAddId: () => string): TagDoc[] {
  const byKey = new Map(prev.map((d) => [d.tag.toLowerCase(), d]));
  const wanted = new Map(tags.map((t) => [t.toLowerCase(), t]));
  const changed: TagDoc[] = [];
  for (const [key, tag] of wanted) {
    const doc = byKey.get(key);
    if (doc && tagIsLive(doc)) continue;
    const base: TagDoc = doc ?? { _id: docId.tag(memberId, tag), type: 'tag', memberId, tag, adds: {}, removed: [] };
    changed.push({ ...base, tag, adds: { ...base.adds, [newAddId()]: { at, by: me } } });
  }
  for (const [key, doc] of byKey) {
    if (wanted.has(key) || !tagIsLive(doc)) continue;
    const seen = new Set(doc.removed);
    changed.push({ ...doc, removed: [...doc.removed, ...Object.keys(doc.adds).filter((id) => !seen.has(id))].sort() });
  }
  return changed;
}

export function identityDocFromRow(row: IdentityRow, prev: IdentityDoc | undefined, me: string, now: number): IdentityDoc {
  if (prev && same(prev.row, row)) return prev;
  const linked = prev && prev.row.memberId === row.memberId ? prev.linked : { at: Math.max(now, prev ? prev.linked.at + 1 : 0), by: me };
  return withRev<IdentityDoc>({ _id: docId.identity(row.id), type: 'identity', row, linked }, prev?._rev);
}

/** Orders: only what decides the member's stamp is kept of the last synced version (never a second copy of 300k orders). */
export interface OrderShadow {
  memberId: string;
  member: Stamp;
}
export function orderDocFromRow(row: OrderRow, prev: OrderShadow | undefined, me: string, now: number, rev?: string): OrderDoc {
  const member = prev && prev.memberId === row.memberId ? prev.member : { at: Math.max(now, prev ? prev.member.at + 1 : 0), by: me };
  const doc: OrderDoc = { _id: docId.order(row.id), type: 'order', row, member };
  if (rev) doc._rev = rev;
  return doc;
}

/**
 * A note's member is not rewritten by a merge (only its author may change a note): the member it
 * was written on stays in the document and each machine follows the merge (survivorOf).
 */
export function noteDocFromRow(row: NoteRow, prev: NoteDoc | undefined, me: string): NoteDoc {
  if (prev) {
    const next = { ...prev.row, text: row.text, updatedAt: row.updatedAt };
    return same(next, prev.row) ? prev : { ...prev, row: next };
  }
  return { _id: docId.note(row.id), type: 'note', row, owner: me };
}

/** Append-only: once sent, a contact never changes. */
export function contactDocFromRow(row: ContactRow, prev: ContactDoc | undefined, me: string): ContactDoc {
  return prev ?? { _id: docId.contact(row.id), type: 'contact', row, by: me };
}

export function reminderDocFromRow(row: ReminderRow, prev: ReminderDoc | undefined, me: string): ReminderDoc {
  // Followed through merges like notes: the member it was made for stays.
  const next = prev ? { ...row, memberId: prev.row.memberId } : row;
  if (prev && same(prev.row, next)) return prev;
  const stateChanged = !prev || prev.row.state !== row.state || prev.row.dueAt !== row.dueAt || prev.row.outcome !== row.outcome;
  const state = stateChanged ? { at: Math.max(row.updatedAt, prev ? prev.state.at + 1 : 0), by: me } : prev.state;
  const assigned = !prev || prev.row.assignee !== row.assignee ? { at: Math.max(row.updatedAt, prev ? prev.assigned.at + 1 : 0), by: me } : prev.assigned;
  return withRev<ReminderDoc>({ _id: docId.reminder(row.id), type: 'reminder', row: next, state, assigned }, prev?._rev);
}

export function segmentDocFromRow(row: SegmentRow, prev: SegmentDoc | undefined, me: string): SegmentDoc {
  if (prev && same(prev.row, row)) return prev;
  return withRev<SegmentDoc>({ _id: docId.segment(row.id), type: 'segment', row, edited: { at: Math.max(row.updatedAt, prev ? prev.edited.at + 1 : 0), by: me } }, prev?._rev);
}

export function siteRuleDocFromRow(row: SiteRuleRow, prev: SiteRuleDoc | undefined, me: string, now: number): SiteRuleDoc {
  if (prev && same(prev.row, row)) return prev;
  return withRev<SiteRuleDoc>({ _id: docId.siteRule(row.id), type: 'siteRule', row, edited: { at: Math.max(now, prev ? prev.edited.at + 1 : 0), by: me } }, prev?._rev);
}

export function settingDocFromRow(key: SharedSetting, value: unknown, prev: SettingDoc | undefined, me: string, now: number): SettingDoc {
  if (prev && same(prev.value, value)) return prev;
  return withRev<SettingDoc>({ _id: docId.setting(key), type: 'setting', key, value, edited: { at: Math.max(now, prev ? prev.edited.at + 1 : 0), by: me } }, prev?._rev);
}

function withRev<D extends { _rev?: string | undefined }>(doc: D, rev: string | undefined): D {
  return rev ? { ...doc, _rev: rev } : doc;
}

export function withoutRev<D extends { _rev?: string | undefined }>(doc: D): Omit<D, '_rev'> {
  const { _rev, ...rest } = doc;
  void _rev;
  return rest;
}
