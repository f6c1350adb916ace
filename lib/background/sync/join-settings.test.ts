// A computer joining a team takes the shop's settings from it: the time zone and currency it was
// given on its own first run (before it joined) do not replace the team's, on its screen or anyone's.
import { expect, it } from 'vitest';
import { teamOnTestServer } from '../../../tests/support/team-machines';
import { readSettings, writeSettings } from '../../store/settings';

const { newTeam, machine } = teamOnTestServer();

it("a computer that joins takes the shop's time zone and currency, not its own first-run answers; a setting the team lacks, it brings", async () => {
  const team = await newTeam();
  const a = await machine(team, 'alice', 'alice-pw');
  await writeSettings(a.db, { timeZone: 'Asia/Singapore', shopCurrency: 'SGD' });
  a.engine.start();
  await a.engine.settled(30_000);

  const b = await machine(team, 'bob', 'bob-pw');
  await writeSettings(b.db, { timeZone: 'Europe/Berlin', shopCurrency: 'EUR', lapseDays: 45 });
  b.engine.start();
  await b.engine.settled(30_000);

  const shop = async (db: typeof a.db) => {
    const s = await readSettings(db);
    return [s.timeZone, s.shopCurrency, s.lapseDays];
  };
  expect(await shop(b.db)).toEqual(['Asia/Singapore', 'SGD', 45]);
  await expect.poll(() => shop(a.db), { timeout: 5000 }).toEqual(['Asia/Singapore', 'SGD', 45]);

  // Edited after joining: an edit like any other, the later one wins.
  await writeSettings(b.db, { timeZone: 'Asia/Taipei' });
  await expect.poll(async () => (await readSettings(a.db)).timeZone, { timeout: 5000 }).toBe('Asia/Taipei');
}, 60_000);
