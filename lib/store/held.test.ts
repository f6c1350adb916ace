import { describe, expect, it } from 'vitest';
import { heldUntilChanged } from './held';
import { memoryDb } from './test-helpers';

describe('values held until their tables change', () => {
  it('are dropped by a write to their tables, not by one to another table', async () => {
    const db = memoryDb();
    const held = heldUntilChanged(['members']);
    let reads = 0;
    const read = () => held.get(db, 'k', async () => ++reads);
    expect(await read()).toBe(1);
    await db.settings.put({ key: 'remindersSweptAt', value: 1 });
    expect(await read()).toBe(1);
    await db.members.put({ id: 'm_1', displayName: 'Ann', tags: [], profile: {}, doNotContact: false, createdAt: 1, updatedAt: 1, orderCount: 0, spendMinor: 0, currency: 'USD', spendOrderCount: 0, averageOrderMinor: 0 });
    expect(await read()).toBe(2);
  });

  // A test's store is named for itself: a write another test left running into its own store (a
  // keeper's timer, a scheduler not stopped) used to empty every store's held values, all named
  // 'regulars', and a test asserting a value was kept failed now and then on a busy machine.
  it("of one test's store are not dropped by a write to another test's store", async () => {
    const [mine, other] = [memoryDb(), memoryDb()];
    const held = heldUntilChanged(['members']);
    let reads = 0;
    const read = () => held.get(mine, 'k', async () => ++reads);
    expect(await read()).toBe(1);
    await other.members.put({ id: 'm_1', displayName: 'Bo', tags: [], profile: {}, doNotContact: false, createdAt: 1, updatedAt: 1, orderCount: 0, spendMinor: 0, currency: 'USD', spendOrderCount: 0, averageOrderMinor: 0 });
    expect(await read()).toBe(1);
  });
});
