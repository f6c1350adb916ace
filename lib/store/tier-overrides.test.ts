// The applied-tier middleware over member reads. A browser's IDBCursor refuses any `this` but itself
// ("Illegal invocation"); fake-indexeddb does not, so that is modelled here: before this test, every
// cursor read of members (a name search, startsWithIgnoreCase) failed in Chromium only.
import type { DBCore, DBCoreCursor, DBCoreTable } from 'dexie';
import { describe, expect, it } from 'vitest';
import { TierOverrides, tierOverridesMiddleware } from './tier-overrides';
import { memoryDb, NOW } from './test-helpers';

/** A cursor whose getters and methods throw unless called on the cursor itself, as Chromium's do. */
function brandedCursor(rows: { id: string; tierId: string; updatedAt: number }[]): { cursor: DBCoreCursor; continued: unknown[] } {
  const continued: unknown[] = [];
  let at = 0;
  const cursor = {} as DBCoreCursor;
  const own = (name: string, get: () => unknown) =>
    Object.defineProperty(cursor, name, {
      get() {
        if (this !== cursor) throw new TypeError('Illegal invocation');
        return get();
      },
    });
  own('key', () => rows[at]?.id);
  own('primaryKey', () => rows[at]?.id);
  own('value', () => rows[at]);
  for (const name of ['continue', 'continuePrimaryKey', 'advance'] as const)
    Object.defineProperty(cursor, name, {
      value: function (this: unknown, ...args: unknown[]) {
        if (this !== cursor) throw new TypeError('Illegal invocation');
        continued.push([name, ...args]);
        at++;
      },
    });
  return { cursor, continued };
}

describe('member reads through the applied tiers', () => {
  it('a cursor over members reads keys, values and moves on as the real one does, with the applied tier', async () => {
    const db = memoryDb();
    const overrides = new TierOverrides(db);
    overrides.adopt(overrides.withMoves([{ memberId: 'm1', from: 'member', to: 'gold' }], NOW));
    const rows = [
      { id: 'm1', tierId: 'member', updatedAt: NOW - 1 },
      { id: 'm2', tierId: 'member', updatedAt: NOW - 1 },
    ];
    const { cursor, continued } = brandedCursor(rows);
    const down = { table: () => ({ openCursor: async () => cursor }) as unknown as DBCoreTable } as unknown as DBCore;
    const members = (tierOverridesMiddleware(overrides).create(down) as DBCore).table('members');
    const read = (await members.openCursor({ values: true } as Parameters<DBCoreTable['openCursor']>[0]))!;

    expect([read.key, read.primaryKey, read.value]).toEqual(['m1', 'm1', { ...rows[0], tierId: 'gold' }]);
    read.continue();
    expect([read.key, read.value]).toEqual(['m2', rows[1]]);
    read.continue('m9');
    read.continuePrimaryKey('k', 'p');
    read.advance(2);
    expect(continued).toEqual([['continue', undefined], ['continue', 'm9'], ['continuePrimaryKey', 'k', 'p'], ['advance', 2]]);
    overrides.dispose();
    db.close();
  });
});
