// A member an agent wrote on: something no order export brings (tags, a profile field, do-not-contact,
// points adjusted by hand, a note, a logged contact). What an agent wrote is never lost silently: a
// cancelled import keeps such a member, with its identities, and only its orders go
// (import/handlers.ts), and team sync keeps it when another machine's cancel deletes it (sync/incoming.ts).
import type { MemberWrite } from '../../domain/rows';
import type { RegularsDb } from '../../store/database';

const wroteOnRow = (m: MemberWrite) =>
  m.tags.length > 0 || m.doNotContact || Boolean(m.pointsAdjustment) || Object.values(m.profile).some((v) => v !== undefined && v !== '');

/**
 * The ids of these members an agent wrote on. Reads the notes and contacts tables: inside a
 * transaction, it must cover them.
 */
export async function membersAgentsWroteOn(db: RegularsDb, members: readonly (MemberWrite | undefined)[]): Promise<Set<string>> {
  const rows = members.filter((m): m is MemberWrite => m !== undefined);
  const out = new Set(rows.filter(wroteOnRow).map((m) => m.id));
  const rest = rows.filter((m) => !out.has(m.id)).map((m) => m.id);
  if (!rest.length) return out;
  const [notes, contacts] = await Promise.all([db.notes.where('memberId').anyOf(rest).toArray(), db.contacts.where('memberId').anyOf(rest).toArray()]);
  for (const r of [...notes, ...contacts]) out.add(r.memberId);
  return out;
}
