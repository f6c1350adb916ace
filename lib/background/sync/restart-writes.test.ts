// The browser ends an idle service worker; the next one writes before its sync runs again (the
// reminders' check as it starts, an agent's tag while the session is to be signed in again). Every
// committed write to a shared table reaches the team, whatever came first.
import { expect, it } from 'vitest';
import { teamOnTestServer } from '../../../tests/support/team-machines';
import { SHARED_TABLES } from '../../domain/sync/documents';
import { importOrders } from '../import/import-orders';
import { addNote, addTag } from '../members/card';
import { NOW, order } from '../test-helpers';
import { storeCommitted } from './committed-changes';
import { syncService } from './service';
import { SYNC_TEST_TUNING } from './test-helpers';

const machines = teamOnTestServer();

it('a tag and a note written by a restarted worker before its sync resumes, and while it waits to be signed in, reach the team', async () => {
  const team = await machines.newTeam();
  const { db, state } = machines.stores('alice');
  const login = machines.login(team, 'alice');

  // The first worker: connected, its shop sent. Then the browser ends it: it hears nothing more.
  let alive = true;
  const heard = storeCommitted(db.name, Object.keys(SHARED_TABLES));
  const first = syncService({ db, state, now: () => Date.now(), cookies: 'memory', tuning: SYNC_TEST_TUNING, subscribe: (l) => heard((c) => alive && l(c)) });
  await first.connect(login);
  await importOrders(db, [order({ buyer: { handle: 'kim' } })], NOW);
  await first.engine()!.settled(30_000);
  await first.engine()!.stop();
  alive = false;
  const kim = (await db.members.toArray())[0]!;

  // The next worker writes as it starts, before resume(), then again while the session is to be renewed.
  const second = syncService({ db, state, now: () => Date.now(), cookies: 'memory', tuning: SYNC_TEST_TUNING });
  try {
    await addTag(db, kim.id, 'early', NOW + 1);
    await second.resume();
    expect(second.view().state).toBe('signIn');
    await addNote(db, kim.id, 'written while signed out', 'alice', NOW + 2);
    await second.connect(login);
    await second.engine()!.settled(30_000);
  } finally {
    await second.engine()?.close();
  }

  expect(await machines.whatBobHolds(team, kim.id)).toEqual({ tags: ['early'], notes: ['written while signed out'] });
}, 60_000);
