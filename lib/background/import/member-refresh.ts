// Members' stats kept exact as their orders change: from the stats alone when that is exact, else
// recomputed. Their tiers follow from the stats (background/tiers/tier-keeper.ts): none is written here.
import { lazyCache, type ImportCache } from './import-cache';
import Dexie from 'dexie';
import { categoryLastAfter, categoryLastOrders, compactCategoryLast } from '../../domain/categories';
import { memberStats, isCountedOrder } from '../../domain/stats';
import type { MemberStats } from '../../domain/types';
import { withOrigin } from '../../store/changes';
import type { RegularsDb } from '../../store/database';
import type { MemberWrite, OrderRow } from '../../domain/rows';
import type { Settings } from '../../domain/settings';
import { readSettings } from '../../store/settings';

export interface OrderChange {
  before: OrderRow | undefined;
  after: OrderRow;
}

/**
 * The member's stats after these order changes, from the stats alone, when that is exact: one
 * currency, and no counted order leaving the first/last position. Undefined means "recompute".
 */
export function statsAfter(stats: MemberStats, changes: readonly OrderChange[]): MemberStats | undefined {
  if (stats.spendOrderCount !== stats.orderCount) return undefined;
  let { orderCount, spendMinor, currency, firstOrderAt, lastOrderAt } = stats;
  for (const { before, after } of changes) {
    if (before && isCountedOrder(before)) {
      if (before.currency !== currency) return undefined;
      const keepsPlace = isCountedOrder(after) && after.placedAt === before.placedAt;
      if (!keepsPlace && (before.placedAt === firstOrderAt || before.placedAt === lastOrderAt)) return undefined;
      orderCount--;
      spendMinor -= before.amountMinor;
    }
    if (isCountedOrder(after)) {
      if (orderCount === 0) currency = after.currency;
      else if (after.currency !== currency) return undefined;
      orderCount++;
      spendMinor += after.amountMinor;
      if (firstOrderAt === undefined || after.placedAt < firstOrderAt) firstOrderAt = after.placedAt;
      if (lastOrderAt === undefined || after.placedAt > lastOrderAt) lastOrderAt = after.placedAt;
    }
  }
  if (orderCount === 0) {
    firstOrderAt = undefined;
    lastOrderAt = undefined;
  }
  return {
    orderCount,
    spendMinor,
    currency,
    spendOrderCount: orderCount,
    averageOrderMinor: orderCount ? Math.round(spendMinor / orderCount) : 0,
    firstOrderAt,
    lastOrderAt,
  };
}

/** Recomputes the stats of the members these changes touch. */
export async function refreshMembers(
  db: RegularsDb,
  settings: Settings,
  changes: readonly OrderChange[],
  newMembers: ReadonlyMap<string, string>,
  now: number,
  cache: ImportCache,
  mark: (phase: string) => void,
): Promise<{ created: number; updated: number; rows: MemberWrite[]; waiting: MemberWrite[]; before: Map<string, MemberWrite> }> {
  const byMember = new Map<string, OrderChange[]>();
  const add = (id: string, c: OrderChange) => (byMember.get(id) ?? byMember.set(id, []).get(id)!).push(c);
  for (const c of changes) {
    add(c.after.memberId, c);
    // An order that moved to another member leaves its old one.
    if (c.before && c.before.memberId !== c.after.memberId) add(c.before.memberId, { before: c.before, after: { ...c.before, status: 'cancelled' } });
  }
  for (const id of newMembers.keys()) if (!byMember.has(id)) byMember.set(id, []);

  const ids = [...byMember.keys()];
  // An import session's rows waiting for its end are the latest; then what this import last wrote.
  const known = (id: string): MemberWrite | undefined => cache.deferred?.pending.get(id) ?? cache.members.get(id);
  const toRead = ids.filter((id) => !newMembers.has(id) && !known(id));
  const read = toRead.length ? await db.members.bulkGet(toRead) : [];
  const before = new Map<string, MemberWrite>();
  toRead.forEach((id, i) => read[i] && before.set(id, read[i]!));
  for (const id of ids) {
    const row = known(id);
    if (row) before.set(id, row);
  }
  mark('members.read');

  // Stats from the stats where exact; otherwise from all the member's orders.
  const stats = new Map<string, MemberStats>();
  const categoryLast = new Map<string, Record<string, number> | undefined>();
  const recompute: string[] = [];
  for (const id of ids) {
    const old = before.get(id);
    const base: MemberStats = old ?? { orderCount: 0, spendMinor: 0, currency: settings.shopCurrency, spendOrderCount: 0, averageOrderMinor: 0 };
    const next = old || newMembers.has(id) ? statsAfter(base, byMember.get(id)!) : undefined;
    const last = next ? categoryLastAfter(old ?? {}, byMember.get(id)!) : null;
    if (next && last !== null) {
      stats.set(id, next);
      categoryLast.set(id, last);
    } else if (old || newMembers.has(id)) recompute.push(id);
  }
  await Promise.all(
    recompute.map(async (id) => {
      const orders = await db.orders.where('[memberId+placedAt]').between([id, Dexie.minKey], [id, Dexie.maxKey]).toArray();
      stats.set(id, memberStats(orders, settings.shopCurrency));
      categoryLast.set(id, compactCategoryLast(categoryLastOrders(orders)));
    }),
  );
  mark('members.orders.read');

  const rows: MemberWrite[] = [];
  let created = 0;
  let updated = 0;
  for (const id of ids) {
    const s = stats.get(id);
    if (!s) continue; // a member that no longer exists
    const old = before.get(id);
    rows.push({
      id,
      displayName: old?.displayName || newMembers.get(id) || '',
      tags: old?.tags ?? [],
      profile: old?.profile ?? {},
      doNotContact: old?.doNotContact ?? false,
      createdAt: old?.createdAt ?? now,
      updatedAt: now,
      orderCount: s.orderCount,
      spendMinor: s.spendMinor,
      currency: s.currency,
      spendOrderCount: s.spendOrderCount,
      averageOrderMinor: s.averageOrderMinor,
      firstOrderAt: s.firstOrderAt,
      lastOrderAt: s.lastOrderAt,
      categoryLastAt: categoryLast.get(id),
      pointsAdjustment: old?.pointsAdjustment,
    });
    if (old) updated++;
    else created++;
  }
  mark('members.compute');
  // In an import session every member row waits for its end, new ones too (member-journal.ts).
  const written = cache.deferred ? [] : rows;
  const waiting = cache.deferred ? rows : [];
  if (written.length) await db.members.bulkPut(written);
  mark('members.write');
  return { created, updated, rows: written, waiting, before };
}

/** Removes orders (e.g. recorded by mistake) and brings their members' stats up to date. */
export async function deleteOrders(db: RegularsDb, orderIds: readonly string[], now: number): Promise<number> {
  const settings = await readSettings(db);
  const cache = lazyCache();
  return db.transaction('rw', [db.members, db.orders], async () => {
    const found = (await db.orders.bulkGet([...orderIds])).filter((o): o is OrderRow => o !== undefined);
    if (!found.length) return 0;
    await db.orders.bulkDelete(found.map((o) => o.id));
    // A removed order is, for the stats, one that stopped counting.
    await refreshMembers(db, settings, found.map((o) => ({ before: o, after: { ...o, status: 'cancelled' as const } })), new Map(), now, cache, () => undefined);
    return found.length;
  });
}

/**
 * Recomputes members' stats from all their orders (after a merge or unmerge moved orders between
 * members). `origin` names the writer in the change stream (team sync: what it recomputes is not
 * sent back). Called inside a transaction that does not cover the settings table, pass `settings`
 * read before it: held settings may have been let go.
 */
export async function recomputeMembers(db: RegularsDb, memberIds: readonly string[], now: number, origin?: string, known?: Settings): Promise<void> {
  const settings = known ?? (await readSettings(db));
  const members = await db.members.bulkGet([...memberIds]);
  const rows = await membersFromOrders(db, members, settings, now);
  await db.transaction('rw', [db.members], async () => {
    if (origin) withOrigin(origin);
    await db.members.bulkPut(rows);
  });
}

/**
 * These member rows with stats from all their orders as stored (read in parallel); nothing
 * written. Team sync writes them with the rows that arrived, and knows some members' orders
 * without reading them (`own`: sync/join-writes.ts).
 */
export async function membersFromOrders(
  db: RegularsDb,
  members: readonly (MemberWrite | undefined)[],
  settings: Settings,
  now: number,
  own?: (memberId: string) => readonly OrderRow[] | undefined,
): Promise<MemberWrite[]> {
  const rows: MemberWrite[] = [];
  await Promise.all(
    members.map(async (m) => {
      if (!m) return;
      const orders = own?.(m.id) ?? (await db.orders.where('[memberId+placedAt]').between([m.id, Dexie.minKey], [m.id, Dexie.maxKey]).toArray());
      const { tierId: _, ...row } = m;
      rows.push({ ...row, ...memberStats(orders, settings.shopCurrency), categoryLastAt: compactCategoryLast(categoryLastOrders(orders)), updatedAt: now });
    }),
  );
  return rows;
}
