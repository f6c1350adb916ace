// Builds the members page's list off the page's thread. Reading 100k members and their identities
// makes some 100 MB of short-lived objects; made in the page, Blink swept them seconds later in
// single steps of 90-140 ms, landing in the table's scroll (traced). Here they live and die in the
// worker, which the page ends once it has the list: only the list's strings and typed arrays reach
// the page, the arrays handed over, not copied.
import { RegularsDb } from '@/lib/store/database';
import { firstRows } from './first-rows';
import { memberListParts, partsBuffers, type ListContext, type MemberListParts } from './member-list';

export type ListRequest = { ctx: ListContext };
/** `first`: the first rows (first-rows.ts), sent ahead of the whole list, and how many the whole list holds. */
export type ListReply = { ok: true; parts: MemberListParts; first?: { total: number } } | { ok: false; message: string };

const post = (reply: ListReply, transfer: Transferable[] = []) => (self as unknown as Worker).postMessage(reply, transfer);

self.onmessage = async (event: MessageEvent<ListRequest>) => {
  const db = new RegularsDb();
  try {
    // The first screen goes ahead when the kept facts allow it; a failure there only costs the wait.
    const first = await firstRows(db, event.data.ctx).catch(() => undefined);
    if (first) post({ ok: true, parts: first.parts, first: { total: first.total } }, partsBuffers(first.parts));
    const { members, identities } = await db.transaction('r', [db.members, db.identities], async () => ({ members: await db.members.toArray(), identities: await db.identities.toArray() }));
    const parts = memberListParts(members, identities, event.data.ctx);
    post({ ok: true, parts }, partsBuffers(parts));
  } catch (e) {
    post({ ok: false, message: (e as Error).message });
  } finally {
    db.close();
  }
};
