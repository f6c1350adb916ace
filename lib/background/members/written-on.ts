// A member an agent wrote on: something no order export brings (tags, a profile field, do-not-contact,
// points adjusted by hand, a note, a logged contact, a reminder added by hand or handled: snoozed,
// done, dismissed, handed to a colleague; not one a rule made and nobody touched). What an agent
// wrote is never lost silently: a cancelled import keeps such a member, with its identities, and only its orders go
// (import/handlers.ts), and team sync keeps it when another machine's cancel deletes it (sync/incoming.ts).
import type { MemberWrite, ReminderRow } from '../../domain/rows';
import type { RegularsDb } from '../../store/database';

const wroteOnRow = (m: MemberWrite) =>
  m.tags.length > 0 || m.doNotContact || Boolean(m.pointsAdjustment) || Object.values(m.profile).some((v) => v !== undefined && v !== '');

/** An agent added it, or acted on it (a rule dismissing its own reminder says why: suppressedBecause). */
const handled = (r: ReminderRow) =>
  !r.kind || r.assignee !== undefined || r.state === 'snoozed' || r.state === 'done' || (r.state === 'dismissed' && !r.suppressedBecause);

/**
 * The ids of these members an agent wrote on. Reads the notes, contacts and reminders tables: inside
 * a transaction, it must cover them.
 */
export async function membersAgentsWroteOn(db: RegularsDb, members: readonly (MemberWrite | undefined)[]): Promise<Set<string>> {
  const rows = members.filter((m): m is MemberWrite => m !== undefined);
  const out = new Set(rows.filter(wroteOnRow).map((m) => m.id));
  const rest = rows.filter((m) => !out.has(m.id)).map((m) => m.id);
  if (!rest.length) return out;
  const [notes, contacts, reminders] = await Promise.all([
    db.notes.where('memberId').anyOf(rest).toArray(),
    db.contacts.where('memberId').anyOf(rest).toArray(),
    db.reminders.where('memberId').anyOf(rest).toArray(),
  ]);
  for (const r of [...notes, ...contacts, ...reminders.filter(handled)]) out.add(r.memberId);
  return out;
}
