// The team server's users in unit tests: made once per run (couch-global.ts); each test's team
// database makes them its members (lib/background/sync/test-helpers.ts newTeam).
export const TEAM_USERS = [
  { name: 'alice', password: 'alice-pw' },
  { name: 'bob', password: 'bob-pw' },
] as const;
