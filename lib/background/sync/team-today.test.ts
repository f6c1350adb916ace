// Joining or leaving a team changes who Today offers to assign to: the popup's kept first screen
// (reminders/today-kept.ts) must not show the list of before.
import { expect, it } from 'vitest';
import { teamOnTestServer } from '../../../tests/support/team-machines';
import { keptToday, type KeptArea } from '../../messaging/today-kept';
import { writeSettings } from '../../store/settings';
import { createHandlers } from '../handlers';
import { importOrders } from '../import/import-orders';
import { addManualReminder } from '../reminders/reminder-actions';
import { todayKeeper } from '../reminders/today-kept';
import { NOW, order } from '../test-helpers';
import { syncService } from './service';
import { SYNC_TEST_TUNING } from './test-helpers';

const machines = teamOnTestServer();
const FIRST = { locale: 'en', mine: false, perGroup: 10, firstRows: 9 } as const;
const sender = { id: 'x' };
const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

function sessionArea(): KeptArea {
  const items = new Map<string, unknown>();
  return {
    get: async (key) => (items.has(key) ? { [key]: structuredClone(items.get(key)) } : {}),
    set: async (values) => void Object.entries(values).forEach(([k, v]) => items.set(k, structuredClone(v))),
    remove: async (key) => void items.delete(key),
  };
}

it("Today's kept first screen goes when the agent joins or leaves a team: it would offer the wrong people to assign to", async () => {
  const team = await machines.newTeam();
  const { db, state } = machines.stores('alice');
  await writeSettings(db, { timeZone: 'UTC', authorName: 'Alice at home' });
  await importOrders(db, [order({ buyer: { handle: 'kim' } })], NOW);
  await addManualReminder(db, { memberId: (await db.members.toArray())[0]!.id, dueAt: NOW + 3_600_000, reason: 'Call back' }, NOW);
  const sync = syncService({ db, state, now: () => Date.now(), cookies: 'memory', tuning: SYNC_TEST_TUNING });
  const area = sessionArea();
  // As the background wires them (entrypoints/background/index.ts).
  const journeys = { me: async () => sync.me(), team: () => sync.team(), keptToday: todayKeeper(area, db.name) };
  const h = createHandlers({ db, now: () => NOW, sync, journeys });
  const shown = async () => (await keptToday(FIRST, area))?.assignees;
  try {
    await h['reminders.today'](FIRST, sender);
    await settle();
    expect(await shown()).toEqual(['Alice at home']);

    await h['sync.connect']({ server: machines.server().url, db: team, user: 'alice', password: 'alice-pw' }, sender);
    await sync.engine()!.settled(30_000);
    await settle();
    expect(await shown()).toBeUndefined();
    await h['reminders.today'](FIRST, sender);
    await settle();
    expect(await shown()).toEqual(['alice', 'bob']);

    await h['sync.disconnect']({}, sender);
    await settle();
    expect(await shown()).toBeUndefined();
    await h['reminders.today'](FIRST, sender);
    await settle();
    expect(await shown()).toEqual(['Alice at home']);
  } finally {
    await sync.engine()?.close();
  }
}, 60_000);
