// How soon a change made on one machine reaches another while both are connected, and that none is
// lost when they come quickly: the long-poll of the real length (25 s) must not stand in the way.
import { describe, expect, it } from 'vitest';
import { teamOnTestServer } from '../../../tests/support/team-machines';
import { addTag } from '../members/card';
import { NOW, order } from '../test-helpers';

const { teamWithShop, machine } = teamOnTestServer();
/** The length the extension uses: a change must not wait for it to end. */
const LONGPOLL = { longpollMs: 25_000 };

async function pair(buyers: number) {
  const open = (team: string) => machine(team, 'alice', 'alice-pw', LONGPOLL);
  const { team, a } = await teamWithShop(Array.from({ length: buyers }, (_, i) => order({ orderNo: `P${i}`, buyer: { handle: `buyer${i}` } })), { open });
  const b = await machine(team, 'bob', 'bob-pw', LONGPOLL);
  b.engine.start();
  await b.engine.settled(30_000);
  const ids = (await a.db.members.toArray()).map((m) => m.id).sort();
  return { a, b, ids };
}

const tagsOn = async (m: Awaited<ReturnType<typeof pair>>['b'], id: string) => (await m.db.members.get(id))?.tags ?? [];

describe('a change on A while both wait on the long-poll', () => {
  it('reaches B within 2 s, each of several in turn', async () => {
    const { a, b, ids } = await pair(3);
    for (const [i, id] of ids.entries()) {
      // Both are waiting on their long-polls: the change has to wake A's push, and B's long-poll has to answer.
      await new Promise((r) => setTimeout(r, 300));
      await addTag(a.db, id, `t${i}`, NOW + i);
      await expect.poll(() => tagsOn(b, id), { timeout: 2000, interval: 20 }).toContain(`t${i}`);
    }
  }, 60_000);

  it('ten tags added quickly to one buyer all arrive (a change made while the previous one is being sent is not dropped)', async () => {
    const { a, b, ids } = await pair(1);
    const id = ids[0]!;
    const tags = Array.from({ length: 10 }, (_, i) => `quick${i}`);
    for (const [i, tag] of tags.entries()) {
      await addTag(a.db, id, tag, NOW + i);
      await new Promise((r) => setTimeout(r, i * 3));
    }
    await expect.poll(() => tagsOn(b, id), { timeout: 5000, interval: 50 }).toEqual([...tags].sort());
    await a.engine.settled(5000);
    expect((await a.state.outbox.count())).toBe(0);
  }, 60_000);

  it('twenty changes to twenty buyers made at once all arrive', async () => {
    const { a, b, ids } = await pair(20);
    await Promise.all(ids.map((id, i) => addTag(a.db, id, `burst${i}`, NOW + i)));
    await expect.poll(async () => (await Promise.all(ids.map((id) => tagsOn(b, id)))).filter((t, i) => t.includes(`burst${i}`)).length, { timeout: 5000, interval: 50 }).toBe(20);
  }, 60_000);
});
