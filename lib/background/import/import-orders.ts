// Orders in: matching buyers to members, recording orders, keeping member stats and tiers exact.
// The hot path of every import; see tests/bench for its cost against raw IndexedDB.
import Dexie from 'dexie';
import { categoriseItems, categoryLastAfter, categoryLastOrders, categoryMatcher, compactCategoryLast, type CategoryMatcher, type CategoryRule } from '../../domain/categories';
import { memberStats, isCountedOrder } from '../../domain/stats';
import { tierDirection, tierFor, tierForStats } from '../../domain/tiers';
import type { MemberStats, TierLadder, TierStep } from '../../domain/types';
import { identityId, normaliseEmail, normaliseHandle, normalisePhone } from '../../import/identity';
import type { ImportedOrder } from '../../domain/imported-order';
import { keysOf, onCommitted, touches, withOrigin } from '../../store/changes';
import { newId, type RegularsDb } from '../../store/database';
import { ANY_PLATFORM, type IdentityRow, type MemberRow, type OrderRow, type TierChangeRow } from '../../domain/rows';
import { type Settings } from '../../domain/settings';
import { readSettings, writeSettings } from '../../store/settings';

export interface ImportResult {
  orders: { added: number; updated: number; unchanged: number };
  members: { created: number; updated: number };
  /** Automatic merges: a new handle joined an existing member because phone or e-mail matched. */
  merges: { memberId: string; identity: string; by: 'phone' | 'email' }[];
}

/**
 * What an import already knows about the store, so a file of many batches does not read the same
 * things again and again. A preloaded cache follows the change stream: whatever another writer
 * commits (tags, a profile, a merge, another import) is forgotten and read again.
 */
export interface ImportCache {
  /** Identity id → member id, for identities known to exist. */
  identities: Map<string, string>;
  /** True when `identities` holds every identity in the store: a miss then needs no read. */
  identitiesComplete: boolean;
  /** Every order id in the store, when known: ids outside it need no read. */
  orderIds: Set<string> | undefined;
  /** Member rows as last written by this import. */
  members: Map<string, MemberRow>;
  /** What the store held before this import touched it, so the whole import can be cancelled. */
  undo?: UndoLog | undefined;
  /** A preloaded cache's database and its name for its own writes (their changes are its own doing). */
  db?: string | undefined;
  origin?: string | undefined;
}

/** First-touch snapshots: the state before the session, whatever later batches did. */
export interface UndoLog {
  orders: Map<string, OrderRow | null>;
  members: Map<string, MemberRow | null>;
  identities: Set<string>;
  tierChanges: Set<string>;
}

export function emptyUndoLog(): UndoLog {
  return { orders: new Map(), members: new Map(), identities: new Set(), tierChanges: new Set() };
}

/** Puts the store back as it was before the import whose undo log this is: one transaction. */
export async function revertImport(db: RegularsDb, undo: UndoLog): Promise<{ orders: number; members: number }> {
  await db.transaction('rw', [db.members, db.identities, db.orders, db.tierChanges], async () => {
    const restore = async <T,>(table: { bulkDelete(keys: string[]): Promise<void>; bulkPut(rows: T[]): Promise<unknown> }, log: Map<string, T | null>) => {
      const gone = [...log].filter(([, row]) => row === null).map(([id]) => id);
      const back = [...log.values()].filter((row): row is T => row !== null);
      if (gone.length) await table.bulkDelete(gone);
      if (back.length) await table.bulkPut(back);
    };
    await restore(db.orders, undo.orders);
    await restore(db.members, undo.members);
    if (undo.identities.size) await db.identities.bulkDelete([...undo.identities]);
    if (undo.tierChanges.size) await db.tierChanges.bulkDelete([...undo.tierChanges]);
  });
  return { orders: undo.orders.size, members: undo.members.size };
}

const liveCaches = new Set<ImportCache>();

/** A cache that reads what it needs: right for a handful of orders (order capture). */
export function lazyCache(): ImportCache {
  return { identities: new Map(), identitiesComplete: false, orderIds: undefined, members: new Map() };
}

/** A cache that loads every identity and order id once: right for a file of thousands of orders. */
export async function preloadedCache(db: RegularsDb): Promise<ImportCache> {
  const cache = lazyCache();
  await db.transaction('r', [db.identities, db.orders], async () => {
    const [identities, orderIds] = await Promise.all([db.identities.toArray(), db.orders.toCollection().primaryKeys()]);
    for (const i of identities) cache.identities.set(i.id, i.memberId);
    cache.orderIds = new Set(orderIds);
  });
  cache.identitiesComplete = true;
  cache.db = db.name;
  cache.origin = newId('import');
  followChanges();
  liveCaches.add(cache);
  return cache;
}

export function releaseCache(cache: ImportCache): void {
  liveCaches.delete(cache);
}

let following = false;

/** What others commit, live caches forget: members and identities are read again, order ids follow. */
function followChanges(): void {
  if (following) return;
  following = true;
  onCommitted((change) => {
    for (const cache of liveCaches) {
      if (change.db !== cache.db || (change.origin !== undefined && change.origin === cache.origin)) continue;
      if (touches(change, ['members'])) {
        const ids = keysOf(change, 'members');
        if (ids) for (const id of ids) cache.members.delete(id);
        else cache.members.clear();
      }
      if (touches(change, ['identities'])) {
        cache.identities.clear();
        cache.identitiesComplete = false;
      }
      for (const t of change.tables) {
        if (t.table !== 'orders' || !cache.orderIds) continue;
        if (t.keys === null) cache.orderIds = undefined;
        else if (t.kind === 'put') for (const id of t.keys) cache.orderIds.add(id);
        else for (const id of t.keys) cache.orderIds.delete(id);
      }
    }
  });
}

// Benchmarks (tests/bench) listen to where an import spends its time; nobody else does.
let phaseListener: ((phase: string, ms: number) => void) | undefined;
export function onImportPhase(listener: typeof phaseListener): void {
  phaseListener = listener;
}
function phaseClock() {
  let last = performance.now();
  return (phase: string) => {
    if (!phaseListener) return;
    const now = performance.now();
    phaseListener(phase, now - last);
    last = now;
  };
}

const STATUS_RANK: Record<OrderRow['status'], number> = { unpaid: 0, paid: 1, shipped: 2, delivered: 3, cancelled: 4, refunded: 5 };

/** A status only moves forward: an older export read after a newer one does not undo progress. */
function laterStatus(a: OrderRow['status'], b: OrderRow['status']): OrderRow['status'] {
  return STATUS_RANK[b] >= STATUS_RANK[a] ? b : a;
}

function maxDefined(a: number | undefined, b: number | undefined): number | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return Math.max(a, b);
}

function sameItems(a: OrderRow['items'], b: OrderRow['items']): boolean {
  return a.length === b.length && a.every((x, i) => {
    const y = b[i]!;
    return x.title === y.title && x.sku === y.sku && x.quantity === y.quantity && x.priceMinor === y.priceMinor && x.category === y.category && x.categorySource === y.categorySource;
  });
}

function sameOrder(a: OrderRow, b: OrderRow): boolean {
  return (
    a.status === b.status && a.amountMinor === b.amountMinor && a.currency === b.currency && a.placedAt === b.placedAt &&
    a.paidAt === b.paidAt && a.shippedAt === b.shippedAt && a.deliveredAt === b.deliveredAt && a.carrier === b.carrier && a.trackingNo === b.trackingNo && a.buyer === b.buyer && sameItems(a.items, b.items)
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

export function tierForMember(ladder: TierLadder, orders: readonly OrderRow[], stats: MemberStats, now: number, currency: string): TierStep {
  return ladder.window === 'lifetime' ? tierForStats(ladder, stats) : tierFor(ladder, orders, now, currency);
}

interface OrderChange {
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
  return { orderCount, spendMinor, currency, spendOrderCount: orderCount, averageOrderMinor: orderCount ? Math.round(spendMinor / orderCount) : 0, firstOrderAt, lastOrderAt };
}

/**
 * Records orders, creating or matching members by platform + handle, then by phone, then by
 * e-mail. Idempotent: the same rows again change nothing. One transaction: all or nothing.
 */
export async function importOrders(db: RegularsDb, rows: readonly ImportedOrder[], now: number, cache: ImportCache = lazyCache()): Promise<ImportResult> {
  const settings = await readSettings(db);
  const result: ImportResult = { orders: { added: 0, updated: 0, unchanged: 0 }, members: { created: 0, updated: 0 }, merges: [] };
  if (rows.length === 0) return result;
  // Items the file gave no category get one from the owner's rules, as stored orders have.
  const categorise = settings.categoryRules.length ? categoryMatcher(settings.categoryRules) : undefined;

  // Work on copies: if the transaction fails, the cache must not remember what was never stored.
  const identities = new Map<string, string>();
  const newIdentities: IdentityRow[] = [];
  const newMembers = new Map<string, string>(); // id → display name
  try {
    const outcome = await db.transaction('rw', [db.members, db.identities, db.orders, db.tierChanges], async () => {
      if (cache.origin) withOrigin(cache.origin);
      const mark = phaseClock();
      const keyed = rows.map((row) => ({ row, keys: buyerKeys(row) }));

      // 1. Identities: ask the store only about keys the cache can't answer.
      const unknown = new Set<string>();
      for (const { keys } of keyed) {
        for (const id of [keys.handle, keys.phone, keys.email]) {
          if (!id) continue;
          const known = cache.identities.get(id);
          if (known) identities.set(id, known);
          else if (!cache.identitiesComplete) unknown.add(id);
        }
      }
      if (unknown.size) {
        const found = await db.identities.bulkGet([...unknown]);
        for (const row of found) if (row) identities.set(row.id, row.memberId);
      }
      mark('identities.read');

      const addIdentity = (id: string, platform: IdentityRow['platform'], kind: IdentityRow['kind'], value: string, display: string, memberId: string, linkedBy: IdentityRow['linkedBy']) => {
        identities.set(id, memberId);
        newIdentities.push({ id, platform, kind, value, display, memberId, linkedBy, createdAt: now });
      };

      // 2. Every row to a member, in file order, so later rows see identities made by earlier ones.
      const memberOfRow: string[] = [];
      for (const { row, keys } of keyed) {
        const byHandle = keys.handle ? identities.get(keys.handle) : undefined;
        const byPhone = keys.phone ? identities.get(keys.phone) : undefined;
        const byEmail = keys.email ? identities.get(keys.email) : undefined;
        let memberId: string;
        let linkedBy: IdentityRow['linkedBy'] = 'created';
        if (byHandle) memberId = byHandle;
        else if (byPhone) {
          memberId = byPhone;
          linkedBy = 'phone';
        } else if (byEmail) {
          memberId = byEmail;
          linkedBy = 'email';
        } else {
          memberId = newId('m');
          newMembers.set(memberId, row.buyer.name || row.buyer.handle || row.buyer.email || row.buyer.phone || '');
        }
        if (keys.handle && !byHandle) {
          addIdentity(keys.handle, row.platform, 'handle', keys.values.handle!, row.buyer.handle!.trim().replace(/^@+/, ''), memberId, linkedBy);
          if (linkedBy !== 'created') result.merges.push({ memberId, identity: keys.handle, by: linkedBy as 'phone' | 'email' });
        }
        // A phone or e-mail already owned by someone else stays theirs: merging is explicit then.
        if (keys.phone && !byPhone) addIdentity(keys.phone, ANY_PLATFORM, 'phone', keys.values.phone!, row.buyer.phone!, memberId, linkedBy);
        if (keys.email && !byEmail) addIdentity(keys.email, ANY_PLATFORM, 'email', keys.values.email!, row.buyer.email!, memberId, linkedBy);
        memberOfRow.push(memberId);
      }
      mark('resolve');

      // 3. Orders: add, update (status moves forward), or leave alone.
      const orderIds = rows.map((r) => `${r.platform}:${r.orderNo.trim()}`);
      const mayExist = cache.orderIds ? orderIds.filter((id) => cache.orderIds!.has(id)) : orderIds;
      const existing = new Map<string, OrderRow>();
      if (mayExist.length) for (const o of await db.orders.bulkGet(mayExist)) if (o) existing.set(o.id, o);
      mark('orders.read');

      const toPut = new Map<string, OrderRow>();
      const seen = new Set<string>(); // an order repeated within one batch counts once
      rows.forEach((row, i) => {
        const id = orderIds[i]!;
        const before = toPut.get(id) ?? existing.get(id);
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
          ...((row.carrier ?? before?.carrier) ? { carrier: row.carrier ?? before?.carrier } : {}),
          ...((row.trackingNo ?? before?.trackingNo) ? { trackingNo: row.trackingNo ?? before?.trackingNo } : {}),
          items: categorise ? (categoriseItems(row.items, categorise) as OrderRow['items']) : row.items,
          updatedAt: now,
        };
        const firstSight = !seen.has(id);
        seen.add(id);
        if (before && sameOrder(before, incoming)) {
          if (firstSight) result.orders.unchanged++;
          return;
        }
        if (firstSight) {
          if (existing.has(id)) result.orders.updated++;
          else result.orders.added++;
        }
        toPut.set(id, incoming);
      });
      const changes: OrderChange[] = [...toPut.values()].map((after) => ({ before: existing.get(after.id), after }));
      mark('orders.merge');
      if (changes.length) await db.orders.bulkPut(changes.map((c) => c.after));
      mark('orders.write');
      if (newIdentities.length) await db.identities.bulkAdd(newIdentities);
      mark('identities.write');

      // 4. Members: stats and tier for everyone whose orders changed.
      const counts = await refreshMembers(db, settings, changes, newMembers, now, cache, mark);
      result.members.created += counts.created;
      result.members.updated += counts.updated;
      return { changes, memberRows: counts.rows, membersBefore: counts.before, tierChanges: counts.tierChanges };
    });
    // Committed: now the cache may learn what was stored.
    for (const [id, memberId] of identities) cache.identities.set(id, memberId);
    for (const { after } of outcome.changes) cache.orderIds?.add(after.id);
    for (const row of outcome.memberRows) cache.members.set(row.id, row);
    const undo = cache.undo;
    if (undo) {
      for (const { before, after } of outcome.changes) if (!undo.orders.has(after.id)) undo.orders.set(after.id, before ?? null);
      for (const row of outcome.memberRows) if (!undo.members.has(row.id)) undo.members.set(row.id, outcome.membersBefore.get(row.id) ?? null);
      for (const identity of newIdentities) undo.identities.add(identity.id);
      for (const id of outcome.tierChanges) undo.tierChanges.add(id);
    }
    return result;
  } catch (e) {
    for (const id of newMembers.keys()) cache.members.delete(id);
    throw e;
  }
}

/** Recomputes stats and tier of the members these changes touch, and records tier changes. */
async function refreshMembers(
  db: RegularsDb,
  settings: Settings,
  changes: readonly OrderChange[],
  newMembers: ReadonlyMap<string, string>,
  now: number,
  cache: ImportCache,
  mark: (phase: string) => void,
): Promise<{ created: number; updated: number; rows: MemberRow[]; before: Map<string, MemberRow>; tierChanges: string[] }> {
  const byMember = new Map<string, OrderChange[]>();
  const add = (id: string, c: OrderChange) => (byMember.get(id) ?? byMember.set(id, []).get(id)!).push(c);
  for (const c of changes) {
    add(c.after.memberId, c);
    // An order that moved to another member leaves its old one.
    if (c.before && c.before.memberId !== c.after.memberId) add(c.before.memberId, { before: c.before, after: { ...c.before, status: 'cancelled' } });
  }
  for (const id of newMembers.keys()) if (!byMember.has(id)) byMember.set(id, []);

  const ids = [...byMember.keys()];
  const toRead = ids.filter((id) => !newMembers.has(id) && !cache.members.has(id));
  const read = toRead.length ? await db.members.bulkGet(toRead) : [];
  const before = new Map<string, MemberRow>();
  toRead.forEach((id, i) => read[i] && before.set(id, read[i]!));
  for (const id of ids) if (cache.members.has(id)) before.set(id, cache.members.get(id)!);
  mark('members.read');

  // Stats from the stats where exact; otherwise from all the member's orders.
  const lifetime = settings.tierLadder.window === 'lifetime';
  const stats = new Map<string, MemberStats>();
  const categoryLast = new Map<string, Record<string, number> | undefined>();
  const recompute: string[] = [];
  for (const id of ids) {
    const old = before.get(id);
    const base: MemberStats = old ?? { orderCount: 0, spendMinor: 0, currency: settings.shopCurrency, spendOrderCount: 0, averageOrderMinor: 0 };
    const next = lifetime && (old || newMembers.has(id)) ? statsAfter(base, byMember.get(id)!) : undefined;
    const last = next ? categoryLastAfter(old ?? {}, byMember.get(id)!) : null;
    if (next && last !== null) {
      stats.set(id, next);
      categoryLast.set(id, last);
    } else if (old || newMembers.has(id)) recompute.push(id);
  }
  const ordersOf = new Map<string, OrderRow[]>();
  await Promise.all(
    recompute.map(async (id) => {
      const orders = await db.orders.where('[memberId+placedAt]').between([id, Dexie.minKey], [id, Dexie.maxKey]).toArray();
      ordersOf.set(id, orders);
      stats.set(id, memberStats(orders, settings.shopCurrency));
      categoryLast.set(id, compactCategoryLast(categoryLastOrders(orders)));
    }),
  );
  mark('members.orders.read');

  const rows: MemberRow[] = [];
  const tierChanges: TierChangeRow[] = [];
  let created = 0;
  let updated = 0;
  for (const id of ids) {
    const s = stats.get(id);
    if (!s) continue; // a member that no longer exists
    const old = before.get(id);
    const tier = tierForMember(settings.tierLadder, ordersOf.get(id) ?? [], s, now, settings.shopCurrency);
    rows.push({
      id,
      displayName: old?.displayName || newMembers.get(id) || '',
      tierId: tier.id,
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
    if (old && old.tierId !== tier.id) {
      tierChanges.push({ id: newId('tc'), memberId: id, from: old.tierId, to: tier.id, direction: tierDirection(settings.tierLadder, old.tierId, tier.id), at: now });
    }
  }
  mark('members.compute');
  await db.members.bulkPut(rows);
  if (tierChanges.length) await db.tierChanges.bulkAdd(tierChanges);
  mark('members.write');
  return { created, updated, rows, before, tierChanges: tierChanges.map((c) => c.id) };
}

/** Removes orders (e.g. recorded by mistake) and brings their members' stats and tiers up to date. */
export async function deleteOrders(db: RegularsDb, orderIds: readonly string[], now: number): Promise<number> {
  const settings = await readSettings(db);
  const cache = lazyCache();
  return db.transaction('rw', [db.members, db.orders, db.tierChanges], async () => {
    const found = (await db.orders.bulkGet([...orderIds])).filter((o): o is OrderRow => o !== undefined);
    if (!found.length) return 0;
    await db.orders.bulkDelete(found.map((o) => o.id));
    // A removed order is, for the stats, one that stopped counting.
    await refreshMembers(db, settings, found.map((o) => ({ before: o, after: { ...o, status: 'cancelled' as const } })), new Map(), now, cache, () => undefined);
    return found.length;
  });
}

/**
 * Recomputes stats and tier of these members from all their orders (after a merge or unmerge
 * moved orders between members). Call inside a rw transaction over members, orders, tierChanges.
 */
/** `origin` names the writer in the change stream (team sync: what it recomputes is not sent back). */
/**
 * Recomputes members' stats and tiers from their orders. Called inside a transaction that does not
 * cover the settings table, pass `settings` read before it: held settings may have been let go.
 */
export async function recomputeMembers(db: RegularsDb, memberIds: readonly string[], now: number, origin?: string, known?: Settings): Promise<void> {
  const settings = known ?? (await readSettings(db));
  const members = await db.members.bulkGet([...memberIds]);
  const rows: MemberRow[] = [];
  const tierChanges: TierChangeRow[] = [];
  await Promise.all(
    members.map(async (m) => {
      if (!m) return;
      const orders = await db.orders.where('[memberId+placedAt]').between([m.id, Dexie.minKey], [m.id, Dexie.maxKey]).toArray();
      const s = memberStats(orders, settings.shopCurrency);
      const tier = tierForMember(settings.tierLadder, orders, s, now, settings.shopCurrency);
      rows.push({ ...m, ...s, categoryLastAt: compactCategoryLast(categoryLastOrders(orders)), tierId: tier.id, updatedAt: now });
      if (m.tierId !== tier.id) tierChanges.push({ id: newId('tc'), memberId: m.id, from: m.tierId, to: tier.id, direction: tierDirection(settings.tierLadder, m.tierId, tier.id), at: now });
    }),
  );
  await db.transaction('rw', [db.members, db.tierChanges], async () => {
    if (origin) withOrigin(origin);
    await db.members.bulkPut(rows);
    if (tierChanges.length) await db.tierChanges.bulkAdd(tierChanges);
  });
}

// ---------------------------------------------------------------------------------------------
// Category rules applied to the orders already stored

export interface CategoriesApplied {
  /** Orders whose items changed category. */
  orders: number;
  /** Members whose per-category last orders changed (their lapse may have moved). */
  members: number;
  ms: number;
}

const APPLY_PAGE = 5000;

function sameRecord(a: Readonly<Record<string, number>> | undefined, b: Readonly<Record<string, number>> | undefined): boolean {
  const ka = Object.keys(a ?? {});
  return ka.length === Object.keys(b ?? {}).length && ka.every((k) => a![k] === b?.[k]);
}

/**
 * Saves the owner's category rules and applies them to every stored order: items the export gave
 * a category keep it, the others are categorised by the rules (a rule removed takes its category
 * away), and every member's per-category last orders follow. One transaction, read in pages of
 * primary keys so no table is held whole.
 */
export async function applyCategoryRules(db: RegularsDb, rules: readonly CategoryRule[], now: number): Promise<CategoriesApplied> {
  const started = performance.now();
  await writeSettings(db, { categoryRules: [...rules] });
  const match: CategoryMatcher = categoryMatcher(rules);
  return db.transaction('rw', [db.orders, db.members], async () => {
    const lastOf = new Map<string, Record<string, number>>();
    let changedOrders = 0;
    let after: string | undefined;
    for (;;) {
      const page: OrderRow[] = await (after === undefined ? db.orders.orderBy(':id') : db.orders.where(':id').above(after)).limit(APPLY_PAGE).toArray();
      if (!page.length) break;
      after = page[page.length - 1]!.id;
      const changed: OrderRow[] = [];
      for (const o of page) {
        const items = categoriseItems(o.items, match) as OrderRow['items'];
        const order = items === o.items ? o : { ...o, items, updatedAt: now };
        if (order !== o) changed.push(order);
        if (!isCountedOrder(order)) continue;
        const last = lastOf.get(order.memberId) ?? lastOf.set(order.memberId, {}).get(order.memberId)!;
        const mine = categoryLastOrders([order])!;
        for (const [c, at] of Object.entries(mine)) if ((last[c] ?? -Infinity) < at) last[c] = at;
      }
      if (changed.length) await db.orders.bulkPut(changed);
      changedOrders += changed.length;
    }
    let changedMembers = 0;
    let afterMember: string | undefined;
    for (;;) {
      const page: MemberRow[] = await (afterMember === undefined ? db.members.orderBy(':id') : db.members.where(':id').above(afterMember)).limit(APPLY_PAGE).toArray();
      if (!page.length) break;
      afterMember = page[page.length - 1]!.id;
      const changed: MemberRow[] = [];
      for (const m of page) {
        const next = compactCategoryLast(lastOf.get(m.id));
        if (sameRecord(next, m.categoryLastAt)) continue;
        changed.push({ ...m, categoryLastAt: next, updatedAt: now });
      }
      if (changed.length) await db.members.bulkPut(changed);
      changedMembers += changed.length;
    }
    return { orders: changedOrders, members: changedMembers, ms: performance.now() - started };
  });
}
