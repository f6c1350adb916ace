// "Disconnect keeps local data": an agent who disconnects and goes on working, then connects to the
// same team again, sends what they did meanwhile. Another team starts afresh (a first join sends it all).
import { expect, it } from 'vitest';
import { teamOnTestServer } from '../../../tests/support/team-machines';
import { importOrders } from '../import/import-orders';
import { addNote, addTag } from '../members/card';
import { NOW, order } from '../test-helpers';
import { syncService } from './service';
import { SYNC_TEST_TUNING } from './test-helpers';

const machines = teamOnTestServer();

it('a tag and a note written while disconnected reach the team when the same agent connects again', async () => {
  const team = await machines.newTeam();
  const { db, state } = machines.stores('alice');
  const login = machines.login(team, 'alice');
  const alice = syncService({ db, state, now: () => Date.now(), cookies: 'memory', tuning: SYNC_TEST_TUNING });
  try {
    await alice.connect(login);
    await importOrders(db, [order({ buyer: { handle: 'kim' } })], NOW);
    await alice.engine()!.settled(30_000);
    const kim = (await db.members.toArray())[0]!;

    await alice.disconnect();
    await addTag(db, kim.id, 'offline', NOW + 1);
    await addNote(db, kim.id, 'written while disconnected', 'alice', NOW + 2);

    await alice.connect(login);
    await alice.engine()!.settled(30_000);
    expect(alice.view().waiting).toBe(0);

    expect(await machines.whatBobHolds(team, kim.id)).toEqual({ tags: ['offline'], notes: ['written while disconnected'] });
  } finally {
    await alice.engine()?.close();
  }
}, 60_000);
