// A member whose identities and orders came from the team and whose row did not: an import under way
// on another machine writes each member's row only at its end (import/member-journal.ts), so until
// then this machine knows the buyer's handle and orders and no member. When an agent here looks the
// buyer up, the row is filled in from what is here (stats from the orders, the handle as name) so
// they can tag and note at once. Its member document goes out with placeholder stamps (the name and
// do-not-contact nobody set): the importing machine's own document, when it comes, wins on every
// field it has, by the ordinary rules (a 409 merged, or the feed merged with what waits here).
import { docId } from '../../domain/sync/documents';
import { memberDocPlaceholder } from '../../domain/sync/row-to-doc';
import type { RegularsDb } from '../../store/database';
import { readSettings } from '../../store/settings';
import { membersFromOrders } from '../import/member-refresh';
import { emptyMember } from '../members/members';
import { shadowOf } from './shadows';
import type { SyncStateDb } from './state';

/**
 * Writes the row of a member the team's identities name and no row here holds; true if it did.
 * `me`: the team user while connected (the placeholder document is kept to be sent); a member whose
 * document was synced before (merged away, deleted) is not brought back.
 */
export async function writeTeamMember(db: RegularsDb, state: SyncStateDb, memberId: string, now: number, me: string | undefined): Promise<boolean> {
  const id = docId.member(memberId);
  const [identities, synced] = await Promise.all([db.identities.where('memberId').equals(memberId).toArray(), shadowOf(state, id)]);
  if (!identities.length || synced?.rev) return false;
  const handle = identities.find((i) => i.kind === 'handle') ?? identities[0]!;
  const settings = await readSettings(db);
  const base = { ...emptyMember(memberId, handle.display, settings, now), createdAt: Math.min(...identities.map((i) => i.createdAt)) };
  // Kept before the row is written: the row's change is sent against it, never as an edit of ours.
  if (me !== undefined && !synced) await state.shadow.put({ id, rev: '', doc: memberDocPlaceholder(base, me) });
  const written = await db.transaction('rw', [db.members, db.orders], async () => {
    if (await db.members.get(memberId)) return false;
    const [row] = await membersFromOrders(db, [base], settings, now);
    await db.members.add(row!);
    return true;
  });
  if (!written && me !== undefined && !synced) await state.shadow.delete(id);
  return written;
}
