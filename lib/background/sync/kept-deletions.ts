// A cancelled import deletes the members it created and their identities, on every machine of the
// team. One an agent wrote on (a tag, a note, do-not-contact: members/written-on.ts) stays, found by
// its handle, whichever machine learns of the writes and whenever:
// - a machine receiving another's deletion refuses it and sends the member and identity again;
// - the cancelling machine, if the writes reached it before it sent the deletion of an identity,
//   does not send it and puts the identity back from its last synced copy (outgoing.ts);
// - if the writes reached the server just before its deletion did, it reads its own deletion back
//   after them and sends the identity again from that copy (push.ts keeps it until then).
// An identity is kept only if its member would be left with none: a member that stays, found by
// another identity, loses the one a cancelled import (or a restored backup) took away.
import { docId } from '../../domain/sync/documents';
import type { IdentityRow, MemberWrite } from '../../domain/rows';
import { withOrigin } from '../../store/changes';
import type { RegularsDb } from '../../store/database';
import { membersAgentsWroteOn } from '../members/written-on';
import { SYNC_ORIGIN } from './committed-changes';
import { outboxKey, type OutboxRow } from './state';
import { docType, rowKeyOf } from './sync-rows';

/**
 * Of these identities about to go, the ids of those to keep: their member stays here, an agent wrote
 * on it, and it would be left with no identity. `rows`: member rows about to be written. Inside a
 * transaction, it must cover members, identities, notes, contacts and reminders.
 */
export async function identitiesToKeep(
  db: RegularsDb,
  going: readonly IdentityRow[],
  rows: ReadonlyMap<string, MemberWrite> = new Map(),
): Promise<Set<string>> {
  const kept = new Set<string>();
  if (!going.length) return kept;
  const memberIds = [...new Set(going.map((i) => i.memberId))];
  const stored = await db.members.bulkGet(memberIds);
  const wroteOn = await membersAgentsWroteOn(db, memberIds.map((m, i) => rows.get(m) ?? stored[i]));
  if (!wroteOn.size) return kept;
  const goingIds = new Set(going.map((i) => i.id));
  const others = await db.identities.where('memberId').anyOf([...wroteOn]).toArray();
  const found = new Set(others.filter((i) => !goingIds.has(i.id)).map((i) => i.memberId));
  for (const i of going) if (wroteOn.has(i.memberId) && !found.has(i.memberId)) kept.add(i.id);
  return kept;
}

/** An identity deleted here whose last synced copy is `row`: put back (true) if identitiesToKeep keeps it; its deletion is then not sent. */
export async function putBackIdentity(db: RegularsDb, row: IdentityRow): Promise<boolean> {
  return db.transaction('rw', [db.members, db.identities, db.notes, db.contacts, db.reminders], async () => {
    // The server still holds this copy: nothing to send of it.
    withOrigin(SYNC_ORIGIN);
    if ((await db.identities.get(row.id)) || !(await identitiesToKeep(db, [row])).size) return false;
    await db.identities.put(row);
    return true;
  });
}

/**
 * Inside the store's transaction, before the deletions: those of `deletions` to refuse, and the
 * outbox entries that send their rows again. `rows`: member rows the batch is about to write.
 * `lastCopies`: identities this machine deleted itself, by key, as last synced (their row is gone
 * here; one kept is put back).
 */
export async function keptDeletions(
  db: RegularsDb,
  deletions: readonly string[],
  rows: ReadonlyMap<string, MemberWrite>,
  lastCopies: ReadonlyMap<string, IdentityRow> = new Map(),
): Promise<{ kept: Set<string>; resend: OutboxRow[] }> {
  const identityKeys = deletions.filter((id) => docType(id) === 'identity').map(rowKeyOf);
  const memberKeys = deletions.filter((id) => docType(id) === 'member').map(rowKeyOf);
  const kept = new Set<string>();
  const resend: OutboxRow[] = [];
  if (!identityKeys.length && !memberKeys.length) return { kept, resend };
  const keep = (table: 'members' | 'identities', id: string, key: string) => {
    kept.add(id);
    resend.push({ key: outboxKey(table, key), table, rowKey: key });
  };
  const stored = await db.members.bulkGet(memberKeys);
  const wroteOn = await membersAgentsWroteOn(db, memberKeys.map((m, i) => rows.get(m) ?? stored[i]));
  for (const key of memberKeys) if (wroteOn.has(key)) keep('members', docId.member(key), key);
  const here = await db.identities.bulkGet(identityKeys);
  const going = identityKeys.flatMap((key, i) => here[i] ?? lastCopies.get(key) ?? []);
  const keptIds = await identitiesToKeep(db, going, rows);
  const local = new Set(here.flatMap((i) => (i ? [i.id] : [])));
  const back = going.filter((i) => keptIds.has(i.id) && !local.has(i.id));
  for (const i of going) if (keptIds.has(i.id)) keep('identities', docId.identity(i.id), i.id);
  if (back.length) await db.identities.bulkPut(back);
  return { kept, resend };
}
