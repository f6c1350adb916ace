// A member as the panel shows it (the card), and the panel's quick writes: tags and notes.
import { UNCATEGORISED } from '../../domain/categories';
import { memberLapse } from '../../domain/category-lapse';
import { pointsOf } from '../../domain/points';
import { rfmScore } from '../../domain/rfm';
import { buyerKind, isCountedOrder } from '../../domain/stats';
import { localDateParts } from '../../domain/time';
import { tierProgress } from '../../domain/tiers';
import { identityId, normaliseHandle } from '../../import/identity';
import type { MemberCard } from '../../messaging/card';
import { cardRows, type CardRows } from '../../store/card-rows';
import { newId, type RegularsDb } from '../../store/database';
import type { MemberRow, NoteRow, OrderRow, Platform } from '../../domain/rows';
import { type Settings } from '../../domain/settings';
import { readSettings } from '../../store/settings';

import { StoreError } from '../../store/store-error';
import { because } from '../../domain/reason';

// ---------------------------------------------------------------------------------------------
// Reading: the member card

const RECENT_ORDERS = 5;
const RECENT_NOTES = 3;
const RECENT_POINTS = 3;

export async function memberIdForHandle(db: RegularsDb, platform: Platform, handle: string): Promise<string | undefined> {
  const identity = await db.identities.get(identityId(platform, 'handle', normaliseHandle(handle)));
  return identity?.memberId;
}

/** The card of a member from their rows (store/card-rows.ts reads them in one transaction). */
function cardOf(rows: CardRows, now: number, s: Settings): MemberCard {
  const { member, orders, notes, identities, reminders, points: pointsLog } = rows;
  const lapse = memberLapse(member, s.categoryCycles, s.lapseDays, now, s.timeZone);
  const points = pointsOf(member, s.points, s.shopCurrency);
  const summary = (t: { id: string; name: string; color: string; benefits?: MemberCard['tier']['benefits'] }) => ({ id: t.id, name: t.name, color: t.color, benefits: t.benefits });
  const progress = tierProgress(s.tierLadder, member);
  const tier = s.tierLadder.steps.find((t) => t.id === member.tierId) ?? progress.current;
  const rfm = s.rfmBreaks ? rfmScore(member, s.rfmBreaks, now, s.timeZone) : undefined;
  return {
    member,
    tier: summary(tier),
    nextTier: progress.next ? summary(progress.next) : undefined,
    spendToNextMinor: progress.spendToNextMinor,
    ordersToNext: progress.ordersToNext,
    buyerKind: buyerKind(member),
    rfm: rfm ?? null,
    lapse: lapse.state === 'active' ? { state: 'active', daysLeft: lapse.daysLeft } : lapse.state === 'lapsed' ? { state: 'lapsed', daysSince: lapse.daysSince } : { state: 'none' },
    categoryLapse: lapse.categories.some((c) => c.category !== UNCATEGORISED) ? lapse.categories : [],
    points: points && { ...points, log: pointsLog.slice(-RECENT_POINTS).reverse() },
    identities: identities.map(({ id, platform, kind, value, display, linkedBy }) => ({ id, platform, kind, value, display, linkedBy })),
    recentOrders: orders.slice(-RECENT_ORDERS).reverse(),
    orderTotal: orders.length,
    spendByMonth: spendByMonth(orders, member.currency, now, s.timeZone),
    notes: notes.slice(-RECENT_NOTES).reverse(),
    noteTotal: notes.length,
    reminders: reminders.filter((r) => r.state === 'open' || r.state === 'snoozed').sort((a, b) => a.dueAt - b.dueAt),
    computedAt: now,
  };
}

/** The last 12 calendar months' counted spend in one currency, oldest first (the panel's sparkline). */
export function spendByMonth(orders: readonly Pick<OrderRow, 'amountMinor' | 'currency' | 'status' | 'placedAt'>[], currency: string, now: number, timeZone: string): number[] {
  const { year, month } = localDateParts(now, timeZone);
  const months = new Array<number>(12).fill(0);
  for (const o of orders) {
    if (!isCountedOrder(o) || o.currency !== currency) continue;
    const p = localDateParts(o.placedAt, timeZone);
    const back = (year - p.year) * 12 + (month - p.month);
    if (back >= 0 && back < 12) months[11 - back]! += o.amountMinor;
  }
  return months;
}

export async function memberCard(db: RegularsDb, memberId: string, now: number): Promise<MemberCard | null> {
  const s = await readSettings(db);
  const rows = await cardRows(db, { memberId }, s.points.enabled);
  return rows && cardOf(rows, now, s);
}

export async function lookupByHandle(db: RegularsDb, platform: Platform, handle: string, now: number): Promise<MemberCard | null> {
  const s = await readSettings(db);
  const rows = await cardRows(db, { identityId: identityId(platform, 'handle', normaliseHandle(handle)) }, s.points.enabled);
  return rows && { ...cardOf(rows, now, s), matchedBy: { platform, handle: normaliseHandle(handle) } };
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
  if (!tag) throw new StoreError('invalid', 'A tag cannot be empty', because('tagEmpty'));
  return db.transaction('rw', [db.members, db.tags], async () => {
    const member = await requireMember(db, memberId);
    if (member.tags.some((t) => t.toLowerCase() === tag.toLowerCase())) return member.tags;
    if (member.tags.length >= MAX_TAGS) throw new StoreError('invalid', `A member can carry at most ${MAX_TAGS} tags`, because('tooManyTags', { max: MAX_TAGS }));
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
  if (!body) throw new StoreError('invalid', 'A note cannot be empty', because('noteEmpty'));
  return db.transaction('rw', [db.members, db.notes], async () => {
    await requireMember(db, memberId);
    const note: NoteRow = { id: newId('n'), memberId, text: body, author: author.trim(), createdAt: now, updatedAt: now };
    await db.notes.add(note);
    return note;
  });
}
