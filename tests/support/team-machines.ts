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
  return { ...team, server };
}
