// The popup's Today list: overdue, due today, upcoming and suppressed, with what each row needs
// (member, tier, order, the filled message) in one answer.
import Dexie from 'dexie';
import { benefitsText, fillTemplate, formatMoney, giftText, startOfLocalDay } from '../../domain';
import { memberLanguage, type BuyerLanguage } from '../../domain/journeys/language';
import { translator, type UiLocale } from '../../i18n';
import { inListOrder, type TodaySection } from '../../domain/today';
import { holidayName, shipmentText } from '../../reminders/label';
import { catalogueOf, templateFor } from '../../reminders/template';
import type { RegularsDb } from '../../store/database';
import type { Templates } from '../../domain/journey-settings';
import { readJourneySettings } from '../../store/journey-settings';

export { templateFor };
import type { MemberRow, OrderRow, ReminderRow } from '../../domain/rows';
import type { Settings } from '../../domain/settings';
import type { StoreChange } from '../../store/changes';
import { changesShownSettings, readSettings } from '../../store/settings';
import { heldUntilChanged } from '../../store/held';
import { audienceMembers, isAudience, memberGreeting } from './audience';
import type { SegmentResolver } from './reminders';

/** Upcoming covers the next week; the list stays short enough to read at the start of a day. */
const UPCOMING_DAYS = 7;
const SUPPRESSED_LIMIT = 200;

export interface TodayRow {
  id: string;
  section: TodaySection;
  memberId: string;
  memberName: string;
  tier: { id: string; name: string; color: string };
  kind?: ReminderRow['kind'];
  reason: string;
  orderId?: string | undefined;
  orderNo?: string | undefined;
  amount?: string | undefined;
  dueAt: number;
  refAt?: number | undefined;
  detail?: string | undefined;
  state: ReminderRow['state'];
  assignee?: string | undefined;
  suppressedBecause?: string | undefined;
  priority: number;
  /** The language `message` is written in: the member's. */
  language?: BuyerLanguage | undefined;
  /** The parcel gift's text, for a parcel-gift reminder. */
  gift?: string | undefined;
  message: string;
  /** A tier upgrade: the new tier's benefits, in the list's language. */
  benefits?: string | undefined;
}

export interface TodayGroup {
  section: TodaySection;
  /** The journey kind, or 'manual'. */
  kind: string;
  total: number;
}

export interface TodayList {
  now: number;
  /**
   * Every group with its full count, in the order the popup shows them (domain/today.ts); `rows` holds
   * the first `perGroup` of each, highest priority first.
   */
  groups: TodayGroup[];
  timeZone: string;
  rows: TodayRow[];
  /** Everyone reminders are or were assigned to, and the agent's own name: for "reassign". */
  assignees: string[];
  me: string;
}

/** The message in the buyer's language (journeys/language.ts), whatever the agent's screen is in. */
function messageOf(
  r: ReminderRow,
  member: MemberRow | undefined,
  order: OrderRow | undefined,
  tierName: string,
  language: BuyerLanguage,
  templates: Templates,
  benefits: string | undefined,
  gift?: string,
): string {
  const t = translator(catalogueOf(language));
  // A tier upgrade names what the new tier brings, whatever the template says.
  const more = benefits ? ` ${t('journey.tierUp.benefits', { benefits })}` : '';
  return fillTemplate(templateFor(r.kind ?? 'manual', language, templates), {
    name: member?.displayName ?? '',
    orderNo: order?.orderNo,
    amount: order ? formatMoney(order.amountMinor, order.currency, language) : undefined,
    tier: tierName,
    holiday: r.kind === 'holiday' ? holidayName(t, r.detail) : undefined,
    carrier: order?.carrier,
    trackingNo: order?.trackingNo,
    shipment: shipmentText(t, order),
    gift,
  }) + more;
}

function readActive(db: RegularsDb, startToday: number, horizon: number): Promise<ReminderRow[]> {
  return db.transaction('r', [db.reminders], async () => {
    const [open, snoozed, suppressed] = await Promise.all([
      db.reminders.where('[state+dueAt]').between(['open', Dexie.minKey], ['open', horizon]).toArray(),
      db.reminders.where('[state+dueAt]').between(['snoozed', Dexie.minKey], ['snoozed', horizon]).toArray(),
      db.reminders.where('[state+dueAt]').between(['suppressed', startToday - 7 * 86_400_000], ['suppressed', horizon]).limit(SUPPRESSED_LIMIT).toArray(),
    ]);
    return open.concat(snoozed, suppressed);
  });
}

// The list's reminders, held while the reminders table is unchanged, per day: the popup opens many
// times a day, and reading thousands of rows through an index takes Chromium most of the popup's
// time (tests/bench 'popup-today-open'). Any write to reminders, in this context or another, drops them.
const activeHeld = heldUntilChanged<ReminderRow[]>(['reminders']);
const activeRows = (db: RegularsDb, startToday: number, horizon: number) => activeHeld.get(db, `${startToday}:${horizon}`, () => readActive(db, startToday, horizon));

/** Rows per section and reason sent at first: the popup shows a few and asks for more. */
export const DEFAULT_PER_GROUP = 20;

export interface TodayOptions {
  locale: UiLocale;
  mine?: boolean | undefined;
  memberId?: string | undefined;
  perGroup?: number | undefined;
  /** Who the agent is (the team user while connected to a team); the author name otherwise. */
  me?: string | undefined;
  /** Resolves a holiday audience's saved segment. */
  resolveSegment?: SegmentResolver | undefined;
}

// Whole lists, per database and question, for the day they were made: any write to what they
// show (reminders, members, orders, settings, the segments of an audience) drops them.
/** The tables besides the settings that Today's list shows something of: a write to any of them changes the list. */
const TODAY_TABLES = new Set(['reminders', 'members', 'orders', 'segments']);
/** Whether a committed write may change what Today shows (the list held here, the popup's kept first screen). */
export const changesToday = (change: StoreChange): boolean => change.tables.some((t) => TODAY_TABLES.has(t.table)) || changesShownSettings(change);
const lists = heldUntilChanged<TodayList>(changesToday);

/** The Today list as of `now`; the same question on the same day is answered from memory until something it shows changes. */
export async function todayList(db: RegularsDb, now: number, options: TodayOptions): Promise<TodayList> {
  const { timeZone } = await readSettings(db);
  const key = JSON.stringify([startOfLocalDay(now, timeZone), timeZone, options.locale, options.mine ?? false, options.memberId ?? '', options.perGroup ?? DEFAULT_PER_GROUP, options.me ?? '']);
  return { ...(await lists.get(db, key, () => computeTodayList(db, now, options))), now };
}

async function computeTodayList(db: RegularsDb, now: number, options: TodayOptions): Promise<TodayList> {
  const settings: Settings = await readSettings(db);
  const { templates } = await readJourneySettings(db);
  const tz = settings.timeZone;
  const startToday = startOfLocalDay(now, tz);
  const startTomorrow = startOfLocalDay(startToday + 36 * 3_600_000, tz);
  const horizon = startTomorrow + UPCOMING_DAYS * 86_400_000;
  const me = (options.me ?? settings.authorName).trim();
  const perGroup = options.perGroup ?? DEFAULT_PER_GROUP;
  const sectionOf = (r: ReminderRow): TodaySection => (r.state === 'suppressed' ? 'suppressed' : r.dueAt < startToday ? 'overdue' : r.dueAt < startTomorrow ? 'today' : 'upcoming');
  const groups: TodayGroup[] = [];
  const listed = options.memberId ? undefined : await activeRows(db, startToday, horizon);
  const mine = (r: ReminderRow) => !options.mine || !me || (r.assignee ?? '').toLowerCase() === me.toLowerCase();
  // Audience greetings stand for their members: the first of each by spend are listed, the rest counted.
  const audiences = (listed ?? (await activeRows(db, startToday, horizon))).filter((r) => isAudience(r) && mine(r));
  const greeted = await Promise.all(audiences.map((a) => audienceMembers(db, a, now, options.resolveSegment)));
  const { rows, members, orders } = await db.transaction('r', [db.reminders, db.members, db.orders], async () => {
    let rows: ReminderRow[];
    if (options.memberId) rows = (await db.reminders.where('memberId').equals(options.memberId).toArray()).filter((r) => r.state === 'open' || r.state === 'snoozed' || r.state === 'suppressed');
    else rows = listed!.filter((r) => !isAudience(r));
    rows = rows.filter(mine);
    const more = new Map<string, number>();
    audiences.forEach((a, i) => {
      const of = options.memberId ? greeted[i]!.filter((m) => m.id === options.memberId) : greeted[i]!;
      rows.push(...of.slice(0, perGroup).map((m) => memberGreeting(a, m)));
      const key = `${sectionOf(a)}|holiday`;
      more.set(key, (more.get(key) ?? 0) + Math.max(0, of.length - perGroup));
    });
    // Group and rank before reading members and orders: only the rows sent need them.
    const byGroup = new Map<string, ReminderRow[]>();
    for (const r of rows) {
      const key = `${sectionOf(r)}|${r.kind ?? 'manual'}`;
      const group = byGroup.get(key);
      if (group) group.push(r);
      else byGroup.set(key, [r]);
    }
    rows = [];
    for (const [key, group] of byGroup) {
      group.sort((a, b) => (b.priority ?? 0) - (a.priority ?? 0) || a.dueAt - b.dueAt);
      const [section, kind] = key.split('|') as [TodaySection, string];
      groups.push({ section, kind, total: group.length + (more.get(key) ?? 0) });
      rows.push(...group.slice(0, perGroup));
    }
    const memberIds = [...new Set(rows.map((r) => r.memberId))];
    const orderIds = [...new Set(rows.map((r) => r.orderId).filter((id): id is string => !!id))];
    const [m, o] = await Promise.all([db.members.bulkGet(memberIds), db.orders.bulkGet(orderIds)]);
    return {
      rows,
      members: new Map(m.filter((x): x is MemberRow => !!x).map((x) => [x.id, x])),
      orders: new Map(o.filter((x): x is OrderRow => !!x).map((x) => [x.id, x])),
    };
  });
  const tiers = new Map(settings.tierLadder.steps.map((s) => [s.id, s]));
  const floor = settings.tierLadder.steps[0]!;
  const assignees = new Set<string>(me ? [me] : []);
  const out: TodayRow[] = rows.map((r) => {
    const member = members.get(r.memberId);
    const order = r.orderId ? orders.get(r.orderId) : undefined;
    const tier = tiers.get(member?.tierId ?? '') ?? floor;
    if (r.assignee) assignees.add(r.assignee);
    const section = sectionOf(r);
    const upTo = r.kind === 'tierUp' && r.detail ? tiers.get(r.detail) : undefined;
    const benefits = upTo ? benefitsText(upTo, options.locale) : undefined;
    const language = member ? memberLanguage(member, order?.platform) : options.locale;
    // The parcel gift of the member's tier, for the packer (in the screen's language).
    const gift = r.kind === 'parcelGift' ? (giftText(tier, options.locale) ?? translator(options.locale)('gift.none')) : undefined;
    return {
      id: r.id,
      section,
      memberId: r.memberId,
      memberName: member?.displayName ?? r.memberId,
      tier: { id: tier.id, name: tier.name, color: tier.color },
      kind: r.kind,
      reason: r.reason,
      orderId: r.orderId,
      orderNo: order?.orderNo,
      amount: order ? formatMoney(order.amountMinor, order.currency, options.locale) : undefined,
      dueAt: r.dueAt,
      refAt: r.refAt,
      detail: r.detail,
      state: r.state,
      assignee: r.assignee,
      suppressedBecause: r.suppressedBecause,
      priority: r.priority ?? member?.spendMinor ?? 0,
      language,
      gift,
      message: messageOf(r, member, order, tier.name, language, templates, upTo ? benefitsText(upTo, language) : undefined, gift),
      benefits,
    };
  });
  return { now, timeZone: tz, ...inListOrder(out, groups), assignees: [...assignees].sort(), me };
}
