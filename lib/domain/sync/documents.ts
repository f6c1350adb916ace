// The team database's documents and how they read back into rows (how a local row becomes one is
// row-to-doc.ts). Pure: no Dexie, no network. Documents are cut so that concurrent edits mostly
// land in different documents (one per tag of a member, one per note, contact, reminder, order,
// identity, setting), and each carries the stamps (who, when) its conflict rule (conflicts.ts) needs.
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
  type MemberWrite,
  type Profile,
} from '../rows';

/** Who did something and when; ties on time are broken by name so every machine picks the same. */
export const stampSchema = z.object({ at: epochMs, by: z.string().max(200) });
export type Stamp = z.infer<typeof stampSchema>;

/** > 0 when `a` is the later action. Deterministic: time, then name. */
export function compareStamps(a: Stamp, b: Stamp): number {
  return a.at - b.at || (a.by < b.by ? -1 : a.by > b.by ? 1 : 0);
}

const couchFields = { _id: z.string().min(1), _rev: z.string().optional(), _deleted: z.boolean().optional() };

/**
 * The stamp of a value nobody set: one a machine filled in from what it had (a member whose row an
 * import elsewhere has not sent yet, named from its handle). Older than any edit, it loses to every
 * one and is never kept in a member's history; and it never replaces a value a machine holds.
 */
export const PLACEHOLDER_AT = 0;
export const isPlaceholder = (f: Stamp | undefined) => f?.at === PLACEHOLDER_AT;

/** A value with the stamp of the edit that set it. */
const field = <T extends z.ZodType>(value: T) => z.object({ v: value, at: epochMs, by: z.string().max(200) });
export type Field<T> = { v: T } & Stamp;

export const PROFILE_FIELDS = Object.keys(profileSchema.shape) as (keyof Profile)[];
export const MAX_HISTORY = 50;

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
// Document -> row

// JSON with object keys sorted: the same content compares equal whatever order its keys were set in.
export { stableJson } from './stable-json';

/** Tags present in a tag document: some add the removals have not seen. */
export function tagIsLive(doc: TagDoc): boolean {
  const removed = new Set(doc.removed);
  return Object.keys(doc.adds).some((id) => !removed.has(id));
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

/** The team users a document names as having written part of it: the roster of who works on the shop. */
export function writersOf(doc: SyncDoc): string[] {
  switch (doc.type) {
    case 'member':
      return [doc.name.by, doc.dnc.by, ...Object.values(doc.profile).map((f) => f?.by ?? '')];
    case 'tag':
      return Object.values(doc.adds).map((s) => s.by);
    case 'identity':
      return [doc.linked.by];
    case 'order':
      return [doc.member.by];
    case 'note':
      return [doc.owner];
    case 'contact':
      return [doc.by];
    case 'reminder':
      return [doc.state.by, doc.assigned.by];
    default:
      return [doc.edited.by];
  }
}

/** The shared part of a member row from its documents; derived figures stay as computed here. */
export function memberRowFromDocs(
  doc: MemberDoc,
  tags: readonly TagDoc[],
  local: MemberWrite | undefined,
  empty: (id: string, name: string) => MemberWrite,
): MemberWrite {
  const base = local ?? empty(doc.memberId, doc.name.v);
  const profile: Profile = {};
  for (const key of PROFILE_FIELDS) {
    const v = doc.profile[key]?.v;
    if (v) (profile as Record<string, string>)[key] = v;
  }
  const live = tags.filter(tagIsLive).map((t) => t.tag);
  const updatedAt = Math.max(base.updatedAt, doc.name.at, doc.dnc.at, ...Object.values(doc.profile).map((f) => f?.at ?? 0));
  return {
    ...base,
    displayName: isPlaceholder(doc.name) && local ? local.displayName : doc.name.v,
    profile,
    doNotContact: isPlaceholder(doc.dnc) && local ? local.doNotContact : doc.dnc.v,
    tags: live.sort((a, b) => a.localeCompare(b)),
    createdAt: doc.createdAt,
    updatedAt,
  };
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
