// Member operations the panel and member view need beyond import: create, link, search, profile,
// notes, the full order list.
import Dexie from 'dexie';
import { identityId, normaliseEmail, normaliseHandle, normalisePhone } from '../../import/identity';
import { newId, type RegularsDb, type TagRow } from '../../store/database';
import { adjustmentProblem, pointsOf } from '../../domain/points';
import { ANY_PLATFORM, IDENTITY_KINDS, PLATFORMS, profileSchema, type MemberRow, type MemberWrite, type NoteRow, type OrderRow, type Platform, type PointsRow, type Profile } from '../../domain/rows';
import { type Settings } from '../../domain/settings';
import { readSettings } from '../../store/settings';
import { StoreError } from '../../store/store-error';
import { because } from '../../domain/reason';

const ofMember = (memberId: string) => [[memberId, Dexie.minKey], [memberId, Dexie.maxKey]] as const;

async function requireMember(db: RegularsDb, memberId: string): Promise<MemberRow> {
  const member = await db.members.get(memberId);
  if (!member) throw new StoreError('not_found', `No member with id ${memberId}`);
  return member;
}

/** A member with no orders yet (their tier is derived as the row is read: store/member-tiers.ts). */
export function emptyMember(id: string, displayName: string, settings: Pick<Settings, 'shopCurrency'>, now: number): MemberWrite {
  return {
    id,
    displayName,
    tags: [],
    profile: {},
    doNotContact: false,
    createdAt: now,
    updatedAt: now,
    orderCount: 0,
    spendMinor: 0,
    currency: settings.shopCurrency,
    spendOrderCount: 0,
    averageOrderMinor: 0,
  };
}

/** A first-contact buyer becomes a member with one click: no orders yet, the handle as identity. */
export async function createMember(db: RegularsDb, input: { platform: Platform; handle: string; name?: string | undefined }, now: number): Promise<string> {
  const settings = await readSettings(db);
  const handle = normaliseHandle(input.handle);
  if (!handle) throw new StoreError('invalid', 'A handle cannot be empty', because('handleEmpty'));
  const key = identityId(input.platform, 'handle', handle);
  return db.transaction('rw', [db.members, db.identities], async () => {
    const existing = await db.identities.get(key);
    if (existing) throw new StoreError('conflict', `@${handle} already belongs to a member`, because('handleTaken', { handle }));
    const id = newId('m');
    await db.members.add(emptyMember(id, input.name?.trim() || input.handle.trim().replace(/^@+/, ''), settings, now));
    await db.identities.add({ id: key, platform: input.platform, kind: 'handle', value: handle, display: input.handle.trim().replace(/^@+/, ''), memberId: id, linkedBy: 'created', createdAt: now });
    return id;
  });
}

/** "This handle is that member": the agent links a new handle to someone already on file. */
export async function linkHandle(db: RegularsDb, memberId: string, platform: Platform, rawHandle: string, now: number): Promise<void> {
  const handle = normaliseHandle(rawHandle);
  if (!handle) throw new StoreError('invalid', 'A handle cannot be empty', because('handleEmpty'));
  const key = identityId(platform, 'handle', handle);
  await db.transaction('rw', [db.members, db.identities], async () => {
    await requireMember(db, memberId);
    const existing = await db.identities.get(key);
    if (existing?.memberId === memberId) return;
    if (existing) throw new StoreError('conflict', `@${handle} already belongs to another member; merge the two members instead`, because('handleTakenMerge', { handle }));
    await db.identities.add({ id: key, platform, kind: 'handle', value: handle, display: rawHandle.trim().replace(/^@+/, ''), memberId, linkedBy: 'manual', createdAt: now });
    await db.members.update(memberId, { updatedAt: now });
  });
}

export interface MemberHit {
  memberId: string;
  displayName: string;
  tierId: string;
  orderCount: number;
  spendMinor: number;
  currency: string;
  handles: string[];
  matched: string;
}

const ID_PLATFORMS: readonly (Platform | typeof ANY_PLATFORM)[] = [...PLATFORMS, ANY_PLATFORM];

/** Members whose name starts with the query, or whose handle, phone or e-mail does. */
export async function searchMembers(db: RegularsDb, rawQuery: string, limit = 10): Promise<MemberHit[]> {
  const query = rawQuery.trim();
  if (query.length < 2) return [];
  // Prefixes are partial: a phone prefix is its digits (with '+'), whatever the spacing.
  const phonePrefix = /^[+\d\s().-]+$/.test(query) ? (query.trim().startsWith('+') ? '+' : '') + query.replace(/\D/g, '') : '';
  const keys = new Set([normaliseHandle(query), normalisePhone(query) ?? phonePrefix, normaliseEmail(query) ?? ''].filter((k) => k.replace('+', '').length >= 2));
  return db.transaction('r', [db.members, db.identities], async () => {
    const matched = new Map<string, string>();
    const byName = await db.members.where('displayName').startsWithIgnoreCase(query).limit(limit).toArray();
    for (const m of byName) matched.set(m.id, m.displayName);
    for (const key of keys) {
      // Ids are platform:kind:value, so a value's prefix is one range of ids per platform and kind
      // (an index of values cost every import a write per identity).
      const prefixes = ID_PLATFORMS.flatMap((platform) => IDENTITY_KINDS.map((kind) => identityId(platform, kind, key)));
      const ids = await db.identities.where(':id').startsWithAnyOf(prefixes).limit(limit).toArray();
      for (const i of ids) if (!matched.has(i.memberId)) matched.set(i.memberId, i.display || i.value);
    }
    const ids = [...matched.keys()].slice(0, limit);
    const members = await db.members.bulkGet(ids);
    const identities = await db.identities.where('memberId').anyOf(ids).toArray();
    return members
      .filter((m): m is MemberRow => m !== undefined)
      .map((m) => ({
        memberId: m.id,
        displayName: m.displayName,
        tierId: m.tierId,
        orderCount: m.orderCount,
        spendMinor: m.spendMinor,
        currency: m.currency,
        handles: identities.filter((i) => i.memberId === m.id && i.kind === 'handle').map((i) => i.display || i.value),
        matched: matched.get(m.id) ?? '',
      }));
  });
}

export interface MemberPatch {
  displayName?: string | undefined;
  profile?: Partial<Profile> | undefined;
  doNotContact?: boolean | undefined;
}

/** Profile fields filled in as the conversation goes; an empty string clears a field. */
export async function updateMember(db: RegularsDb, memberId: string, patch: MemberPatch, now: number): Promise<MemberRow> {
  const row = await db.transaction('rw', [db.members], async () => {
    const member = await requireMember(db, memberId);
    const profile: Profile = { ...member.profile };
    for (const [key, value] of Object.entries(patch.profile ?? {}) as [keyof Profile, string | undefined][]) {
      if (value === undefined) continue;
      const v = value.trim();
      const field = profileSchema.shape[key];
      if (!field) continue;
      const checked = field.safeParse(v);
      if (v && !checked.success) throw new StoreError('invalid', `${key}: ${checked.error.issues[0]?.message ?? 'not valid'}`, because('profileField', { field: key }));
      if (v) (profile as Record<string, string>)[key] = checked.success ? (checked.data as string) : v;
      else delete profile[key];
    }
    const next: MemberRow = {
      ...member,
      displayName: patch.displayName?.trim() || member.displayName,
      profile,
      doNotContact: patch.doNotContact ?? member.doNotContact,
      updatedAt: now,
    };
    await db.members.put(next);
    return next;
  });
  return row;
}

/** A note can be changed by the one who wrote it, and no one else. */
export async function editNote(db: RegularsDb, noteId: string, text: string, author: string, now: number): Promise<NoteRow> {
  const body = text.trim();
  if (!body) throw new StoreError('invalid', 'A note cannot be empty', because('noteEmpty'));
  return db.transaction('rw', [db.notes], async () => {
    const note = await db.notes.get(noteId);
    if (!note) throw new StoreError('not_found', `No note with id ${noteId}`);
    if (note.author.trim().toLowerCase() !== author.trim().toLowerCase()) throw new StoreError('conflict', `Only ${note.author || 'its author'} can change this note`, because('noteNotYours', { author: note.author || '—' }));
    const next = { ...note, text: body, updatedAt: now };
    await db.notes.put(next);
    return next;
  });
}

export async function memberOrders(db: RegularsDb, memberId: string): Promise<OrderRow[]> {
  const orders = await db.orders.where('[memberId+placedAt]').between(...ofMember(memberId)).toArray();
  return orders.reverse();
}

/** The shop's own tags, most used first, for autocomplete. */
export async function tagVocabulary(db: RegularsDb, limit = 200): Promise<TagRow[]> {
  const tags = await db.tags.toArray();
  return tags.filter((t) => t.count > 0).sort((a, b) => b.count - a.count || b.lastUsedAt - a.lastUsedAt).slice(0, limit);
}

// ---------------------------------------------------------------------------------------------
// Points adjusted by hand

/**
 * Adds (or, negative, takes away) points by hand with a reason, logged with its author; the
 * member keeps the sum of their adjustments. Refused while points are off, without a reason, or
 * when it would leave the member fewer than none.
 */
export async function adjustPoints(
  db: RegularsDb,
  memberId: string,
  delta: number,
  reason: string,
  author: string,
  now: number,
): Promise<{ member: MemberRow; entry: PointsRow }> {
  const settings = await readSettings(db);
  if (!settings.points.enabled) throw new StoreError('conflict', 'Points are off: turn them on in Settings first', because('pointsOff'));
  const result = await db.transaction('rw', [db.members, db.points], async () => {
    const member = await requireMember(db, memberId);
    const balance = pointsOf(member, settings.points, settings.shopCurrency)!.balance;
    const problem = adjustmentProblem(delta, reason, balance);
    if (problem) throw new StoreError('invalid', problem.message, problem.reason);
    const entry: PointsRow = { id: newId('pt'), memberId, delta, reason: reason.trim(), author: author.trim(), at: now };
    const next: MemberRow = { ...member, pointsAdjustment: (member.pointsAdjustment ?? 0) + delta, updatedAt: now };
    await db.points.add(entry);
    await db.members.put(next);
    return { member: next, entry };
  });
  return result;
}

/** A member's point adjustments, newest first. */
export async function pointsLog(db: RegularsDb, memberId: string): Promise<PointsRow[]> {
  const rows = await db.points.where('[memberId+at]').between(...ofMember(memberId)).toArray();
  return rows.reverse();
}
