// Reminders in the store: journey rules evaluated in one sweep and per member, respect kept on
// every write. What staff do with a reminder is in reminder-actions.ts, what is due in due.ts.
import Dexie from 'dexie';
import {
  DAY_MS,
  proposedReminders,
  RULES,
  ruleOfKind,
  rfmScore,
  type JourneyFacts,
  type JourneyKind,
  type JourneyMember,
  type JourneyOrder,
  type JourneyRule,
  type JourneyRules,
  type LeftOpenFollowUp,
  type Proposed,
} from '../../domain';
import { type RegularsDb } from '../../store/database';
import { readJourneySettings } from '../../store/journey-settings';
import type { ContactRow, MemberRow, OrderRow, ReminderRow, TierChangeRow } from '../../domain/rows';
import { isTierMoves, movesOf } from '../../domain/tier-moves';
import { type Settings } from '../../domain/settings';
import { readSettings } from '../../store/settings';
import { formerlyStored } from './former-ids';
import { storedKeys } from './stored-keys';

/** Saved segments are another feature's: the lead wires their resolver in. */
export type SegmentResolver = (segmentId: string) => Promise<Set<string>>;

/** Orders older than this are past every order rule (unpaid, shipped, a follow-up delivered ~15 days ago). */
export const ORDER_LOOKBACK_MS = 60 * DAY_MS;
export const ACTIVE = ['open', 'snoozed'] as const;
export const MAX_CAP_MS = 90 * DAY_MS;
export { KEYS_ABOVE } from './stored-keys';
/**
 * Proposals a sweep writes per transaction: between slices, other work on reminders gets through
 * (Today's list, a Done), where the first sweep after a big import held the table for seconds.
 */
export const STORE_SLICE = 2000;

const toMember = (m: MemberRow): JourneyMember => ({
  id: m.id,
  tierId: m.tierId,
  doNotContact: m.doNotContact,
  orderCount: m.orderCount,
  spendMinor: m.spendMinor,
  firstOrderAt: m.firstOrderAt,
  lastOrderAt: m.lastOrderAt,
  profile: m.profile,
  categoryLastAt: m.categoryLastAt,
});
export const toOrder = (o: OrderRow): JourneyOrder => ({
  id: o.id,
  memberId: o.memberId,
  status: o.status,
  amountMinor: o.amountMinor,
  placedAt: o.placedAt,
  paidAt: o.paidAt,
  shippedAt: o.shippedAt,
  deliveredAt: o.deliveredAt,
});

export const TABLES = (db: RegularsDb) => [db.members, db.orders, db.reminders, db.contacts, db.tierChanges, db.settings, db.caches];

export interface Evaluation {
  created: number;
  suppressed: number;
  reopened: number;
  obsolete: number;
  /** Where a sweep's time went (ms per phase), for the benchmark. */
  phases?: Record<string, number> | undefined;
}

export function segmentOf(settings: Settings, now: number) {
  const breaks = settings.rfmBreaks;
  return (m: JourneyMember) => (breaks ? rfmScore(m, breaks, now, settings.timeZone)?.segment : undefined);
}

/** The saved segments the rules read members of: win-back's (a holiday's are read when its audience is listed, audience.ts). */
export const ruleSegments = (rules: JourneyRules): string[] => (rules.winBack.enabled && rules.winBack.segmentId ? [rules.winBack.segmentId] : []);

export async function savedSegments(wanted: Iterable<string>, resolve?: SegmentResolver): Promise<Map<string, Set<string>>> {
  const out = new Map<string, Set<string>>();
  if (!resolve) return out;
  for (const id of new Set(wanted)) out.set(id, await resolve(id).catch(() => new Set<string>()));
  return out;
}

export function leftOpenOf(rows: readonly ReminderRow[], orders: ReadonlyMap<string, Pick<OrderRow, 'deliveredAt'>>): LeftOpenFollowUp[] {
  const out: LeftOpenFollowUp[] = [];
  for (const r of rows) {
    if (r.kind !== 'followUp' || r.state !== 'done' || r.outcome !== 'leftOpen' || !r.orderId) continue;
    const deliveredAt = r.refAt ?? orders.get(r.orderId)?.deliveredAt;
    if (deliveredAt !== undefined) out.push({ memberId: r.memberId, orderId: r.orderId, deliveredAt });
  }
  return out;
}

export function lastContacts(contacts: readonly ContactRow[]): Map<string, number> {
  const last = new Map<string, number>();
  for (const c of contacts) if ((last.get(c.memberId) ?? -1) < c.at) last.set(c.memberId, c.at);
  return last;
}

/**
 * Writes what the rules propose: new ids are added; a reminder that already exists is never made
 * again (done and dismissed stay so), only moved between open and suppressed when do-not-contact changed.
 * `slice`: at most this many per transaction, with a pause for other work between (a sweep; never
 * inside a caller's transaction, which a pause would end).
 */
export async function store(db: RegularsDb, proposed: readonly Proposed[], now: number, slice = Infinity): Promise<Evaluation> {
  const result: Evaluation = { created: 0, suppressed: 0, reopened: 0, obsolete: 0 };
  const unique = new Map(proposed.map((p) => [p.id, p]));
  let ids = [...unique.keys()].sort();
  const step = Dexie.currentTransaction ? Infinity : slice;
  if (step !== Infinity) {
    // A sweep proposes thousands, nearly all stored already: which are is read once, without
    // holding the table for writing, and only the others are written (each checked again there,
    // to see one made meanwhile). Every slice read and held the table, a sweep that made nothing too.
    const known = await storedKeys(db, ids);
    ids = ids.filter((id) => !known.has(id));
  }
  for (let i = 0; i < ids.length; i += step) {
    if (i > 0) await new Promise((resolve) => setTimeout(resolve, 0));
    const part = await storeSlice(db, ids.slice(i, i + step), unique, now);
    result.created += part.created;
    result.suppressed += part.suppressed;
  }
  return result;
}

/** One transaction of store(): which of `ids` exist is checked and the others added over reminders alone, so a reminder made meanwhile is seen. */
function storeSlice(db: RegularsDb, ids: readonly string[], unique: ReadonlyMap<string, Proposed>, now: number) {
  return db.transaction('rw', db.reminders, async () => {
    const result = { created: 0, suppressed: 0 };
    const known = await storedKeys(db, ids);
    for (const id of await formerlyStored(db, ids.filter((id) => !known.has(id)).map((id) => unique.get(id)!), now)) known.add(id);
    const added: ReminderRow[] = [];
    for (const id of ids) {
      if (known.has(id)) continue;
      const p = unique.get(id)!;
      added.push({
        id: p.id,
        memberId: p.memberId,
        dueAt: p.dueAt,
        reason: p.kind,
        kind: p.kind,
        orderId: p.orderId,
        refAt: p.refAt,
        detail: p.detail,
        priority: p.priority,
        state: p.state,
        suppressedBecause: p.suppressedBecause,
        createdAt: now,
        updatedAt: now,
      });
      if (p.state === 'suppressed') result.suppressed++;
      else result.created++;
    }
    if (added.length) await db.reminders.bulkAdd(added);
    return result;
  });
}

/** A member's active reminders follow their do-not-contact flag both ways, manual ones included. */
async function reconcileDoNotContact(db: RegularsDb, members: ReadonlyMap<string, JourneyMember>, now: number, mine: readonly ReminderRow[]) {
  let suppressed = 0;
  let reopened = 0;
  const changed: ReminderRow[] = [];
  for (const r of mine) {
    const member = members.get(r.memberId);
    if (!member) continue;
    if (member.doNotContact && (r.state === 'open' || r.state === 'snoozed')) {
      changed.push({ ...r, state: 'suppressed', suppressedBecause: 'doNotContact', updatedAt: now });
      suppressed++;
    } else if (!member.doNotContact && r.state === 'suppressed' && r.suppressedBecause === 'doNotContact') {
      changed.push({ ...r, state: 'open', suppressedBecause: undefined, updatedAt: now });
      reopened++;
    }
  }
  if (changed.length) await db.reminders.bulkPut(changed);
  return { suppressed, reopened };
}

/**
 * Active rule reminders whose reason went away (the order was paid, the member bought again) are
 * dismissed. The sweep passes what it read (`fetch` false): any order or member that changed since
 * the last sweep is among them, because it has a recent order.
 */
export async function dismissObsolete(
  db: RegularsDb,
  active: readonly ReminderRow[],
  members: ReadonlyMap<string, JourneyMember>,
  knownOrders: ReadonlyMap<string, OrderRow>,
  now: number,
  fetch: boolean,
): Promise<number> {
  const ruled = active.filter((r) => r.kind && (RULES[ruleOfKind(r.kind)] as JourneyRule).obsolete);
  if (!ruled.length) return 0;
  const orders = new Map([...knownOrders].map(([id, o]) => [id, toOrder(o)]));
  const more = new Map<string, JourneyMember>();
  if (fetch) {
    const orderIds = [...new Set(ruled.map((r) => r.orderId).filter((id): id is string => !!id && !orders.has(id)))];
    for (const o of await db.orders.bulkGet(orderIds)) if (o) orders.set(o.id, toOrder(o));
    const missing = [...new Set(ruled.map((r) => r.memberId).filter((id) => !members.has(id)))];
    for (const m of await db.members.bulkGet(missing)) if (m) more.set(m.id, toMember(m));
  }
  const gone: ReminderRow[] = [];
  for (const r of ruled) {
    const member = members.get(r.memberId) ?? more.get(r.memberId);
    const order = r.orderId ? orders.get(r.orderId) : undefined;
    // Order reasons are judged by the order, member reasons by the member: unknown ones stay as they are.
    if (r.kind === 'unpaid' || r.kind === 'shipped' || r.kind === 'parcelGift' ? !order : r.kind === 'followUp' || r.kind === 'followUp2' ? !order && !member : !member) continue;
    const rule = RULES[ruleOfKind(r.kind!)] as JourneyRule;
    if (rule.obsolete!(r, member, order)) gone.push({ ...r, state: 'dismissed', suppressedBecause: 'noLongerApplies', updatedAt: now });
  }
  if (gone.length) await db.reminders.bulkPut(gone);
  return gone.length;
}

/** Evaluates the rules for these members only: after their orders or profile changed. */
export async function evaluateMembers(db: RegularsDb, memberIds: readonly string[], now: number, resolveSegment?: SegmentResolver): Promise<Evaluation> {
  const ids = [...new Set(memberIds)];
  if (!ids.length) return { created: 0, suppressed: 0, reopened: 0, obsolete: 0 };
  const settings = await readSettings(db);
  const { rules } = await readJourneySettings(db);
  const saved = await savedSegments(ruleSegments(rules), resolveSegment);
  return db.transaction('rw', TABLES(db), async () => {
    const memberRows = (await db.members.bulkGet(ids)).filter((m): m is MemberRow => !!m);
    const members = new Map(memberRows.map((m) => [m.id, toMember(m)]));
    const orders: OrderRow[] = [];
    const tierChanges: TierChangeRow[] = [];
    const reminders: ReminderRow[] = [];
    const contacts: ContactRow[] = [];
    // A ladder apply's moves are one record for every member (tier-moves.ts): the recent ones, read once.
    const applied = (await db.tierChanges.where('at').aboveOrEqual(now - 8 * DAY_MS).toArray()).filter(isTierMoves);
    tierChanges.push(...movesOf(applied, new Set(members.keys())));
    await Promise.all(
      [...members.keys()].map(async (id) => {
        const [o, t, r, c] = await Promise.all([
          db.orders.where('[memberId+placedAt]').between([id, now - ORDER_LOOKBACK_MS], [id, Dexie.maxKey]).toArray(),
          db.tierChanges.where('memberId').equals(id).toArray(),
          db.reminders.where('memberId').equals(id).toArray(),
          db.contacts.where('[memberId+at]').between([id, now - MAX_CAP_MS], [id, Dexie.maxKey]).toArray(),
        ]);
        orders.push(...o);
        tierChanges.push(...movesOf(t));
        reminders.push(...r);
        contacts.push(...c);
      }),
    );
    const facts: JourneyFacts = {
      now,
      timeZone: settings.timeZone,
      lapseDays: settings.lapseDays,
      categoryCycles: settings.categoryCycles,
      members,
      orders: orders.map(toOrder),
      tierChanges,
      leftOpen: leftOpenOf(reminders, new Map(orders.map((o) => [o.id, o]))),
      segmentOf: segmentOf(settings, now),
      savedSegments: saved,
    };
    const last = lastContacts(contacts);
    const obsolete = await dismissObsolete(db, reminders.filter((r) => r.state === 'open' || r.state === 'snoozed'), members, new Map(orders.map((o) => [o.id, o])), now, true);
    const result = await store(db, proposedReminders(facts, rules, (id) => last.get(id)), now);
    const moved = await reconcileDoNotContact(db, members, now, await db.reminders.where('memberId').anyOf([...members.keys()]).toArray());
    return { ...result, suppressed: result.suppressed + moved.suppressed, reopened: moved.reopened, obsolete };
  });
}

export type { JourneyKind };
