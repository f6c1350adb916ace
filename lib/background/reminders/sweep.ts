// The scheduled sweep: every journey rule over the whole store, reading only what the rules can use
// (the per-member evaluation, and what both share, is in reminders.ts).
import Dexie from 'dexie';
import { DAY_MS, followUpPending, lapseDayOf, localDayNumber, proposedReminders, secondPurchaseDays, type JourneyFacts, type JourneyMember } from '../../domain';
import type { OrderRow, ReminderRow } from '../../domain/rows';
import type { RegularsDb } from '../../store/database';
import { generationKey, newGeneration } from '../../store/generation';
import { generationOf } from '../../store/kept';
import { readJourneySettings } from '../../store/journey-settings';
import { readSettings } from '../../store/settings';
import { movesOf } from '../../domain/tier-moves';
import { reportSpan } from '../lane';
import { eachMember, memberAt } from '../../domain/member-columns';
import { memberColumns, type FactMember } from '../segments/member-snapshot';
import { ACTIVE, dismissObsolete, lastContacts, leftOpenOf, MAX_CAP_MS, ORDER_LOOKBACK_MS, ruleSegments, savedSegments, segmentOf, store, STORE_SLICE, toOrder, type Evaluation, type SegmentResolver } from './reminders';

/**
 * The generations (generation.ts) of orders and tier changes, and the settings of the rules that
 * read them, as the last sweep that read them saw them. Kept in caches, which the change stream does
 * not watch: in settings, every sweep's note of what it read dropped every reader's held settings
 * (and the Today and audience caches built on them).
 */
const ROWS_SWEPT_KEY = 'reminders:rowsSwept';
type RowsSwept = { orders?: string; tierChanges?: string; rules?: string };

/** The generation mark of a table; a store that has none yet (no write since it was made) gets one (kept by keepMarks). */
async function markOf(db: RegularsDb, table: 'orders' | 'tierChanges'): Promise<{ mark: string; fresh: boolean }> {
  const mark = await generationOf(db, table);
  return mark !== undefined ? { mark, fresh: false } : { mark: newGeneration(), fresh: true };
}

/**
 * Records what this sweep read. A fresh mark is written only where the table still has none: a
 * write since then made its own, which differs from the one recorded here, so the next sweep reads again.
 */
async function keepMarks(db: RegularsDb, marks: RowsSwept, fresh: ReadonlyArray<'orders' | 'tierChanges'>): Promise<void> {
  await db.transaction('rw', [db.caches], async () => {
    for (const table of fresh) {
      const key = generationKey(table);
      if (!(await db.caches.get(key))) await db.caches.put({ key, value: marks[table] });
    }
    await db.caches.put({ key: ROWS_SWEPT_KEY, value: marks });
  });
}

const byId = new WeakMap<readonly string[], Map<string, number>>();
/**
 * Where this member id is among the facts' ids, or -1. They are kept in id order
 * (member-columns-patch.ts), so it is found by halving: a map of 100k ids, made anew whenever a
 * member changed, cost the first sweep after it a tenth of a second for the few hundred members it
 * looks up. An id not found so is looked up in that map, made once per ids (a member deleted, ids in another order).
 */
export function indexOfId(ids: readonly string[], id: string): number {
  let lo = 0;
  let hi = ids.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const at = ids[mid]!;
    if (at === id) return mid;
    if (at < id) lo = mid + 1;
    else hi = mid - 1;
  }
  let map = byId.get(ids);
  if (!map) byId.set(ids, (map = new Map(ids.map((m, i) => [m, i]))));
  return map.get(id) ?? -1;
}

/** Orders the sweep reads per request: the last 60 days of a 200 MB import (56k orders) read at once held 24 MB. */
export const ORDER_PAGE = 5000;

/**
 * The orders placed since `from`, in the index's order, read a page at a time (inside the caller's
 * transaction); only those `keep` wants are kept. A page's last moment is left to the next page,
 * which reads it whole: orders placed at one moment are neither lost nor doubled at a page's edge.
 */
export async function recentOrders(db: RegularsDb, from: number, keep: (o: OrderRow) => boolean, page = ORDER_PAGE): Promise<OrderRow[]> {
  const out: OrderRow[] = [];
  const take = (rows: readonly OrderRow[]) => {
    for (const o of rows) if (keep(o)) out.push(o);
  };
  let lo = from;
  let past = false;
  for (;;) {
    const index = db.orders.where('placedAt');
    const rows = await (past ? index.above(lo) : index.aboveOrEqual(lo)).limit(page).toArray();
    if (rows.length < page) {
      take(rows);
      return out;
    }
    const edge = rows[rows.length - 1]!.placedAt;
    if (rows[0]!.placedAt === edge) {
      // A whole page placed at one moment: that moment whole, then past it.
      take(await db.orders.where('placedAt').equals(edge).toArray());
      past = true;
    } else {
      take(rows.filter((o) => o.placedAt < edge));
      past = false;
    }
    lo = edge;
  }
}

/**
 * The scheduled sweep: every rule over the whole store, reading only what the rules can use.
 *
 * Members come from the member facts (member-snapshot.ts: in memory, or one record on disk), not
 * from the members table, read where they are kept as columns: only the members picked become
 * objects (decoding all 273k of a 200 MB import kept 34 MB live after it). Orders and tier changes
 * are read only when they changed since the last sweep that read them (their generation mark moved) or the settings of the rules that use them
 * did: those rules propose a reminder from the row's own fields and its member, and the passing of
 * time only ever takes proposals away (each has a look-back), so rows already evaluated can
 * propose nothing new. Rows that change are evaluated as they change (evaluateMembers, the sweep
 * after a big import or a new tier ladder), and a member who changes is evaluated with all of theirs.
 *
 * `checkObsolete`: also dismiss active reminders whose reason went away. Needed after a big import
 * (its orders were not evaluated member by member); the hourly sweep leaves it out: every other
 * change of an order or a member goes through evaluateMembers, which checks them.
 */
export async function sweepReminders(db: RegularsDb, now: number, resolveSegment?: SegmentResolver, checkObsolete = false): Promise<Evaluation> {
  const phases: Record<string, number> = {};
  let mark = performance.now();
  const phase = (name: string) => {
    const t = performance.now();
    phases[name] = (phases[name] ?? 0) + t - mark;
    reportSpan(`sweep.${name}`, mark, t);
    mark = t;
  };
  const settings = await readSettings(db);
  phase('settings');
  const { rules } = await readJourneySettings(db);
  phase('journeySettings');
  const tz = settings.timeZone;
  const saved = await savedSegments(ruleSegments(rules), resolveSegment);
  phase('savedSegments');
  const { columns, ids } = await memberColumns(db);
  phase('facts');
  const rulesKey = JSON.stringify([rules.unpaid, rules.shipped, rules.followUp, rules.tierUp, rules.parcelGift]);
  const lapseAt = now - settings.lapseDays * DAY_MS;
  // Near the lapse day or one of the later win-back steps' days.
  const winBackDue = (last: number) => rules.winBack.steps.some((step) => last >= lapseAt - (step + 9) * DAY_MS && last <= lapseAt - (step - 1) * DAY_MS);
  const secondAt = now - rules.secondPurchase.days * DAY_MS;
  // Only these orders can make a reminder now (see the order rules' look-backs); the others are
  // read for obsolete checks alone and need no member.
  const recent = now - 3 * DAY_MS;
  const isRelevant = (o: OrderRow) =>
    (o.status === 'unpaid' ? o.placedAt >= recent : o.status === 'paid' ? (o.paidAt ?? o.placedAt) >= recent : o.status === 'shipped' && (o.shippedAt ?? o.placedAt) >= recent) ||
    followUpPending(o, rules.followUp, now);
  // Read in one read-only transaction (the marks with the rows they stand for): a write elsewhere
  // waits for neither the rules nor the store below, and what is stored is checked where it is written.
  const read = await db.transaction('r', [db.orders, db.tierChanges, db.reminders, db.contacts, db.caches], async () => {
    phase('waitForStore');
    const orderMark = await markOf(db, 'orders');
    const tierMark = await markOf(db, 'tierChanges');
    const marks: RowsSwept = { orders: orderMark.mark, tierChanges: tierMark.mark, rules: rulesKey };
    const fresh = [...(orderMark.fresh ? ['orders' as const] : []), ...(tierMark.fresh ? ['tierChanges' as const] : [])];
    const last = ((await db.caches.get(ROWS_SWEPT_KEY))?.value as RowsSwept | undefined) ?? {};
    const readAll = checkObsolete || last.rules !== rulesKey;
    const readOrders = readAll || last.orders !== marks.orders;
    const readTierChanges = readAll || last.tierChanges !== marks.tierChanges;
    const [tierChanges, done, contacts, active] = await Promise.all([
      readTierChanges ? db.tierChanges.where('at').aboveOrEqual(now - 8 * DAY_MS).toArray().then((rows) => movesOf(rows)) : [],
      db.reminders.where('[state+dueAt]').between(['done', now - ORDER_LOOKBACK_MS], ['done', Dexie.maxKey]).toArray(),
      db.contacts.where('at').aboveOrEqual(now - MAX_CAP_MS).toArray(),
      checkObsolete ? Promise.all(ACTIVE.map((s) => db.reminders.where('[state+dueAt]').between([s, Dexie.minKey], [s, Dexie.maxKey]).toArray())).then((a) => a.flat()) : [],
    ]);
    // Of the orders, only those some rule reads are kept: the relevant ones below, and those of the
    // reminders read (left-open follow-ups, obsolete checks).
    const referenced = new Set<string>();
    for (const r of [...done, ...active]) if (r.orderId) referenced.add(r.orderId);
    const orders = readOrders ? await recentOrders(db, now - ORDER_LOOKBACK_MS, (o) => isRelevant(o) || referenced.has(o.id)) : [];
    return { marks, fresh, readOrders, orders, tierChanges, done, contacts, active };
  });
  const { marks, fresh, orders, tierChanges, done, contacts, active } = read;
  phase(read.readOrders ? 'readOrdersAndMore' : 'readRemindersContacts');
  const relevant = orders.filter(isRelevant);
  // The members some rule can propose for now (a holiday greeting is one row for its whole
  // audience, holiday.ts, and needs none of them): near the lapse threshold or the second-purchase
  // day, with a birthday, recent buyers when tiers moved (tier-up.ts), and the members of the
  // orders and follow-ups above.
  const picked = new Map<string, FactMember>();
  const recentBuyer = now - 8 * DAY_MS;
  const today = localDayNumber(now, tz);
  const cycles = settings.categoryCycles;
  // A member who buys categories lapses on their own day, and a one-time buyer's second
  // purchase follows the category's cycle (categories.ts): near either, they are read.
  const byCategory = (m: FactMember) => {
    const lapseDay = lapseDayOf(m, cycles, settings.lapseDays, tz)!;
    if (lapseDay >= today - 9 && lapseDay <= today + 1) return true;
    if (m.orderCount !== 1 || m.firstOrderAt === undefined) return false;
    const due = m.firstOrderAt + secondPurchaseDays(m.categoryLastAt, cycles, rules.secondPurchase.days) * DAY_MS;
    return due >= now - 8 * DAY_MS && due <= now + 8 * DAY_MS;
  };
  // Visited without an object each (eachMember refills one): only the picked are copied.
  eachMember(columns, ids, (m) => {
    const last = m.lastOrderAt;
    const nearSecond = last !== undefined && last >= secondAt - 8 * DAY_MS && last <= secondAt + 8 * DAY_MS;
    const byLastOrder = last !== undefined && (winBackDue(last) || nearSecond || (tierChanges.length > 0 && last >= recentBuyer));
    if (
      (m.categoryLastAt && byCategory(m)) ||
      m.profile.birthday ||
      byLastOrder
    )
      picked.set(m.id, { ...m });
  });
  for (const id of [...relevant.map((o) => o.memberId), ...done.map((r) => r.memberId)]) {
    if (picked.has(id)) continue;
    const i = indexOfId(ids, id);
    if (i >= 0) picked.set(id, memberAt(columns, i, id));
  }
  const chosen = [...picked.values()];
  const members = new Map<string, JourneyMember>(chosen.map((m) => [m.id, m]));
  const orderMap = new Map(orders.map((o) => [o.id, o]));
  const journeyFacts: JourneyFacts = {
    now,
    timeZone: tz,
    lapseDays: settings.lapseDays,
    categoryCycles: settings.categoryCycles,
    members,
    orders: relevant.map(toOrder),
    tierChanges,
    leftOpen: leftOpenOf(done, orderMap),
    segmentOf: segmentOf(settings, now),
    savedSegments: saved,
  };
  const contacted = lastContacts(contacts);
  phase('pick');
  const proposed = proposedReminders(journeyFacts, rules, (id) => contacted.get(id));
  phase('propose');
  const result = await store(db, proposed, now, STORE_SLICE);
  phase('store');
  // Judged on the rows as they are now: one done or snoozed since the read above stays as staff left it.
  if (checkObsolete)
    result.obsolete = await db.transaction('rw', db.reminders, async () => {
      const current = await db.reminders.bulkGet(active.map((r) => r.id));
      return dismissObsolete(db, current.filter((r): r is ReminderRow => !!r && (r.state === 'open' || r.state === 'snoozed')), members, orderMap, now, false);
    });
  await keepMarks(db, marks, fresh);
  phase('commit');
  return { ...result, phases };
}
