// Segment benches, run inside the bench page (an extension page, like the members page and the
// background): a saved segment evaluated over the whole store, directly and through the protocol,
// against a raw IndexedDB getAll of the members (the floor of any scan).
import { RegularsDb } from '@/lib/store/database';
import { factsReads, forgetMemberSnapshots } from '@/lib/background/segments/member-snapshot';
import { addTag, removeTag } from '@/lib/background/members/card';
import { segmentMemberIds } from '@/lib/background/segments/segments';
import { send } from '@/lib/messaging/browser-client';

/** The floor of any scan: one raw IndexedDB getAll of a table of the store, no Dexie. */
export function rawGetAll(store: string): Promise<{ rows: number; ms: number }> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open('regulars');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const t = performance.now();
      const req = db.transaction(store, 'readonly').objectStore(store).getAll();
      req.onsuccess = () => {
        const ms = performance.now() - t;
        db.close();
        resolve({ rows: (req.result as unknown[]).length, ms });
      };
      req.onerror = () => reject(req.error);
    };
  });
}

const BENCH_TAG = 'bench-change';
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export const segmentBench = {
  storeCounts: () => send('store.counts', {}),
  /** Resolves once the background's report snapshot is current (it recomputes after imports). */
  reportsSettled: async () => {
    await send('reports.refresh', {});
  },

  /** A saved segment evaluated `runs` times: straight on the store, through the protocol, and the raw scan. */
  async segmentEval(filter: Record<string, unknown>, runs = 5) {
    // The RFM cut points are refreshed after an import ends, off the hot path: wait for them.
    const { members: total } = await send('store.counts', {});
    for (let i = 0; i < 600 && (await send('settings.get', {})).rfmBreaks?.members !== total; i++) await new Promise((r) => setTimeout(r, 100));
    const name = `bench ${crypto.randomUUID().slice(0, 8)}`;
    const saved = await send('segment.save', { name, filter });
    const db = new RegularsDb();
    const cold: number[] = [];
    const warm: number[] = [];
    const protocol: number[] = [];
    const raw: number[] = [];
    const afterChange: number[] = [];
    const afterChangeProtocol: number[] = [];
    let matched = 0;
    let members = 0;
    const before = { ...factsReads };
    for (let i = 0; i < runs; i++) {
      const r = await rawGetAll('members');
      raw.push(r.ms);
      members = r.rows;
      // Cold: the first evaluation in a context that just started (a worker that woke): the member
      // facts come from disk.
      forgetMemberSnapshots();
      let t = performance.now();
      matched = (await segmentMemberIds(db, saved.id, Date.now())).size;
      cold.push(performance.now() - t);
      // Warm: members unchanged since the last evaluation (the snapshot is in memory).
      t = performance.now();
      await segmentMemberIds(db, saved.id, Date.now());
      warm.push(performance.now() - t);
      t = performance.now();
      await send('segment.memberIds', { id: saved.id });
      protocol.push(performance.now() - t);
      // Right after a member changed (a tag put on or taken off, as the panel does): the facts are
      // brought up to date from the change stream, here and in the background. One tag in turn:
      // a kept profile (BENCH_PROFILE) runs this again and again, and a member carries at most 50 tags.
      const someone = (await db.members.limit(1).first())!;
      const tagged = someone.tags.includes(BENCH_TAG);
      if (tagged) await removeTag(db, someone.id, BENCH_TAG, Date.now());
      else await addTag(db, someone.id, BENCH_TAG, Date.now());
      t = performance.now();
      await segmentMemberIds(db, saved.id, Date.now());
      afterChange.push(performance.now() - t);
      await send(tagged ? 'member.addTag' : 'member.removeTag', { memberId: someone.id, tag: BENCH_TAG });
      t = performance.now();
      await send('segment.memberIds', { id: saved.id });
      afterChangeProtocol.push(performance.now() - t);
    }
    const served = { disk: factsReads.disk - before.disk, scans: factsReads.scans - before.scans };
    db.close();
    await send('segment.delete', { id: saved.id });
    return {
      members,
      matched,
      warmMs: median(warm),
      warmMaxMs: Math.max(...warm),
      coldMs: median(cold),
      afterChangeMs: median(afterChange),
      afterChangeProtocolMs: median(afterChangeProtocol),
      served,
      protocolMs: median(protocol),
      rawGetAllMs: median(raw),
    };
  },
};
