import { describe, expect, it } from 'vitest';
import type { MemberRow } from '@/lib/domain/rows';
import { everyone, MemberList } from '@/lib/member-list/member-list';
import { columnComparators, columnIds, pointsColumn, sortRows } from './table-columns';

const member = (id: string, over: Partial<MemberRow> = {}): MemberRow => ({ id, displayName: id, tierId: 'regular', tags: [], profile: {}, doNotContact: false, createdAt: 0, updatedAt: 0, orderCount: 1, spendMinor: 0, currency: 'USD', spendOrderCount: 1, averageOrderMinor: 0, ...over });
const CTX = { now: 0, timeZone: 'UTC', rfmBreaks: null };
const ON = { enabled: true, perUnit: 1 };

describe('the points column of the members table', () => {
  // a: 100 earned; b: 300 earned less 250 by hand; c: 5,000 yen earns 5,000; d: 20 earned plus 200 by hand.
  const list = MemberList.build(
    [member('a', { spendMinor: 10_000 }), member('b', { spendMinor: 30_000, pointsAdjustment: -250 }), member('c', { spendMinor: 5_000, currency: 'JPY' }), member('d', { spendMinor: 2_000, pointsAdjustment: 200 })],
    [],
    CTX,
  );
  const points = pointsColumn(list, ON, 'USD');

  it.each([
    ['earned from spend at the shop rate', 0, 100],
    ['less what was taken by hand', 1, 50],
    ['in the member’s own currency', 2, 5_000],
    ['plus what was given by hand', 3, 220],
  ])('shows the balance: %s', (_name, i, balance) => {
    expect(points(i)).toBe(balance);
  });

  it('sorts members by their balance, the largest first', () => {
    const sorted = sortRows(everyone(list), [{ id: 'points', desc: true }], columnComparators(list, [], points));
    expect(Array.from(sorted, (i) => list.id(i))).toEqual(['c', 'd', 'a', 'b']);
  });

  it('is offered only to a shop that uses points, and does not sort without them', () => {
    expect(columnIds(true)).toContain('points');
    expect(columnIds(false)).not.toContain('points');
    expect(columnComparators(list, []).points).toBeUndefined();
  });
});
