// What a connected machine asks the team server while nothing changes: the long-poll, and nothing
// else (pouchdb-server holds a long-poll past its timeout; the engine ends it itself, 5 s later: 300 ms here).
import { describe, expect, it } from 'vitest';
import { teamOnTestServer } from '../../../tests/support/team-machines';
import { addTag } from '../members/card';
import { NOW, order } from '../test-helpers';

const { teamWithShop, machine } = teamOnTestServer();
/** One round of the held long-poll: 200 ms asked, ended by the engine 300 ms later. */
const LONGPOLL = { longpollMs: 200, heldPastMs: 300 };
const ROUND_MS = LONGPOLL.longpollMs + LONGPOLL.heldPastMs;

function countingFetch() {
  const asked: string[] = [];
  const f: typeof fetch = (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    asked.push(`${init?.method ?? 'GET'} ${url.pathname}${url.searchParams.get('feed') === 'longpoll' ? ' longpoll' : ''}`);
    return fetch(input, init);
  };
  return { asked, fetch: f };
}

describe('a connected machine with nothing to do', () => {
  it('asks only for the next long-poll, one after another, and still hears a change at once', async () => {
    const { team, a } = await teamWithShop([order({ buyer: { handle: 'mei' } })]);
    const counted = countingFetch();
    const b = await machine(team, 'bob', 'bob-pw', { ...LONGPOLL, fetch: counted.fetch });
    b.engine.start();
    await b.engine.settled(30_000);
    const from = counted.asked.length;
    // Three rounds of the held long-poll: one after another, never a busy poll.
    await new Promise((r) => setTimeout(r, 3 * ROUND_MS));
    const idle = counted.asked.slice(from);
    expect(idle.length).toBeGreaterThanOrEqual(2);
    expect(idle.length).toBeLessThanOrEqual(5);
    expect(idle).toEqual(idle.map(() => `GET /${team}/_changes longpoll`));

    const mei = (await a.db.members.toArray())[0]!;
    await addTag(a.db, mei.id, 'gift', NOW + 1);
    await expect.poll(async () => (await b.db.members.get(mei.id))?.tags, { timeout: 5000 }).toEqual(['gift']);
  }, 60_000);
});
