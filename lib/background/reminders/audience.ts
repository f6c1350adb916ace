// Holiday greetings made once for a whole audience (holiday.ts): its members are listed when someone
// looks, and a member's own greeting row is stored only when an agent acts on it.
import { AUDIENCE, audienceMemberId, audienceOf, holidayIdOf, inAudience, type JourneyMember } from '../../domain';
import type { ReminderRow } from '../../domain/rows';
import type { RegularsDb } from '../../store/database';
import { heldUntilChanged } from '../../store/held';
import { readJourneySettings } from '../../store/journey-settings';
import { changesShownSettings, readSettings } from '../../store/settings';
import { memberFacts } from '../segments/member-snapshot';
import { savedSegments, segmentOf, type SegmentResolver } from './reminders';

export const isAudience = (r: Pick<ReminderRow, 'memberId'>) => r.memberId === AUDIENCE;

// Who an audience greeting stands for changes with members (tier, RFM, do-not-contact), with the
// greetings agents acted on, with saved segments, and with the settings and the holiday's rules, not
// with the bookkeeping a waking worker writes beside them in the settings table.
const AUDIENCE_TABLES = new Set(['members', 'reminders', 'segments']);
const held = heldUntilChanged<JourneyMember[]>((change) => change.tables.some((t) => AUDIENCE_TABLES.has(t.table)) || changesShownSettings(change));

/**
 * The members an audience greeting stands for, highest spend first: those in the holiday's tiers,
 * RFM segments or saved segment, not asking not to be contacted, and without a greeting of their
 * own (one an agent acted on: it is listed as itself). Shared between callers: never change it.
 */
export function audienceMembers(db: RegularsDb, audience: ReminderRow, now: number, resolveSegment?: SegmentResolver): Promise<JourneyMember[]> {
  return held.get(db, `${audience.id}:${Math.floor(now / 86_400_000)}`, async () => {
    const [settings, { rules }, facts] = await Promise.all([readSettings(db), readJourneySettings(db), memberFacts(db)]);
    const holiday = rules.holiday.holidays.find((h) => h.id === holidayIdOf(audience.id));
    if (!holiday) return [];
    const saved = await savedSegments(holiday.segmentId ? [holiday.segmentId] : [], resolveSegment);
    // A member's own greeting keeps the audience's due time or a later one (snoozed): read from there.
    const own = new Set<string>();
    await db.reminders
      .where('dueAt')
      .aboveOrEqual(audience.dueAt)
      .each((r) => {
        if (audienceOf(r.id)?.audienceId === audience.id) own.add(r.memberId);
      });
    const segment = segmentOf(settings, now);
    const out = facts.filter((m) => !m.doNotContact && !own.has(m.id) && inAudience(holiday, m, segment, saved));
    return out.sort((a, b) => b.spendMinor - a.spendMinor);
  });
}

/** A member's greeting out of an audience greeting, as it would be stored (not stored yet). */
export const memberGreeting = (audience: ReminderRow, member: Pick<JourneyMember, 'id' | 'spendMinor'>): ReminderRow => ({
  ...audience,
  id: audienceMemberId(audience.id, member.id),
  memberId: member.id,
  priority: member.spendMinor,
});

/**
 * The stored reminder with this id; for a member's greeting out of an audience greeting that nobody
 * acted on yet, it is stored now (the caller acts on it). Call inside a transaction on reminders and members.
 */
export async function storedReminder(db: RegularsDb, id: string, now: number): Promise<ReminderRow | undefined> {
  const row = await db.reminders.get(id);
  const of = row ? undefined : audienceOf(id);
  if (!of) return row;
  const [audience, member] = await Promise.all([db.reminders.get(of.audienceId), db.members.get(of.memberId)]);
  if (!audience || !member) return undefined;
  const own: ReminderRow = { ...memberGreeting(audience, member), state: 'open', createdAt: now, updatedAt: now };
  if (member.doNotContact) Object.assign(own, { state: 'suppressed', suppressedBecause: 'doNotContact' });
  await db.reminders.add(own);
  return own;
}
