// A computer that joined a team keeps what it synced of most documents in packs (shadows.ts): its
// first changes after the join go out on the revisions the join read, as they did when each shadow
// was a record of its own (none is refused as a conflict and merged again), and a merge done here
// reaches the team as a merge.
import { describe, expect, it } from 'vitest';
import { teamOnTestServer } from '../../../tests/support/team-machines';
import { importOrders } from '../import/import-orders';
import { mergeMembers } from '../members/merge';
import { NOW, order } from '../test-helpers';
import type { RegularsDb } from '../../store/database';

const { teamWithShop, machine } = teamOnTestServer();

/** A fetch that counts the documents _bulk_docs answered with a conflict. */
function conflictCounting() {
  let conflicts = 0;
  const f: typeof fetch = async (input, init) => {
    const res = await fetch(input, init);
    if (String(input instanceof Request ? input.url : input).includes('/_bulk_docs')) {
      const body = (await res.clone().json()) as { error?: string }[];
      if (Array.isArray(body)) conflicts += body.filter((r) => r.error === 'conflict').length;
    }
    return res;
  };
  return { fetch: f, conflicts: () => conflicts };
}

const memberOf = async (db: RegularsDb, handle: string) => (await db.identities.filter((i) => i.value === handle).first())!.memberId;

describe('after joining a team', () => {
  it("sends its order updates and a merge on the join's revisions: no conflict, and the team sees the merge", async () => {
    const shop = [order({ orderNo: 'J1', buyer: { handle: 'lin' }, status: 'paid' }), order({ orderNo: 'J2', buyer: { handle: 'linwei' }, status: 'paid' })];
    const { team, a } = await teamWithShop([...shop, ...Array.from({ length: 60 }, (_, i) => order({ orderNo: `P${i}`, buyer: { handle: `buyer${i % 20}` } }))]);
    const counting = conflictCounting();
    const b = await machine(team, 'bob', 'bob-pw', { fetch: counting.fetch });
    b.engine.start();
    await b.engine.settled(30_000);
    expect(await b.state.packs.count()).toBeGreaterThan(0);

    // The next export here: the two orders shipped. Then the two buyers are one person.
    await importOrders(b.db, shop.map((o) => ({ ...o, status: 'shipped' as const })), NOW + 10);
    const [lin, linwei] = await Promise.all([memberOf(b.db, 'lin'), memberOf(b.db, 'linwei')]);
    await mergeMembers(b.db, lin, linwei, NOW + 20);
    await b.engine.settled(30_000);
    expect(counting.conflicts()).toBe(0);

    const onA = async () => {
      const orders = (await a.db.orders.toArray()).filter((o) => o.orderNo.startsWith('J')).sort((x, y) => (x.orderNo < y.orderNo ? -1 : 1));
      return { members: (await a.db.members.where('id').anyOf([lin, linwei]).toArray()).map((m) => [m.id, m.orderCount]), orders: orders.map((o) => [o.status, o.memberId]) };
    };
    await expect.poll(onA, { timeout: 10_000 }).toEqual({ members: [[lin, 2]], orders: [['shipped', lin], ['shipped', lin]] });
  }, 60_000);
});
