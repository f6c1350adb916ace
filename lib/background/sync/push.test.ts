// A push the server answers 409: the server's version is fetched, merged by the document's rule,
// sent again, and the merged member written here, with nothing of either side lost. Driven step by
// step (no engine loop), so which side writes first is not left to timing.
import { describe, expect, it } from 'vitest';
import { teamOnTestServer } from '../../../tests/support/team-machines';
import { addTag } from '../members/card';
import { updateMember } from '../members/members';
import { NOW } from '../test-helpers';
import { pushWaiting } from './push';

const { pairWithBuyer } = teamOnTestServer();

describe('a push answered 409', () => {
  it("keeps B's later profile edit and A's do-not-contact on both machines, in the row B writes from the merge and after", async () => {
    const { a, b, buyer } = await pairWithBuyer('lin');
    await b.engine.stop();
    const lin = buyer.id;

    // A's edit reaches the server first; B, offline, edits the same member later.
    await updateMember(a.db, lin, { doNotContact: true, profile: { size: 'M' } }, NOW + 11);
    await addTag(a.db, lin, 'X', NOW + 12);
    await a.engine.settled();
    await updateMember(b.db, lin, { profile: { size: 'L', style: 'plain' } }, NOW + 22);

    const refused: unknown[] = [];
    await pushWaiting({ db: b.db, state: b.state, client: b.client, me: 'bob', now: () => Date.now(), skip: () => undefined }, 50, (r) => refused.push(r));
    expect(refused).toEqual([]);
    const row = await b.db.members.get(lin);
    expect({ profile: row?.profile, doNotContact: row?.doNotContact }).toEqual({ profile: { size: 'L', style: 'plain' }, doNotContact: true });

    b.engine.start();
    await b.engine.settled(20_000);
    for (const m of [a, b]) {
      const state = async () => {
        const r = await m.db.members.get(lin);
        return { tags: r?.tags, doNotContact: r?.doNotContact, profile: r?.profile };
      };
      await expect.poll(state, { timeout: 5000 }).toEqual({ tags: ['X'], doNotContact: true, profile: { size: 'L', style: 'plain' } });
    }
  }, 60_000);
});
