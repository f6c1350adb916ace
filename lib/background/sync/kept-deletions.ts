// Another machine's cancelled import deletes the members it created and their identities. One an
// agent wrote on here (a tag, a note, do-not-contact: members/written-on.ts) that the cancelling
// machine did not know of yet is kept here instead, and sent again: its member and identity
// documents go back on the server, so every machine ends with the buyer and what the agent wrote,
// whichever reached the server first. Only a cancel deletes members or identities on the server.
import { docId } from '../../domain/sync/documents';
import type { MemberWrite } from '../../domain/rows';
import type { RegularsDb } from '../../store/database';
import { membersAgentsWroteOn } from '../members/written-on';
import { outboxKey, type OutboxRow } from './state';
import { docType, rowKeyOf } from './sync-rows';

/**
 * Inside the store's transaction, before the deletions: those of `deletions` to refuse, and the
 * outbox entries that send their rows again. `rows`: member rows the batch is about to write.
 */
export async function keptDeletions(
  db: RegularsDb,
  deletions: readonly string[],
  rows: ReadonlyMap<string, MemberWrite>,
): Promise<{ kept: Set<string>; resend: OutboxRow[] }> {
  const identityKeys = deletions.filter((id) => docType(id) === 'identity').map(rowKeyOf);
  const memberKeys = deletions.filter((id) => docType(id) === 'member').map(rowKeyOf);
  const kept = new Set<string>();
  const resend: OutboxRow[] = [];
  if (!identityKeys.length && !memberKeys.length) return { kept, resend };
  const identities = await db.identities.bulkGet(identityKeys);
  const memberIds = [...new Set([...memberKeys, ...identities.flatMap((i) => (i ? [i.memberId] : []))])];
  const stored = await db.members.bulkGet(memberIds);
  const wroteOn = await membersAgentsWroteOn(db, memberIds.map((m, i) => rows.get(m) ?? stored[i]));
  const keep = (table: 'members' | 'identities', id: string, key: string) => {
    kept.add(id);
    resend.push({ key: outboxKey(table, key), table, rowKey: key });
  };
  for (const key of memberKeys) if (wroteOn.has(key)) keep('members', docId.member(key), key);
  identityKeys.forEach((key, i) => {
    const memberId = identities[i]?.memberId;
    if (memberId !== undefined && wroteOn.has(memberId)) keep('identities', docId.identity(key), key);
  });
  return { kept, resend };
}
