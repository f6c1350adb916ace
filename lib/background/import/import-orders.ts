// Orders in: matching buyers to members, recording orders, keeping member stats and tiers exact.
// The hot path of every import; see tests/bench for its cost against raw IndexedDB.
import { categoriseItems, categoryMatcher } from '../../domain/categories';
import { jsonDigest } from '../../hash';
import { identityId, normaliseEmail, normaliseHandle, normalisePhone } from '../../import/identity';
import { orderIdOf, type ImportedOrder } from '../../domain/imported-order';
import { withOrigin } from '../../store/changes';
import { newId, type RegularsDb } from '../../store/database';
import { ANY_PLATFORM, type IdentityRow, type OrderRow } from '../../domain/rows';
import { readSettings } from '../../store/settings';
import { lazyCache, type ImportCache } from './import-cache';
import { refreshMembers, type OrderChange } from './member-refresh';
import { journalWaiting, rememberPending } from './member-journal';
import { phaseClock } from './phases';
import { batchUndone, recordBatchUndo, type BatchUndo } from './undo-journal';

export { onImportPhase } from './phases';

export interface ImportResult {
  orders: { added: number; updated: number; unchanged: number };
  members: { created: number; updated: number };
  /** Automatic merges: a new handle joined an existing member because phone or e-mail matched. */
  merges: { memberId: string; identity: string; by: 'phone' | 'email' }[];
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
    return x.title === y.title && x.sku === y.sku && x.quantity === y.quantity && x.priceMinor === y.priceMinor &&
      x.category === y.category && x.categorySource === y.categorySource;
  });
}

function sameOrder(a: OrderRow, b: OrderRow): boolean {
  return (
    a.status === b.status && a.amountMinor === b.amountMinor && a.currency === b.currency && a.placedAt === b.placedAt &&
    a.paidAt === b.paidAt && a.shippedAt === b.shippedAt && a.deliveredAt === b.deliveredAt &&
    a.carrier === b.carrier && a.trackingNo === b.trackingNo && a.buyer === b.buyer && sameItems(a.items, b.items)
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

/**
 * Records orders, creating or matching members by platform + handle, then by phone, then by
 * e-mail. Idempotent: the same rows again change nothing. One transaction: all or nothing.
 */
export async function importOrders(db: RegularsDb, rows: readonly ImportedOrder[], now: number, cache: ImportCache = lazyCache()): Promise<ImportResult> {
  const mark = phaseClock();
  const settings = await readSettings(db);
  const result: ImportResult = { orders: { added: 0, updated: 0, unchanged: 0 }, members: { created: 0, updated: 0 }, merges: [] };
  if (rows.length === 0) return result;
  // Items the file gave no category get one from the owner's rules, as stored orders have.
  const categorise = settings.categoryRules.length ? categoryMatcher(settings.categoryRules) : undefined;

  // Digests of the rows (whole, as read from the file), under the category rules that categorise them.
  const rulesKey = JSON.stringify(settings.categoryRules);
  if (cache.orders && cache.rulesKey !== rulesKey) {
    cache.orders.forgetDigests();
    cache.keptTrusted = false;
    cache.rulesKey = rulesKey;
  }
  const rowDigests = cache.orders ? rows.map(jsonDigest) : undefined;
  const orderIds = rows.map(orderIdOf);
  const keyed = rows.map((row) => ({ row, keys: buyerKeys(row) }));
  // A row this store's order was last made from (nobody wrote the order since) changes nothing: no read.
  const known = (i: number) => rowDigests !== undefined && cache.orders?.digest(orderIds[i]!) === rowDigests[i];
  // Every row known and every buyer key too: nothing to write, so no transaction (it would wait
  // behind whatever else is reading the store, e.g. the figures of the import before).
  const knownKey = (id: string | undefined) => !id || cache.identities.has(id);
  if (cache.identitiesComplete && keyed.every(({ keys }, i) => known(i) && knownKey(keys.handle) && knownKey(keys.phone) && knownKey(keys.email))) {
    result.orders.unchanged = new Set(orderIds).size;
    mark('prepare');
    return result;
  }

  // Work on copies: if the transaction fails, the cache must not remember what was never stored.
  const identities = new Map<string, string>();
  const newIdentities: IdentityRow[] = [];
  const newMembers = new Map<string, string>(); // id → display name
  mark('prepare');
  try {
    const deferred = cache.deferred;
    const undo = cache.undo;
    // A session's batch also writes its journal and what it must put back on cancel (the caches table; old schemas in tests have none).
    const tables = [db.members, db.identities, db.orders, db.tierChanges, ...(deferred || undo ? [db.caches] : [])];
    let batchUndo: BatchUndo | undefined;
    const outcome = await db.transaction('rw', tables, async () => {
      if (cache.origin) withOrigin(cache.origin);

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
      const mayExist = orderIds.filter((id, i) => !known(i) && (!cache.orders || cache.orders.mayExist(id)));
      const existing = new Map<string, OrderRow>();
      if (mayExist.length) for (const o of await db.orders.bulkGet(mayExist)) if (o) existing.set(o.id, o);
      mark('orders.read');

      const toPut = new Map<string, OrderRow>();
      const seen = new Set<string>(); // an order repeated within one batch counts once
      rows.forEach((row, i) => {
        const id = orderIds[i]!;
        if (known(i) && !toPut.has(id)) {
          if (!seen.has(id)) result.orders.unchanged++;
          seen.add(id);
          return;
        }
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

      // 4. Members: stats for everyone whose orders changed (their tiers follow: tiers/tier-keeper.ts).
      const counts = await refreshMembers(db, settings, changes, newMembers, now, cache, mark);
      result.members.created += counts.created;
      result.members.updated += counts.updated;
      const created = new Set(counts.waiting.filter((r) => !counts.before.has(r.id)).map((r) => r.id));
      if (deferred) await journalWaiting(db, deferred, counts.waiting, created);
      if (undo) {
        batchUndo = {
          orders: changes.map(({ before, after }) => [after.id, before ?? null]),
          members: counts.rows.map((row) => [row.id, counts.before.get(row.id) ?? null]),
          identities: newIdentities.map((i) => i.id),
          tierChanges: [], // an import records no tier move: the tier keeper does, from its commits
        };
        await recordBatchUndo(db, undo, batchUndo);
      }
      mark('journal');
      return { changes, memberRows: counts.rows, waiting: counts.waiting, created };
    });
    mark('commit');
    // Committed: now the cache may learn what was stored.
    for (const [id, memberId] of identities) cache.identities.set(id, memberId);
    for (const { after } of outcome.changes) cache.orders?.add(after.id);
    // Its orders may be in a batch known from disk: the change stream says so too, but maybe only after the next batch asked.
    if (outcome.changes.length) cache.keptTrusted = false;
    // Every order of the batch is now what its last row makes of it (merging a row twice changes nothing).
    if (rowDigests) rowDigests.forEach((digest, i) => cache.orders?.setDigest(orderIds[i]!, digest));
    for (const row of outcome.memberRows) cache.members.set(row.id, row);
    // A row waiting for the session's end is the member's latest: the copy written before is not kept twice.
    for (const row of outcome.waiting) cache.members.delete(row.id);
    if (deferred) rememberPending(deferred, outcome.waiting, outcome.created);
    if (undo && batchUndo) batchUndone(undo, batchUndo);
    return result;
  } catch (e) {
    for (const id of newMembers.keys()) cache.members.delete(id);
    throw e;
  }
}
