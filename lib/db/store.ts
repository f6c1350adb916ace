// The member store's operations. Only the background service worker calls the writing ones.
import Dexie from 'dexie';
import { lapseStatus } from '../domain/lapse';
import { rfmBreaks, rfmScore } from '../domain/rfm';
import { buyerKind, memberStats } from '../domain/stats';
import { tierDirection, tierFor, tierForStats, tierProgress } from '../domain/tiers';
import type { TierLadder, TierStep } from '../domain/types';
import { identityId, normaliseEmail, normaliseHandle, normalisePhone } from '../import/identity';
import type { ImportedOrder } from '../import/imported-order';
import type { MemberCard } from '../messaging/card';
import { newId, type RegularsDb } from './database';
import {
  ANY_PLATFORM,
  type IdentityRow,
  type MemberRow,
  type NoteRow,
  type OrderRow,
  type Platform,
  type TierChangeRow,
} from './rows';
import { readSettings, writeSettings, type Settings } from './settings';

export class StoreError extends Error {
  constructor(
    readonly code: 'not_found' | 'conflict' | 'invalid',
    message: string,
  ) {
    super(message);
  }
}

// ---------------------------------------------------------------------------------------------
// Orders in: import and capture

export interface ImportResult {
  orders: { added: number; updated: number; unchanged: number };
  members: { created: number; updated: number };
  /** Automatic merges: a new handle joined an existing member because phone or e-mail matched. */
  merges: { memberId: string; identity: string; by: 'phone' | 'email' }[];
}

const STATUS_RANK: Record<OrderRow['status'], number> = {
  unpaid: 0,
  paid: 1,
  shipped: 2,
  delivered: 3,
  cancelled: 4,
  refunded: 5,
};

/** A status only moves forward: an older export read after a newer one does not undo progress. */
function laterStatus(a: OrderRow['status'], b: OrderRow['status']): OrderRow['status'] {
  return STATUS_RANK[b] >= STATUS_RANK[a] ? b : a;
}

function maxDefined(a: number | undefined, b: number | undefined): number | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return Math.max(a, b);
}

function sameOrder(a: OrderRow, b: OrderRow): boolean {
  return (
    a.status === b.status &&
    a.amountMinor === b.amountMinor &&
    a.currency === b.currency &&
    a.placedAt === b.placedAt &&
    a.paidAt === b.paidAt &&
    a.shippedAt === b.shippedAt &&
    a.deliveredAt === b.deliveredAt &&
    a.buyer === b.buyer &&
    JSON.stringify(a.items) === JSON.stringify(b.items)
  );
}

function buyerKeys(row: ImportedOrder) {
  const handle = row.buyer.handle ? normaliseHandle(row.buyer.handle) : undefined;
  const phone = row.buyer.phone ? normalisePhone(row.buyer.phone) : undefined;
  const email = row.buyer.email ? normaliseEmail(row.buyer.email) : undefined;
  return {
    handle: handle ? identityId(row.platform, 'handle', handle) : undefined,
    phone: phone ? identityId(ANY_PLATFORM, 'phone', phone) : undefined,
    email: email ? identityId(ANY_PLATFORM, 'email', email) : undefined,
    values: { handle, phone, email },
  };
}

function tierForMember(ladder: TierLadder, orders: readonly OrderRow[], stats: ReturnType<typeof memberStats>, now: number, currency: string): TierStep {
  return ladder.window === 'lifetime' ? tierForStats(ladder, stats) : tierFor(ladder, orders, now, currency);
}

/**
 * Records orders, creating or matching members by platform + handle, then by phone, then by
 * e-mail. Idempotent: the same rows again change nothing. One transaction: all or nothing.
 */
export async function importOrders(db: RegularsDb, rows: readonly ImportedOrder[], now: number): Promise<ImportResult> {
  const settings = await readSettings(db);
  const result: ImportResult = { orders: { added: 0, updated: 0, unchanged: 0 }, members: { created: 0, updated: 0 }, merges: [] };
  if (rows.length === 0) return result;

  return db.transaction('rw', [db.members, db.identities, db.orders, db.tierChanges], async () => {
    const keyed = rows.map((row) => ({ row, keys: buyerKeys(row) }));
    const identityIds = new Set<string>();
    for (const { keys } of keyed) for (const id of [keys.handle, keys.phone, keys.email]) if (id) identityIds.add(id);
    const idList = [...identityIds];
    const found = await db.identities.bulkGet(idList);
    const identities = new Map<string, IdentityRow>();
    found.forEach((row) => row && identities.set(row.id, row));

    const newIdentities: IdentityRow[] = [];
    const newMembers = new Map<string, { name: string }>();
    const addIdentity = (id: string, platform: IdentityRow['platform'], kind: IdentityRow['kind'], value: string, display: string, memberId: string, linkedBy: IdentityRow['linkedBy']) => {
      const row: IdentityRow = { id, platform, kind, value, display, memberId, linkedBy, createdAt: now };
      identities.set(id, row);
      newIdentities.push(row);
    };

    // Resolve every row to a member, in file order, so later rows see identities made by earlier ones.
    const memberOfRow: string[] = [];
    for (const { row, keys } of keyed) {
      const byHandle = keys.handle ? identities.get(keys.handle) : undefined;
      const byPhone = keys.phone ? identities.get(keys.phone) : undefined;
      const byEmail = keys.email ? identities.get(keys.email) : undefined;
      let memberId: string;
      let linkedBy: IdentityRow['linkedBy'] = 'created';
      if (byHandle) memberId = byHandle.memberId;
      else if (byPhone) ((memberId = byPhone.memberId), (linkedBy = 'phone'));
      else if (byEmail) ((memberId = byEmail.memberId), (linkedBy = 'email'));
      else {
        memberId = newId('m');
        newMembers.set(memberId, { name: row.buyer.name || row.buyer.handle || row.buyer.email || row.buyer.phone || '' });
      }
      const display = (row.buyer.handle ?? '').trim().replace(/^@+/, '');
      if (keys.handle && !byHandle) {
        addIdentity(keys.handle, row.platform, 'handle', keys.values.handle!, display, memberId, linkedBy);
        if (linkedBy === 'phone' || linkedBy === 'email') result.merges.push({ memberId, identity: keys.handle, by: linkedBy });
      }
      // A phone or e-mail already owned by someone else stays theirs: merging is explicit then.
      if (keys.phone && !byPhone) addIdentity(keys.phone, ANY_PLATFORM, 'phone', keys.values.phone!, row.buyer.phone!, memberId, linkedBy === 'created' ? 'created' : linkedBy);
      if (keys.email && !byEmail) addIdentity(keys.email, ANY_PLATFORM, 'email', keys.values.email!, row.buyer.email!, memberId, linkedBy === 'created' ? 'created' : linkedBy);
      memberOfRow.push(memberId);
    }

    // Orders: add, update (status moves forward), or leave alone.
    const orderIds = rows.map((r) => `${r.platform}:${r.orderNo.trim()}`);
    const existingOrders = await db.orders.bulkGet(orderIds);
    const toPut = new Map<string, OrderRow>();
    const touched = new Set<string>();
    const counted = new Set<string>(); // an order repeated within one batch counts once
    rows.forEach((row, i) => {
      const id = orderIds[i]!;
      const before = toPut.get(id) ?? existingOrders[i];
      const incoming: OrderRow = {
        id,
        platform: row.platform,
        orderNo: row.orderNo.trim(),
        memberId: before?.memberId ?? memberOfRow[i]!,
        buyer: (row.buyer.handle ?? row.buyer.email ?? row.buyer.phone ?? '').trim(),
        amountMinor: row.amountMinor,
        currency: row.currency,
        status: before ? laterStatus(before.status, row.status) : row.status,
        placedAt: row.placedAt,
        paidAt: maxDefined(before?.paidAt, row.paidAt),
        shippedAt: maxDefined(before?.shippedAt, row.shippedAt),
        deliveredAt: maxDefined(before?.deliveredAt, row.deliveredAt),
        items: row.items,
        updatedAt: now,
      };
      const firstSight = !counted.has(id);
      counted.add(id);
      if (before && sameOrder(before, incoming)) {
        if (firstSight) result.orders.unchanged++;
        return;
      }
      if (firstSight) {
        if (existingOrders[i]) result.orders.updated++;
        else result.orders.added++;
      }
      toPut.set(id, incoming);
      touched.add(incoming.memberId);
      if (before && before.memberId !== incoming.memberId) touched.add(before.memberId);
    });
    const putRows = [...toPut.values()];
    if (putRows.length) await db.orders.bulkPut(putRows);
    if (newIdentities.length) await db.identities.bulkPut(newIdentities);

    // Members: recompute stats and tier for everyone whose orders changed.
    const touchedIds = [...touched, ...[...newMembers.keys()].filter((id) => !touched.has(id))];
    const counts = await refreshMembers(db, settings, touchedIds, now, { newMembers, newOrders: putRows });
    result.members.created += counts.created;
    result.members.updated += counts.updated;
    return result;
  });
}

/**
 * Recomputes stats and tier of these members from their orders and records tier changes.
 * New members (created by this import) have all their orders in `newOrders`: no read-back.
 * Call inside a rw transaction over members, orders and tierChanges.
 */
async function refreshMembers(
  db: RegularsDb,
  settings: Settings,
  memberIds: readonly string[],
  now: number,
  fresh: { newMembers: ReadonlyMap<string, { name: string }>; newOrders: readonly OrderRow[] } = { newMembers: new Map(), newOrders: [] },
): Promise<{ created: number; updated: number }> {
  const existingMembers = await db.members.bulkGet([...memberIds]);
  const ordersByMember = new Map<string, OrderRow[]>();
  const push = (o: OrderRow) => (ordersByMember.get(o.memberId) ?? ordersByMember.set(o.memberId, []).get(o.memberId)!).push(o);
  const needQuery = memberIds.filter((_id, i) => existingMembers[i] !== undefined);
  if (needQuery.length) (await db.orders.where('memberId').anyOf(needQuery).toArray()).forEach(push);
  for (const o of fresh.newOrders) if (fresh.newMembers.has(o.memberId)) push(o);

  const counts = { created: 0, updated: 0 };
  const memberRows: MemberRow[] = [];
  const tierChanges: TierChangeRow[] = [];
  memberIds.forEach((id, i) => {
    const before = existingMembers[i];
    if (!before && !fresh.newMembers.has(id)) return; // gone meanwhile: nothing to refresh
    const orders = ordersByMember.get(id) ?? [];
    const stats = memberStats(orders, settings.shopCurrency);
    const tier = tierForMember(settings.tierLadder, orders, stats, now, settings.shopCurrency);
    memberRows.push({
      id,
      displayName: before?.displayName || fresh.newMembers.get(id)?.name || '',
      tierId: tier.id,
      tags: before?.tags ?? [],
      profile: before?.profile ?? {},
      doNotContact: before?.doNotContact ?? false,
      createdAt: before?.createdAt ?? now,
      updatedAt: now,
      orderCount: stats.orderCount,
      spendMinor: stats.spendMinor,
      currency: stats.currency,
      averageOrderMinor: stats.averageOrderMinor,
      firstOrderAt: stats.firstOrderAt,
      lastOrderAt: stats.lastOrderAt,
    });
    if (before) counts.updated++;
    else counts.created++;
    if (before && before.tierId !== tier.id) {
      tierChanges.push({ id: newId('tc'), memberId: id, from: before.tierId, to: tier.id, direction: tierDirection(settings.tierLadder, before.tierId, tier.id), at: now });
    }
  });
  await db.members.bulkPut(memberRows);
  if (tierChanges.length) await db.tierChanges.bulkAdd(tierChanges);
  return counts;
}

/** Removes orders (e.g. recorded by mistake) and brings their members' stats and tiers up to date. */
export async function deleteOrders(db: RegularsDb, orderIds: readonly string[], now: number): Promise<number> {
  const settings = await readSettings(db);
  return db.transaction('rw', [db.members, db.orders, db.tierChanges], async () => {
    const found = (await db.orders.bulkGet([...orderIds])).filter((o): o is OrderRow => o !== undefined);
    if (!found.length) return 0;
    await db.orders.bulkDelete(found.map((o) => o.id));
    await refreshMembers(db, settings, [...new Set(found.map((o) => o.memberId))], now);
    return found.length;
  });
}

// ---------------------------------------------------------------------------------------------
// RFM cut points: quintiles of the shop's own members, recomputed after imports

export async function refreshRfmBreaks(db: RegularsDb, now: number): Promise<Settings['rfmBreaks']> {
  const settings = await readSettings(db);
  const sample: { lastOrderAt?: number; orderCount: number; spendMinor: number }[] = [];
  await db.members.where('orderCount').above(0).each((m) => {
    sample.push({ lastOrderAt: m.lastOrderAt, orderCount: m.orderCount, spendMinor: m.spendMinor });
  });
  const breaks = { ...rfmBreaks(sample, now, settings.timeZone), computedAt: now, members: sample.length };
  await writeSettings(db, { rfmBreaks: breaks });
  return breaks;
}

// ---------------------------------------------------------------------------------------------
// Reading: the member card

const RECENT_ORDERS = 5;
const RECENT_NOTES = 3;

export async function memberIdForHandle(db: RegularsDb, platform: Platform, handle: string): Promise<string | undefined> {
  const identity = await db.identities.get(identityId(platform, 'handle', normaliseHandle(handle)));
  return identity?.memberId;
}

export async function memberCard(db: RegularsDb, memberId: string, now: number, settings?: Settings): Promise<MemberCard | null> {
  const s = settings ?? (await readSettings(db));
  return db.transaction('r', [db.members, db.orders, db.notes, db.identities], async () => {
    const member = await db.members.get(memberId);
    if (!member) return null;
    const range = db.orders.where('[memberId+placedAt]').between([memberId, Dexie.minKey], [memberId, Dexie.maxKey]);
    const noteRange = db.notes.where('[memberId+createdAt]').between([memberId, Dexie.minKey], [memberId, Dexie.maxKey]);
    const [recentOrders, orderTotal, notes, noteTotal, identities] = await Promise.all([
      range.clone().reverse().limit(RECENT_ORDERS).toArray(),
      range.clone().count(),
      noteRange.clone().reverse().limit(RECENT_NOTES).toArray(),
      noteRange.clone().count(),
      db.identities.where('memberId').equals(memberId).toArray(),
    ]);
    const stats = member;
    const progress = tierProgress(s.tierLadder, stats);
    const tier = s.tierLadder.steps.find((t) => t.id === member.tierId) ?? progress.current;
    const rfm = s.rfmBreaks ? rfmScore(stats, s.rfmBreaks, now, s.timeZone) : undefined;
    return {
      member,
      tier: { id: tier.id, name: tier.name, color: tier.color },
      nextTier: progress.next ? { id: progress.next.id, name: progress.next.name, color: progress.next.color } : undefined,
      spendToNextMinor: progress.spendToNextMinor,
      ordersToNext: progress.ordersToNext,
      buyerKind: buyerKind(stats),
      rfm: rfm ?? null,
      lapse: lapseStatus(member.lastOrderAt, s.lapseDays, now, s.timeZone),
      identities: identities.map(({ platform, kind, value, display, linkedBy }) => ({ platform, kind, value, display, linkedBy })),
      recentOrders,
      orderTotal,
      notes,
      noteTotal,
      computedAt: now,
    };
  });
}

export async function lookupByHandle(db: RegularsDb, platform: Platform, handle: string, now: number): Promise<MemberCard | null> {
  const memberId = await memberIdForHandle(db, platform, handle);
  if (!memberId) return null;
  const card = await memberCard(db, memberId, now);
  return card && { ...card, matchedBy: { platform, handle: normaliseHandle(handle) } };
}

// ---------------------------------------------------------------------------------------------
// Tags and notes

export const MAX_TAGS = 50;

async function requireMember(db: RegularsDb, memberId: string): Promise<MemberRow> {
  const member = await db.members.get(memberId);
  if (!member) throw new StoreError('not_found', `No member with id ${memberId}`);
  return member;
}

export function normaliseTag(tag: string): string {
  return tag.trim().replace(/\s+/g, ' ');
}

export async function addTag(db: RegularsDb, memberId: string, rawTag: string, now: number): Promise<string[]> {
  const tag = normaliseTag(rawTag);
  if (!tag) throw new StoreError('invalid', 'A tag cannot be empty');
  return db.transaction('rw', [db.members, db.tags], async () => {
    const member = await requireMember(db, memberId);
    if (member.tags.some((t) => t.toLowerCase() === tag.toLowerCase())) return member.tags;
    if (member.tags.length >= MAX_TAGS) throw new StoreError('invalid', `A member can carry at most ${MAX_TAGS} tags`);
    const tags = [...member.tags, tag];
    await db.members.update(memberId, { tags, updatedAt: now });
    const known = await db.tags.get(tag);
    await db.tags.put({ name: tag, count: (known?.count ?? 0) + 1, lastUsedAt: now });
    return tags;
  });
}

export async function removeTag(db: RegularsDb, memberId: string, rawTag: string, now: number): Promise<string[]> {
  const tag = normaliseTag(rawTag).toLowerCase();
  return db.transaction('rw', [db.members, db.tags], async () => {
    const member = await requireMember(db, memberId);
    const kept = member.tags.filter((t) => t.toLowerCase() !== tag);
    if (kept.length === member.tags.length) return member.tags;
    await db.members.update(memberId, { tags: kept, updatedAt: now });
    const removed = member.tags.find((t) => t.toLowerCase() === tag)!;
    const known = await db.tags.get(removed);
    if (known) await db.tags.put({ ...known, count: Math.max(0, known.count - 1) });
    return kept;
  });
}

export async function addNote(db: RegularsDb, memberId: string, text: string, author: string, now: number): Promise<NoteRow> {
  const body = text.trim();
  if (!body) throw new StoreError('invalid', 'A note cannot be empty');
  return db.transaction('rw', [db.members, db.notes], async () => {
    await requireMember(db, memberId);
    const note: NoteRow = { id: newId('n'), memberId, text: body, author: author.trim(), createdAt: now, updatedAt: now };
    await db.notes.add(note);
    return note;
  });
}

export async function storeCounts(db: RegularsDb) {
  const [members, orders, notes, identities] = await Promise.all([db.members.count(), db.orders.count(), db.notes.count(), db.identities.count()]);
  return { members, orders, notes, identities };
}
