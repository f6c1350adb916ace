// Builds the members page's list off the page's thread. Reading 100k members and their identities
// makes some 100 MB of short-lived objects; made in the page, Blink swept them seconds later in
// single steps of 90-140 ms, landing in the table's scroll (traced). Here they live and die in the
// worker, which the page ends once it has the list: only the list's strings and typed arrays reach
// the page, the arrays handed over, not copied.
import { RegularsDb } from '@/lib/store/database';
import { memberListParts, partsBuffers, type ListContext, type MemberListParts } from './member-list';

export type ListRequest = { ctx: ListContext };
export type ListReply = { ok: true; parts: MemberListParts } | { ok: false; message: string };

const post = (reply: ListReply, transfer: Transferable[] = []) => (self as unknown as Worker).postMessage(reply, transfer);

self.onmessage = async (event: MessageEvent<ListRequest>) => {
  const db = new RegularsDb();
  try {
    const { members, identities } = await db.transaction('r', [db.members, db.identities], async () => ({ members: await db.members.toArray(), identities: await db.identities.toArray() }));
    const parts = memberListParts(members, identities, event.data.ctx);
    post({ ok: true, parts }, partsBuffers(parts));
  } catch (e) {
    post({ ok: false, message: (e as Error).message });
  } finally {
    db.close();
  }
};
