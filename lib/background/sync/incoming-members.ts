// What applying a batch of incoming documents must know of its members before the store's
// transaction, read from sync's own state in a few bulk reads for the whole batch (one read per
// document or per member was most of a team join's time): where each member ended after merges, and
// the member document and tags each member row is built from.
import { docId, survivorOf, type MemberDoc, type SyncDoc, type TagDoc } from '../../domain/sync/documents';
import { shadowsOf, shadowsWithPrefix } from './shadows';
import type { SyncStateDb } from './state';

/** A member the batch writes: its row is built from `doc` and `tags`, unless it was merged into `to`. */
export interface MemberInBatch {
  memberId: string;
  to: string;
  doc: MemberDoc;
  tags: TagDoc[];
}

/**
 * Where each of these members ended after merges, following the merged-into links known here (the
 * batch's member documents first, then the last synced ones), one bulk read per step of the links.
 */
export async function survivorsOf(state: SyncStateDb, memberIds: readonly string[], batch: ReadonlyMap<string, SyncDoc>): Promise<Map<string, string>> {
  const links = new Map<string, string | undefined>();
  let step = [...new Set(memberIds)];
  while (step.length) {
    const unread = step.filter((m) => !batch.has(docId.member(m)));
    const read = await shadowsOf(state, unread.map((m) => docId.member(m)));
    const synced = new Map(unread.map((m, i) => [m, read[i]?.doc]));
    const next = new Set<string>();
    for (const m of step) {
      const doc = (batch.get(docId.member(m)) ?? synced.get(m)) as MemberDoc | undefined;
      const to = doc?.mergedInto?.id;
      links.set(m, to);
      if (to !== undefined && !links.has(to)) next.add(to);
    }
    step = [...next];
  }
  return new Map(memberIds.map((m) => [m, survivorOf(m, (id) => links.get(id))]));
}

/**
 * The members whose member or tag documents the batch brings, each with the member document its row
 * is built from (the batch's, else one changed here and not yet sent, else the last synced) and all
 * its tags (last synced, then changed here, then the batch's: the later wins). A member with no
 * member document known here is left out, as before any bulk read.
 */
export async function membersOfBatch(
  state: SyncStateDb,
  memberIds: readonly string[],
  batch: ReadonlyMap<string, SyncDoc>,
  pending: readonly SyncDoc[],
  survivors: ReadonlyMap<string, string>,
): Promise<MemberInBatch[]> {
  if (!memberIds.length) return [];
  const waiting = new Map(pending.map((d) => [d._id, d]));
  const unread = memberIds.filter((m) => !batch.has(docId.member(m)) && !waiting.has(docId.member(m)));
  const read = await shadowsOf(state, unread.map((m) => docId.member(m)));
  const synced = new Map(unread.map((m, i) => [m, read[i]?.doc]));

  const tagsOf = new Map(memberIds.map((m) => [m, new Map<string, TagDoc>()]));
  // A member's tags are `tag:<memberId>:<tag>`: the prefix with its colon never takes m_10's for m_1.
  const syncedTags = await shadowsWithPrefix(state, memberIds.map((m) => `tag:${m}:`));
  for (const s of syncedTags) if (s.doc?.type === 'tag') tagsOf.get(s.doc.memberId)?.set(s.id, s.doc);
  for (const d of [...pending, ...batch.values()]) if (d.type === 'tag') tagsOf.get(d.memberId)?.set(d._id, d);

  const out: MemberInBatch[] = [];
  for (const memberId of memberIds) {
    const id = docId.member(memberId);
    // A member document changed here and not yet sent is the row's truth, not the last synced one.
    const doc = (batch.get(id) ?? waiting.get(id) ?? synced.get(memberId)) as MemberDoc | undefined;
    if (!doc) continue;
    out.push({ memberId, to: survivors.get(memberId) ?? memberId, doc, tags: [...tagsOf.get(memberId)!.values()] });
  }
  return out;
}
