// Vitest only: the run's pouchdb-server (couch-global.ts starts one for all test files), and the
// team's computers syncing through it, each closed after its test.
import { readFileSync } from 'node:fs';
import { afterEach, beforeAll, inject } from 'vitest';
import { teamMachines, type TestServer } from '../../lib/background/sync/test-helpers';
import { TEAM_USERS } from './team-users';

let shared: Promise<TestServer> | undefined;

/** The run's team server, once it answers (its users made). */
function sharedServer(): Promise<TestServer> {
  return (shared ??= (async () => {
    const file = inject('teamServerFile');
    for (let i = 0; i < 600; i++) {
      let text: string | undefined;
      try {
        text = readFileSync(file, 'utf8');
      } catch {
        // not written yet
      }
      if (text !== undefined) {
        const told = JSON.parse(text) as TestServer | { error: string };
        if ('error' in told) throw new Error(`the team test server did not start: ${told.error}`);
        return told;
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('the team test server did not start within 60 s');
  })());
}

export function teamOnTestServer() {
  let started: TestServer | undefined;
  const server = (): TestServer => {
    if (!started) throw new Error('the team test server has not started yet');
    return started;
  };
  const team = teamMachines(server, TEAM_USERS.map((u) => u.name));
  beforeAll(async () => {
    started = await sharedServer();
  }, 60_000);
  afterEach(async () => {
    await Promise.all(team.running.splice(0).map((e) => e.close()));
  });
  /** A login to `team` on the test server as one of the run's users. */
  const login = (team: string, user: (typeof TEAM_USERS)[number]['name']) => ({ server: server().url, db: team, user, password: TEAM_USERS.find((u) => u.name === user)!.password });
  /** bob joins `team` and syncs it: the tags he then holds on `memberId`, and every note's text. */
  const whatBobHolds = async (teamName: string, memberId: string) => {
    const b = await team.machine(teamName, 'bob', 'bob-pw');
    b.engine.start();
    await b.engine.settled(30_000);
    return { tags: (await b.db.members.get(memberId))?.tags, notes: (await b.db.notes.toArray()).map((n) => n.text) };
  };
  return { ...team, server, login, whatBobHolds };
}
