// What staff do with a reminder: add one by hand, mark it done (logging the contact), snooze,
// hand it to a colleague, dismiss.
import { newId, type RegularsDb } from '../../store/database';
import { readJourneySettings } from '../../store/journey-settings';
import { readSettings } from '../../store/settings';
import { StoreError } from '../../store/store-error';
import { because } from '../../domain/reason';
import { respect, ruleOfKind, type JourneyRules, type RuleBase } from '../../domain';
import type { ReminderRow } from '../../domain/rows';
import { evaluateMembers } from './reminders';
import { isAudience, storedReminder } from './audience';

export async function addManualReminder(
  db: RegularsDb,
  input: { memberId: string; dueAt: number; reason: string; orderId?: string | undefined; assignee?: string | undefined },
  now: number,
): Promise<ReminderRow> {
  const reason = input.reason.trim();
  if (!reason) throw new StoreError('invalid', 'A reminder needs a reason', because('reminderNoReason'));
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

/** The reminder to act on; a member's greeting out of an audience greeting is stored as the agent acts (audience.ts). */
async function requireReminder(db: RegularsDb, id: string, now: number): Promise<ReminderRow> {
  const row = await storedReminder(db, id, now);
  if (!row) throw new StoreError('not_found', `No reminder with id ${id}`);
  return row;
}

/**
 * Done: the contact is logged, and the member's other active reminders that would now break the
 * frequency cap wait until it has passed (then for their contact window).
 */
/** A member's active rule reminders that a contact at `contactAt` pushes past the frequency cap (then into their contact window). */
export function deferredByCap(
  rows: readonly ReminderRow[],
  doNotContact: boolean,
  rules: JourneyRules,
  contactAt: number,
  timeZone: string,
  now: number,
): ReminderRow[] {
  const out: ReminderRow[] = [];
  for (const r of rows) {
    if (!r.kind || (r.state !== 'open' && r.state !== 'snoozed')) continue;
    const respected = respect(r.dueAt, { doNotContact }, rules[ruleOfKind(r.kind)] as RuleBase, contactAt, timeZone);
    if (respected.dueAt !== r.dueAt) out.push({ ...r, dueAt: respected.dueAt, updatedAt: now });
  }
  return out;
}

export async function completeReminder(db: RegularsDb, id: string, outcome: 'resolved' | 'leftOpen', channel: string, now: number): Promise<ReminderRow> {
  const settings = await readSettings(db);
  const { rules } = await readJourneySettings(db);
  const done = await db.transaction('rw', [db.reminders, db.contacts, db.members], async () => {
    const row = await requireReminder(db, id, now);
    if (row.state === 'suppressed') throw new StoreError('conflict', 'This member asked not to be contacted', because('doNotContact'));
    const next: ReminderRow = { ...row, state: 'done', outcome, updatedAt: now };
    await db.reminders.put(next);
    // A whole audience greeted at once (from its notification) logs no contact with anyone in particular.
    if (isAudience(row)) return next;
    await db.contacts.add({ id: newId('c'), memberId: row.memberId, channel, reason: row.kind ?? row.reason, at: now });
    const others = (await db.reminders.where('memberId').equals(row.memberId).toArray()).filter((r) => r.id !== id);
    const member = await db.members.get(row.memberId);
    const deferred = deferredByCap(others, member?.doNotContact ?? false, rules, now, settings.timeZone, now);
    if (deferred.length) await db.reminders.bulkPut(deferred);
    return next;
  });
  if (outcome === 'leftOpen' && done.kind === 'followUp') await evaluateMembers(db, [done.memberId], now);
  return done;
}

export async function snoozeReminder(db: RegularsDb, id: string, until: number, now: number): Promise<ReminderRow> {
  if (until <= now) throw new StoreError('invalid', 'Snooze until a time in the future', because('snoozePast'));
  return db.transaction('rw', [db.reminders, db.members], async () => {
    const row = await requireReminder(db, id, now);
    if (row.state !== 'open' && row.state !== 'snoozed') throw new StoreError('conflict', `A ${row.state} reminder cannot be snoozed`, because('reminderClosed'));
    const next: ReminderRow = { ...row, state: 'snoozed', dueAt: until, updatedAt: now };
    await db.reminders.put(next);
    return next;
  });
}

export async function assignReminder(db: RegularsDb, id: string, assignee: string, now: number): Promise<ReminderRow> {
  return db.transaction('rw', [db.reminders, db.members], async () => {
    const row = await requireReminder(db, id, now);
    const next: ReminderRow = { ...row, assignee: assignee.trim() || undefined, updatedAt: now };
    await db.reminders.put(next);
    return next;
  });
}

export async function dismissReminder(db: RegularsDb, id: string, now: number): Promise<ReminderRow> {
  return db.transaction('rw', [db.reminders, db.members], async () => {
    const row = await requireReminder(db, id, now);
    const next: ReminderRow = { ...row, state: 'dismissed', updatedAt: now };
    await db.reminders.put(next);
    return next;
  });
}
