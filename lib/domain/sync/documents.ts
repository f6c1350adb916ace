// The team database's documents, and how a local row becomes one and back. Pure: no Dexie, no
// network. Documents are cut so that concurrent edits mostly land in different documents (one per
// tag of a member, one per note, contact, reminder, order, identity, setting), and each document
// carries the stamps (who, when) its conflict rule (conflicts.ts) needs.
import { z } from 'zod';
import {
  contactRowSchema,
  epochMs,
  identityRowSchema,
  noteRowSchema,
  orderRowSchema,
  profileSchema,
  reminderRowSchema,
  segmentRowSchema,
  siteRuleRowSchema,
  type ContactRow,
  type IdentityRow,
  type MemberRow,
  type NoteRow,
  type OrderRow,
  type Profile,
  type ReminderRow,
  type SegmentRow,
  type SiteRuleRow,
} from '../rows';

/** Who did something and when; ties on time are broken by name so every machine picks the same. */
export const stampSchema = z.object({ at: epochMs, by: z.string().max(200) });
export type Stamp = z.infer<typeof stampSchema>;

/** > 0 when `a` is the later action. Deterministic: time, then name. */
export function compareStamps(a: Stamp, b: Stamp): number {
  return a.at - b.at || (a.by < b.by ? -1 : a.by > b.by ? 1 : 0);
}

const couchFields = { _id: z.string().min(1), _rev: z.string().optional(), _deleted: z.boolean().optional() };

/** A value with the stamp of the edit that set it. */
const field = <T extends z.ZodType>(value: T) => z.object({ v: value, at: epochMs, by: z.string().max(200) });
export type Field<T> = { v: T } & Stamp;

export const PROFILE_FIELDS = Object.keys(profileSchema.shape) as (keyof Profile)[];
const MAX_HISTORY = 50;

export const historyEntrySchema = z.object({ field: z.string().max(40), v: z.unknown(), at: epochMs, by: z.string().max(200) });
export type HistoryEntry = z.infer<typeof historyEntrySchema>;

export const memberDocSchema = z.object({
  ...couchFields,
  type: z.literal('member'),
  memberId: z.string().min(1),
  createdAt: epochMs,
  name: field(z.string().max(200)),
  /** Per field; `null` is a cleared field (the clearing is an edit that can win). */
  profile: z.partialRecord(z.enum(PROFILE_FIELDS as [keyof Profile, ...(keyof Profile)[]]), field(z.string().max(1000).nullable())),
  dnc: field(z.boolean()),
  /** Values that lost to a later edit, oldest first: nothing an agent typed disappears. */
  history: z.array(historyEntrySchema).max(MAX_HISTORY),
  /** Set by a merge: this member is now `id`. */
  mergedInto: z.object({ id: z.string().min(1), at: epochMs, by: z.string().max(200) }).optional(),
});
export type MemberDoc = z.infer<typeof memberDocSchema>;

/** One tag of one member, as an observed-remove set: each add has its own id, a removal lists the adds it saw. */
export const tagDocSchema = z.object({
  ...couchFields,
  type: z.literal('tag'),
  memberId: z.string().min(1),
  tag: z.string().min(1).max(60),
  adds: z.record(z.string().min(1).max(80), stampSchema),
  removed: z.array(z.string().min(1).max(80)),
});
export type TagDoc = z.infer<typeof tagDocSchema>;

export const identityDocSchema = z.object({ ...couchFields, type: z.literal('identity'), row: identityRowSchema, linked: stampSchema });
export type IdentityDoc = z.infer<typeof identityDocSchema>;

/** The member an order belongs to moves with separations: its own stamp. */
export const orderDocSchema = z.object({ ...couchFields, type: z.literal('order'), row: orderRowSchema, member: stampSchema });
export type OrderDoc = z.infer<typeof orderDocSchema>;

/** `owner` is the team user who wrote it; the server's validate_doc_update lets only them change it. */
export const noteDocSchema = z.object({ ...couchFields, type: z.literal('note'), row: noteRowSchema, owner: z.string().max(200) });
export type NoteDoc = z.infer<typeof noteDocSchema>;

export const contactDocSchema = z.object({ ...couchFields, type: z.literal('contact'), row: contactRowSchema, by: z.string().max(200) });
export type ContactDoc = z.infer<typeof contactDocSchema>;

export const reminderDocSchema = z.object({ ...couchFields, type: z.literal('reminder'), row: reminderRowSchema, state: stampSchema, assigned: stampSchema });
export type ReminderDoc = z.infer<typeof reminderDocSchema>;

export const segmentDocSchema = z.object({ ...couchFields, type: z.literal('segment'), row: segmentRowSchema, edited: stampSchema });
export type SegmentDoc = z.infer<typeof segmentDocSchema>;

export const siteRuleDocSchema = z.object({ ...couchFields, type: z.literal('siteRule'), row: siteRuleRowSchema, edited: stampSchema });
export type SiteRuleDoc = z.infer<typeof siteRuleDocSchema>;

/** The shop's settings the team shares. Author name, language, folded panel, marketplaces stay per person. */
export const SHARED_SETTINGS = ['shopCurrency', 'timeZone', 'lapseDays', 'tierLadder', 'journeys'] as const;
export type SharedSetting = (typeof SHARED_SETTINGS)[number];
export const settingDocSchema = z.object({ ...couchFields, type: z.literal('setting'), key: z.enum(SHARED_SETTINGS), value: z.unknown(), edited: stampSchema });
export type SettingDoc = z.infer<typeof settingDocSchema>;

export const syncDocSchema = z.discriminatedUnion('type', [
  memberDocSchema,
  tagDocSchema,
  identityDocSchema,
  orderDocSchema,
  noteDocSchema,
  contactDocSchema,
  reminderDocSchema,
  segmentDocSchema,
  siteRuleDocSchema,
  settingDocSchema,
]);
export type SyncDoc = z.infer<typeof syncDocSchema>;
export type DocType = SyncDoc['type'];

/** The local tables that are shared, and the document type each row becomes. Derived tables are absent. */
export const SHARED_TABLES = {
  members: 'member',
  identities: 'identity',
  orders: 'order',
  notes: 'note',
  contacts: 'contact',
  reminders: 'reminder',
  segments: 'segment',
  siteRules: 'siteRule',
  settings: 'setting',
} as const satisfies Record<string, DocType>;
export type SharedTable = keyof typeof SHARED_TABLES;
export const isSharedTable = (table: string): table is SharedTable => Object.hasOwn(SHARED_TABLES, table);

// ---------------------------------------------------------------------------------------------
// Ids. Tags are case-insensitive (the store compares them lower-cased), so one doc per lower-case tag.

export const docId = {
  member: (memberId: string) => `member:${memberId}`,
  tag: (memberId: string, tag: string) => `tag:${memberId}:${tag.toLowerCase()}`,
  identity: (id: string) => `identity:${id}`,
  order: (id: string) => `order:${id}`,
  note: (id: string) => `note:${id}`,
  contact: (id: string) => `contact:${id}`,
  reminder: (id: string) => `reminder:${id}`,
  segment: (id: string) => `segment:${id}`,
  siteRule: (id: string) => `siteRule:${id}`,
  setting: (key: string) => `setting:${key}`,
};

/** The document id a local row (table + primary key) is kept under. */
export function docIdForRow(table: SharedTable, key: string): string {
  return docId[SHARED_TABLES[table]](key);
}

// ---------------------------------------------------------------------------------------------
// Row -> document. Each takes the document as last synced (`prev`) so an unchanged field keeps
// its stamp and a changed one gets `me` and the row's time. Returns `prev` itself when nothing
// shared changed: the caller sends nothing.

/** JSON with object keys sorted: the same content compares equal whatever order its keys were set in. */
export function stableJson(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v));
}

const same = (a: unknown, b: unknown) => stableJson(a) === stableJson(b);

function stamped<T>(prev: Field<T> | undefined, v: T, me: string, at: number, history: HistoryEntry[], name: string): Field<T> {
  if (prev && same(prev.v, v)) return prev;
  if (prev) history.push({ field: name, v: prev.v, at: prev.at, by: prev.by });
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

/** The member row gone from this machine: merged into `survivor` (when its identities moved there). */
export function memberDocMerged(prev: MemberDoc, survivor: string, me: string, now: number): MemberDoc {
  return { ...prev, mergedInto: { id: survivor, at: now, by: me } };
}

/** Tags present in a tag document: some add the removals have not seen. */
export function tagIsLive(doc: TagDoc): boolean {
  const removed = new Set(doc.removed);
  return Object.keys(doc.adds).some((id) => !removed.has(id));
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

/** Who added each live tag (the latest live add), for the panel. */
export function tagAuthors(docs: readonly TagDoc[]): Record<string, Stamp> {
  const out: Record<string, Stamp> = {};
  for (const doc of docs) {
    const removed = new Set(doc.removed);
    const live = Object.entries(doc.adds).filter(([id]) => !removed.has(id)).map(([, s]) => s);
    const first = live.sort(compareStamps)[0];
    if (first) out[doc.tag] = first;
  }
  return out;
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

// ---------------------------------------------------------------------------------------------
// Document -> row

/** The shared part of a member row from its documents; derived figures stay as computed here. */
export function memberRowFromDocs(doc: MemberDoc, tags: readonly TagDoc[], local: MemberRow | undefined, empty: (id: string, name: string) => MemberRow): MemberRow {
  const base = local ?? empty(doc.memberId, doc.name.v);
  const profile: Profile = {};
  for (const key of PROFILE_FIELDS) {
    const v = doc.profile[key]?.v;
    if (v) (profile as Record<string, string>)[key] = v;
  }
  const live = tags.filter(tagIsLive).map((t) => t.tag);
  const updatedAt = Math.max(base.updatedAt, doc.name.at, doc.dnc.at, ...Object.values(doc.profile).map((f) => f?.at ?? 0));
  return { ...base, displayName: doc.name.v, profile, doNotContact: doc.dnc.v, tags: live.sort((a, b) => a.localeCompare(b)), createdAt: doc.createdAt, updatedAt };
}

/**
 * Where a member ended after merges: follows `mergedInto` links. Two machines merging A into B and
 * B into A make a cycle: the smallest id in it survives, on every machine.
 */
export function survivorOf(memberId: string, mergedInto: (id: string) => string | undefined): string {
  const path: string[] = [];
  let at: string | undefined = memberId;
  while (at !== undefined && !path.includes(at)) {
    path.push(at);
    at = mergedInto(at);
  }
  if (at === undefined) return path[path.length - 1]!;
  const cycle = path.slice(path.indexOf(at));
  return [...cycle].sort()[0]!;
}
