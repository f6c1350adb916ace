// Reminders in the store: journey rules evaluated in one sweep and per member, respect kept on every
// write, the Today list, and what staff do with a reminder (done, snooze, reassign).
import Dexie from 'dexie';
import {
  DAY_MS,
  lapseDayOf,
  localDayNumber,
  secondPurchaseDays,
  proposedReminders,
  respect,
  RULES,
  ruleOfKind,
  rfmScore,
  startOfLocalDay,
  upcomingHolidays,
  type JourneyFacts,
  type JourneyKind,
  type JourneyMember,
  type JourneyOrder,
  type JourneyRule,
  type JourneyRules,
  type LeftOpenFollowUp,
  type Proposed,
  type RuleBase,
} from '../../domain';
import { newId, type RegularsDb } from '../../store/database';
import { generationKey, newGeneration } from '../../store/generation';
import { memberFacts, type FactMember } from '../segments/member-snapshot';
import { readJourneySettings } from '../../store/journey-settings';
import type { ContactRow, MemberRow, OrderRow, ReminderRow, TierChangeRow } from '../../domain/rows';
import { type Settings } from '../../domain/settings';
import { readSettings } from '../../store/settings';
import { StoreError } from '../../store/store-error';

/** Saved segments are another feature's: the lead wires their resolver in. */
export type SegmentResolver = (segmentId: string) => Promise<Set<string>>;

/** Orders older than this are past every order rule (unpaid, shipped, a follow-up delivered ~15 days ago). */
const ORDER_LOOKBACK_MS = 60 * DAY_MS;
const ACTIVE = ['open', 'snoozed'] as const;
const MAX_CAP_MS = 90 * DAY_MS;
const KEYS_ABOVE = 500;

const toMember = (m: MemberRow): JourneyMember => ({ id: m.id, tierId: m.tierId, doNotContact: m.doNotContact, orderCount: m.orderCount, spendMinor: m.spendMinor, firstOrderAt: m.firstOrderAt, lastOrderAt: m.lastOrderAt, profile: m.profile, categoryLastAt: m.categoryLastAt });
const toOrder = (o: OrderRow): JourneyOrder => ({ id: o.id, memberId: o.memberId, status: o.status, amountMinor: o.amountMinor, placedAt: o.placedAt, paidAt: o.paidAt, shippedAt: o.shippedAt, deliveredAt: o.deliveredAt });

export interface Evaluation {
  created: number;
  suppressed: number;
  reopened: number;
  obsolete: number;
}

function segmentOf(settings: Settings, now: number) {
  const breaks = settings.rfmBreaks;
  return (m: JourneyMember) => (breaks ? rfmScore(m, breaks, now, settings.timeZone)?.segment : undefined);
}

async function savedSegments(rules: JourneyRules, now: number, timeZone: string, resolve?: SegmentResolver): Promise<Map<string, Set<string>>> {
  const out = new Map<string, Set<string>>();
  if (!resolve) return out;
  const wanted = new Set<string>();
  if (rules.winBack.enabled && rules.winBack.segmentId) wanted.add(rules.winBack.segmentId);
  if (rules.holiday.enabled) for (const { holiday } of upcomingHolidays(rules.holiday.holidays, rules.holiday.daysBefore, now, timeZone)) if (holiday.segmentId) wanted.add(holiday.segmentId);
  for (const id of wanted) out.set(id, await resolve(id).catch(() => new Set<string>()));
  return out;
}

function leftOpenOf(rows: readonly ReminderRow[], orders: ReadonlyMap<string, Pick<OrderRow, 'deliveredAt'>>): LeftOpenFollowUp[] {
  const out: LeftOpenFollowUp[] = [];
  for (const r of rows) {
    if (r.kind !== 'followUp' || r.state !== 'done' || r.outcome !== 'leftOpen' || !r.orderId) continue;
    const deliveredAt = r.refAt ?? orders.get(r.orderId)?.deliveredAt;
    if (deliveredAt !== undefined) out.push({ memberId: r.memberId, orderId: r.orderId, deliveredAt });
  }
  return out;
}

function lastContacts(contacts: readonly ContactRow[]): Map<string, number> {
  const last = new Map<string, number>();
  for (const c of contacts) if ((last.get(c.memberId) ?? -1) < c.at) last.set(c.memberId, c.at);
  return last;
}

/**
 * Writes what the rules propose: new ids are added; a reminder that already exists is never made
 * again (done and dismissed stay so), only moved between open and suppressed when do-not-contact changed.
 */
async function store(db: RegularsDb, proposed: readonly Proposed[], now: number): Promise<Evaluation> {
  const result: Evaluation = { created: 0, suppressed: 0, reopened: 0, obsolete: 0 };
  const unique = new Map(proposed.map((p) => [p.id, p]));
  const ids = [...unique.keys()];
  // Which exist already: a sweep proposes thousands, mostly made before; every key of the table
  // (one request, no rows) is cheaper then than reading those rows one by one.
  const known = ids.length > KEYS_ABOVE ? new Set(await db.reminders.toCollection().primaryKeys()) : new Set((await db.reminders.bulkGet(ids)).flatMap((r) => (r ? [r.id] : [])));
  const added: ReminderRow[] = [];
  ids.forEach((id) => {
    if (known.has(id)) return;
    const p = unique.get(id)!;
    added.push({ id: p.id, memberId: p.memberId, dueAt: p.dueAt, reason: p.kind, kind: p.kind, orderId: p.orderId, refAt: p.refAt, detail: p.detail, priority: p.priority, state: p.state, suppressedBecause: p.suppressedBecause, createdAt: now, updatedAt: now });
    if (p.state === 'suppressed') result.suppressed++;
    else result.created++;
  });
  if (added.length) await db.reminders.bulkAdd(added);
  return result;
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

/** Active rule reminders whose reason went away (the order was paid, the member bought again) are dismissed. */
/**
 * Active rule reminders whose reason went away (the order was paid, the member bought again) are
 * dismissed. The sweep passes what it read (`fetch` false): any order or member that changed since
 * the last sweep is among them, because it has a recent order.
 */
async function dismissObsolete(db: RegularsDb, active: readonly ReminderRow[], members: ReadonlyMap<string, JourneyMember>, knownOrders: ReadonlyMap<string, OrderRow>, now: number, fetch: boolean): Promise<number> {
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
    if (r.kind === 'unpaid' || r.kind === 'shipped' || r.kind === 'parcelGift' ? !order : !member) continue;
    const rule = RULES[ruleOfKind(r.kind!)] as JourneyRule;
    if (rule.obsolete!(r, member, order)) gone.push({ ...r, state: 'dismissed', suppressedBecause: 'noLongerApplies', updatedAt: now });
  }
  if (gone.length) await db.reminders.bulkPut(gone);
  return gone.length;
}

const HOLIDAYS_SWEPT_KEY = 'remindersHolidaysSwept';
/**
 * The generations (generation.ts) of orders and tier changes, and the settings of the rules that
 * read them, as the last sweep that read them saw them.
 */
const ROWS_SWEPT_KEY = 'remindersRowsSwept';
type RowsSwept = { orders?: string; tierChanges?: string; rules?: string };

/** The generation mark of a table; a store that has none yet (no write since it was made) gets one. */
async function markOf(db: RegularsDb, table: 'orders' | 'tierChanges'): Promise<string> {
  const mark = (await db.caches.get(generationKey(table)))?.value as string | undefined;
  if (mark !== undefined) return mark;
  const fresh = newGeneration();
  await db.caches.put({ key: generationKey(table), value: fresh });
  return fresh;
}

/** A holiday occurrence (with its audience) for which every member was read once already. */
/** RFM segments move with every import: an audience by segment is read again after new cut points. */
const holidayKey = (h: { holiday: { id: string; tiers: string[]; segments: string[]; segmentId?: string | undefined }; year: number }, rfmAt: number | undefined) =>
  `${h.holiday.id}:${h.year}:${h.holiday.tiers.join(',')}:${h.holiday.segments.join(',')}:${h.holiday.segmentId ?? ''}:${h.holiday.segments.length || h.holiday.segmentId ? (rfmAt ?? '') : ''}`;

const TABLES = (db: RegularsDb) => [db.members, db.orders, db.reminders, db.contacts, db.tierChanges, db.settings, db.caches];

const byId = new WeakMap<readonly FactMember[], Map<string, FactMember>>();
function factsById(facts: readonly FactMember[]): Map<string, FactMember> {
  let map = byId.get(facts);
  if (!map) byId.set(facts, (map = new Map(facts.map((m) => [m.id, m]))));
  return map;
}

/**
 * The scheduled sweep: every rule over the whole store, reading only what the rules can use.
 *
 * Members come from the member facts (member-snapshot.ts: in memory, or one record on disk), not
 * from the members table. Orders and tier changes are read only when they changed since the last
 * sweep that read them (their generation mark moved) or the settings of the rules that use them
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
  const settings = await readSettings(db);
  const { rules } = await readJourneySettings(db);
  const tz = settings.timeZone;
  const saved = await savedSegments(rules, now, tz, resolveSegment);
  const facts = await memberFacts(db);
  const rulesKey = JSON.stringify([rules.unpaid, rules.shipped, rules.followUp, rules.tierUp, rules.parcelGift]);
  return db.transaction('rw', TABLES(db), async () => {
    // Greetings for a holiday need every member once, when it comes into view; after that members
    // who change are evaluated one by one (evaluateMembers), so later sweeps skip them.
    const upcoming = rules.holiday.enabled ? upcomingHolidays(rules.holiday.holidays, rules.holiday.daysBefore, now, tz) : [];
    const swept = new Set(((await db.settings.get(HOLIDAYS_SWEPT_KEY))?.value as string[] | undefined) ?? []);
    const keys = upcoming.map((h) => holidayKey(h, settings.rfmBreaks?.computedAt));
    const pending = keys.filter((k) => !swept.has(k));
    const holidays = pending.length > 0;
    const marks: RowsSwept = { orders: await markOf(db, 'orders'), tierChanges: await markOf(db, 'tierChanges'), rules: rulesKey };
    const last = ((await db.settings.get(ROWS_SWEPT_KEY))?.value as RowsSwept | undefined) ?? {};
    const readAll = checkObsolete || last.rules !== rulesKey;
    const readOrders = readAll || last.orders !== marks.orders;
    const readTierChanges = readAll || last.tierChanges !== marks.tierChanges;
    const lapseAt = now - settings.lapseDays * DAY_MS;
    // Near the lapse day or one of the later win-back steps' days.
    const winBackDue = (last: number) => rules.winBack.steps.some((step) => last >= lapseAt - (step + 9) * DAY_MS && last <= lapseAt - (step - 1) * DAY_MS);
    const secondAt = now - rules.secondPurchase.days * DAY_MS;
    const [orders, tierChanges, done, contacts, active] = await Promise.all([
      readOrders ? db.orders.where('placedAt').aboveOrEqual(now - ORDER_LOOKBACK_MS).toArray() : [],
      readTierChanges ? db.tierChanges.where('at').aboveOrEqual(now - 8 * DAY_MS).toArray() : [],
      db.reminders.where('[state+dueAt]').between(['done', now - ORDER_LOOKBACK_MS], ['done', Dexie.maxKey]).toArray(),
      db.contacts.where('at').aboveOrEqual(now - MAX_CAP_MS).toArray(),
      checkObsolete ? Promise.all(ACTIVE.map((s) => db.reminders.where('[state+dueAt]').between([s, Dexie.minKey], [s, Dexie.maxKey]).toArray())).then((a) => a.flat()) : [],
    ]);
    // Only these orders can make a reminder now (see the order rules' look-backs); the others are
    // read for obsolete checks alone and need no member.
    const followUpFrom = now - (rules.followUp.days + 8) * DAY_MS;
    const recent = now - 3 * DAY_MS;
    const relevant = orders.filter((o) =>
      o.status === 'unpaid' ? o.placedAt >= recent : o.status === 'paid' ? (o.paidAt ?? o.placedAt) >= recent : o.status === 'shipped' ? (o.shippedAt ?? o.placedAt) >= recent : o.status === 'delivered' && (o.deliveredAt ?? 0) >= followUpFrom,
    );
    let chosen: readonly FactMember[];
    if (holidays) chosen = facts;
    else {
      // The members some rule can propose for now: near the lapse threshold or the second-purchase
      // day, with a birthday, recent buyers when tiers moved (tier-up.ts), and the members of the
      // orders and follow-ups above.
      const all = factsById(facts);
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
      for (const m of facts) {
        const last = m.lastOrderAt;
        if (
          (m.categoryLastAt && byCategory(m)) ||
          m.profile.birthday ||
          (last !== undefined && (winBackDue(last) || (last >= secondAt - 8 * DAY_MS && last <= secondAt + 8 * DAY_MS) || (tierChanges.length > 0 && last >= recentBuyer)))
        )
          picked.set(m.id, m);
      }
      for (const id of [...relevant.map((o) => o.memberId), ...done.map((r) => r.memberId)]) {
        const m = all.get(id);
        if (m) picked.set(id, m);
      }
      chosen = [...picked.values()];
    }
    const members = new Map<string, JourneyMember>(chosen.map((m) => [m.id, m]));
    const orderMap = new Map(orders.map((o) => [o.id, o]));
    const journeyFacts: JourneyFacts = { now, timeZone: tz, lapseDays: settings.lapseDays, categoryCycles: settings.categoryCycles, members, orders: relevant.map(toOrder), tierChanges, leftOpen: leftOpenOf(done, orderMap), segmentOf: segmentOf(settings, now), savedSegments: saved };
    const contacted = lastContacts(contacts);
    // Holiday greetings are made for everyone when the holiday comes into view (above); in later
    // sweeps the members read here would only propose them again: members who change since are
    // evaluated one by one.
    const sweepRules = holidays ? rules : { ...rules, holiday: { ...rules.holiday, enabled: false } };
    const result = await store(db, proposedReminders(journeyFacts, sweepRules, (id) => contacted.get(id)), now);
    if (checkObsolete) result.obsolete = await dismissObsolete(db, active, members, orderMap, now, false);
    if (holidays) await db.settings.put({ key: HOLIDAYS_SWEPT_KEY, value: keys });
    await db.settings.put({ key: ROWS_SWEPT_KEY, value: marks });
    return result;
  });
}

/** Evaluates the rules for these members only: after their orders or profile changed. */
export async function evaluateMembers(db: RegularsDb, memberIds: readonly string[], now: number, resolveSegment?: SegmentResolver): Promise<Evaluation> {
  const ids = [...new Set(memberIds)];
  if (!ids.length) return { created: 0, suppressed: 0, reopened: 0, obsolete: 0 };
  const settings = await readSettings(db);
  const { rules } = await readJourneySettings(db);
  const saved = await savedSegments(rules, now, settings.timeZone, resolveSegment);
  return db.transaction('rw', TABLES(db), async () => {
    const memberRows = (await db.members.bulkGet(ids)).filter((m): m is MemberRow => !!m);
    const members = new Map(memberRows.map((m) => [m.id, toMember(m)]));
    const orders: OrderRow[] = [];
    const tierChanges: TierChangeRow[] = [];
    const reminders: ReminderRow[] = [];
    const contacts: ContactRow[] = [];
    await Promise.all(
      [...members.keys()].map(async (id) => {
        const [o, t, r, c] = await Promise.all([
          db.orders.where('[memberId+placedAt]').between([id, now - ORDER_LOOKBACK_MS], [id, Dexie.maxKey]).toArray(),
          db.tierChanges.where('memberId').equals(id).toArray(),
          db.reminders.where('memberId').equals(id).toArray(),
          db.contacts.where('[memberId+at]').between([id, now - MAX_CAP_MS], [id, Dexie.maxKey]).toArray(),
        ]);
        orders.push(...o);
        tierChanges.push(...t);
        reminders.push(...r);
        contacts.push(...c);
      }),
    );
    const facts: JourneyFacts = { now, timeZone: settings.timeZone, lapseDays: settings.lapseDays, categoryCycles: settings.categoryCycles, members, orders: orders.map(toOrder), tierChanges, leftOpen: leftOpenOf(reminders, new Map(orders.map((o) => [o.id, o]))), segmentOf: segmentOf(settings, now), savedSegments: saved };
    const last = lastContacts(contacts);
    const obsolete = await dismissObsolete(db, reminders.filter((r) => r.state === 'open' || r.state === 'snoozed'), members, new Map(orders.map((o) => [o.id, o])), now, true);
    const result = await store(db, proposedReminders(facts, rules, (id) => last.get(id)), now);
    const moved = await reconcileDoNotContact(db, members, now, await db.reminders.where('memberId').anyOf([...members.keys()]).toArray());
    return { ...result, suppressed: result.suppressed + moved.suppressed, reopened: moved.reopened, obsolete };
  });
}

// ---------------------------------------------------------------------------------------------
// Manual reminders and what staff do with a reminder

export async function addManualReminder(db: RegularsDb, input: { memberId: string; dueAt: number; reason: string; orderId?: string | undefined; assignee?: string | undefined }, now: number): Promise<ReminderRow> {
  const reason = input.reason.trim();
  if (!reason) throw new StoreError('invalid', 'A reminder needs a reason');
  return db.transaction('rw', [db.members, db.reminders], async () => {
    const member = await db.members.get(input.memberId);
    if (!member) throw new StoreError('not_found', `No member with id ${input.memberId}`);
    const row: ReminderRow = { id: newId('r'), memberId: input.memberId, dueAt: input.dueAt, reason, orderId: input.orderId, assignee: input.assignee || undefined, state: 'open', createdAt: now, updatedAt: now };
    // Do-not-contact is honoured everywhere: the reminder is kept, shown suppressed.
    if (member.doNotContact) Object.assign(row, { state: 'suppressed', suppressedBecause: 'doNotContact' });
    await db.reminders.add(row);
    return row;
  });
}

async function requireReminder(db: RegularsDb, id: string): Promise<ReminderRow> {
  const row = await db.reminders.get(id);
  if (!row) throw new StoreError('not_found', `No reminder with id ${id}`);
  return row;
}

/**
 * Done: the contact is logged, and the member's other active reminders that would now break the
 * frequency cap wait until it has passed (then for their contact window).
 */
export async function completeReminder(db: RegularsDb, id: string, outcome: 'resolved' | 'leftOpen', channel: string, now: number): Promise<ReminderRow> {
  const settings = await readSettings(db);
  const { rules } = await readJourneySettings(db);
  const done = await db.transaction('rw', [db.reminders, db.contacts, db.members], async () => {
    const row = await requireReminder(db, id);
    if (row.state === 'suppressed') throw new StoreError('conflict', 'This member asked not to be contacted');
    const next: ReminderRow = { ...row, state: 'done', outcome, updatedAt: now };
    await db.reminders.put(next);
    await db.contacts.add({ id: newId('c'), memberId: row.memberId, channel, reason: row.kind ?? row.reason, at: now });
    const others = (await db.reminders.where('memberId').equals(row.memberId).toArray()).filter((r) => r.id !== id && (r.state === 'open' || r.state === 'snoozed') && r.kind);
    const member = await db.members.get(row.memberId);
    const deferred: ReminderRow[] = [];
    for (const r of others) {
      const rule = rules[ruleOfKind(r.kind!)] as RuleBase;
      const respected = respect(r.dueAt, { doNotContact: member?.doNotContact ?? false }, rule, now, settings.timeZone);
      if (respected.dueAt !== r.dueAt) deferred.push({ ...r, dueAt: respected.dueAt, updatedAt: now });
    }
    if (deferred.length) await db.reminders.bulkPut(deferred);
    return next;
  });
  if (outcome === 'leftOpen' && done.kind === 'followUp') await evaluateMembers(db, [done.memberId], now);
  return done;
}

export async function snoozeReminder(db: RegularsDb, id: string, until: number, now: number): Promise<ReminderRow> {
  if (until <= now) throw new StoreError('invalid', 'Snooze until a time in the future');
  return db.transaction('rw', [db.reminders], async () => {
    const row = await requireReminder(db, id);
    if (row.state !== 'open' && row.state !== 'snoozed') throw new StoreError('conflict', `A ${row.state} reminder cannot be snoozed`);
    const next: ReminderRow = { ...row, state: 'snoozed', dueAt: until, updatedAt: now };
    await db.reminders.put(next);
    return next;
  });
}

export async function assignReminder(db: RegularsDb, id: string, assignee: string, now: number): Promise<ReminderRow> {
  return db.transaction('rw', [db.reminders], async () => {
    const row = await requireReminder(db, id);
    const next: ReminderRow = { ...row, assignee: assignee.trim() || undefined, updatedAt: now };
    await db.reminders.put(next);
    return next;
  });
}

export async function dismissReminder(db: RegularsDb, id: string, now: number): Promise<ReminderRow> {
  return db.transaction('rw', [db.reminders], async () => {
    const row = await requireReminder(db, id);
    const next: ReminderRow = { ...row, state: 'dismissed', updatedAt: now };
    await db.reminders.put(next);
    return next;
  });
}

// ---------------------------------------------------------------------------------------------
// Reading: due counts, what fell due, the next due time

/** Active reminders due before `until`, oldest first. */
export async function activeDueBefore(db: RegularsDb, until: number, after = -1): Promise<ReminderRow[]> {
  const rows = await Promise.all(ACTIVE.map((s) => db.reminders.where('[state+dueAt]').between([s, after], [s, until], false, true).toArray()));
  return rows.flat().sort((a, b) => a.dueAt - b.dueAt);
}

/** The toolbar badge: active reminders due by the end of today in the shop's zone (overdue included). */
export async function dueTodayCount(db: RegularsDb, now: number, timeZone: string): Promise<number> {
  const end = startOfLocalDay(startOfLocalDay(now, timeZone) + 36 * 3_600_000, timeZone);
  const counts = await Promise.all(ACTIVE.map((s) => db.reminders.where('[state+dueAt]').between([s, Dexie.minKey], [s, end], true, false).count()));
  return counts[0]! + counts[1]!;
}

/** The earliest active due time after `now`, for the one alarm. */
export async function nextDueAt(db: RegularsDb, now: number): Promise<number | undefined> {
  const firsts = await Promise.all(ACTIVE.map((s) => db.reminders.where('[state+dueAt]').between([s, now], [s, Dexie.maxKey], false, true).first()));
  const times = firsts.filter((r): r is ReminderRow => !!r).map((r) => r.dueAt);
  return times.length ? Math.min(...times) : undefined;
}

export type { JourneyKind };
