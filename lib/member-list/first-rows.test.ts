import { describe, expect, it } from 'vitest';
import { importOrders } from '../background/import/import-orders';
import { memberColumns } from '../background/segments/member-snapshot';
import { memoryDb, NOW, order } from '../background/test-helpers';
import { columnComparators, sortRows } from '../../components/members/table-columns';
import { DEFAULT_TIER_LADDER } from '../domain/tiers';
import { firstRows, topBySpend } from './first-rows';
import { everyone, MemberList } from './member-list';

const CTX = { now: NOW, timeZone: 'Asia/Singapore', rfmBreaks: null };

describe("the members table's first rows, ahead of the whole list", () => {
  it.each([
    ['highest first, list order among equals', [5, 9, 1, 9, 7], 3, [1, 3, 4]],
    ['fewer members than rows', [2, 4], 10, [1, 0]],
    ['everyone equal', [3, 3, 3, 3], 2, [0, 1]],
    ['no members', [], 5, []],
  ])('are the members of highest spend: %s', (_name, spend, n, expected) => {
    expect(topBySpend(spend, n)).toEqual(expected);
  });

  it('are those the whole list shows first, with their handles, while the kept facts are current; none after a write', async () => {
    const db = memoryDb();
    // Buyers on two platforms, in two currencies, one with two orders.
    const orders = [
      order({ orderNo: 'a1', buyer: { handle: 'ann', name: 'Ann' }, amountMinor: 5_000 }),
      order({ orderNo: 'b1', buyer: { handle: 'bo', name: 'Bo' }, amountMinor: 9_000, currency: 'SGD' }),
      order({ orderNo: 'c1', platform: 'shopee', buyer: { handle: 'cy_88', name: '陈一' }, amountMinor: 7_000 }),
      order({ orderNo: 'c2', platform: 'shopee', buyer: { handle: 'cy_88', name: '陈一' }, amountMinor: 4_000 }),
      order({ orderNo: 'd1', buyer: { handle: 'dee', name: 'Dee' }, amountMinor: 100 }),
    ];
    await importOrders(db, orders, NOW);
    // Nothing kept yet: the page waits for the whole list.
    expect(await firstRows(db, CTX, 3)).toBeUndefined();
    await memberColumns(db);
    const first = (await firstRows(db, CTX, 3))!;
    const shown = new MemberList(first.parts);
    const rows = (l: MemberList, indices: Uint32Array) => Array.from(indices, (i) => [l.name(i), l.handles(i), l.spendMinor(i)]);
    expect(first.total).toBe(4);
    expect(rows(shown, everyone(shown))).toEqual([['陈一', 'cy_88', 11_000], ['Bo', 'bo', 9_000], ['Ann', 'ann', 5_000]]);
    // The same rows, in the same order, as the whole list sorted by spend (the table's first sort).
    const whole = MemberList.build(await db.members.toArray(), await db.identities.toArray(), CTX);
    const sorted = sortRows(everyone(whole), [{ id: 'spend', desc: true }], columnComparators(whole, DEFAULT_TIER_LADDER.steps));
    expect(rows(whole, sorted).slice(0, 3)).toEqual(rows(shown, everyone(shown)));
    // A member written since: the kept facts are not the table's any more.
    await importOrders(db, [order({ orderNo: 'e1', buyer: { handle: 'eve' }, amountMinor: 50_000 })], NOW);
    expect(await firstRows(db, CTX, 3)).toBeUndefined();
  });
});
