import { describe, expect, it } from 'vitest';
import type { MemberWrite } from '../../domain/rows';
import { WaitingRows } from './waiting-rows';

const row = (id: string, over: Partial<MemberWrite> = {}): MemberWrite => ({
  id,
  displayName: `Buyer ${id}`,
  tags: [],
  profile: {},
  doNotContact: false,
  createdAt: 1_700_000_000_123,
  updatedAt: 1_700_000_500_456,
  orderCount: 3,
  spendMinor: 4_500_000_000_12,
  currency: 'VND',
  spendOrderCount: 3,
  averageOrderMinor: 1_500_000_000_04,
  firstOrderAt: 1_690_000_000_001,
  lastOrderAt: 1_699_999_999_999,
  categoryLastAt: { Shirts: 1_699_999_999_999 },
  pointsAdjustment: undefined,
  ...over,
});

describe('member rows waiting for an import session’s end', () => {
  it.each([
    ['an ordinary member', row('m1')],
    ['a member with no orders counted and no category', row('m2', { orderCount: 0, spendOrderCount: 0, spendMinor: 0, averageOrderMinor: 0, firstOrderAt: undefined, lastOrderAt: undefined, categoryLastAt: undefined })],
    ['a member with tags, a profile, points and several categories', row('m3', { tags: ['vip'], profile: { phone: '+84 90' }, doNotContact: true, pointsAdjustment: -40, categoryLastAt: { Shirts: 1, '': 2 } })],
    ['a row with a field the columns do not know', { ...row('m4'), tierId: 'gold' }],
  ])('%s comes back as it was set', (_, member) => {
    const rows = new WaitingRows();
    rows.set(member.id, member);
    expect(rows.get(member.id)).toStrictEqual(member);
  });

  it('holds the latest row per member, in the order they first came, and lets rows go', () => {
    const rows = new WaitingRows();
    for (let i = 0; i < 3000; i++) rows.set(`m${i}`, row(`m${i}`, { orderCount: i, currency: i % 2 ? 'EUR' : 'USD' }));
    rows.set('m7', row('m7', { orderCount: 70, displayName: 'Seven' }));
    expect(rows.size).toBe(3000);
    expect(rows.get('m7')).toMatchObject({ orderCount: 70, displayName: 'Seven', currency: 'VND' });
    expect(rows.get('m2999')).toMatchObject({ orderCount: 2999, currency: 'EUR' });
    expect([...rows.keys()].slice(0, 3)).toEqual(['m0', 'm1', 'm2']);
    expect(rows.delete('m7')).toBe(true);
    expect(rows.has('m7')).toBe(false);
    expect(rows.get('m7')).toBeUndefined();
    expect(rows.size).toBe(2999);
    expect([...rows.keys()]).toHaveLength(2999);
    expect([...rows.keys()].slice(6, 9)).toEqual(['m6', 'm8', 'm9']);
    for (let i = 0; i < 2000; i++) rows.delete(`m${i}`);
    expect(rows.get('m2500')).toMatchObject({ orderCount: 2500, currency: 'USD' });
    expect([...rows.keys()][0]).toBe('m2000');
    rows.set('m7', row('m7'));
    expect([...rows.keys()].at(-1)).toBe('m7');
    rows.clear();
    expect(rows.size).toBe(0);
    rows.set('m1', row('m1'));
    expect(rows.get('m1')).toStrictEqual(row('m1'));
  });

  it('makes the points and category-time columns only once a row fills them, and reads the rows before as empty', () => {
    const rows = new WaitingRows();
    for (let i = 0; i < 1500; i++) rows.set(`m${i}`, row(`m${i}`, { categoryLastAt: undefined }));
    rows.set('p', row('p', { pointsAdjustment: 25, categoryLastAt: { Hats: 7 } }));
    for (let i = 1500; i < 2500; i++) rows.set(`m${i}`, row(`m${i}`, { categoryLastAt: undefined }));
    expect(rows.get('m3')).toStrictEqual(row('m3', { categoryLastAt: undefined }));
    expect(rows.get('m2400')).toStrictEqual(row('m2400', { categoryLastAt: undefined }));
    expect(rows.get('p')).toStrictEqual(row('p', { pointsAdjustment: 25, categoryLastAt: { Hats: 7 } }));
    rows.set('m3', row('m3', { pointsAdjustment: -5 }));
    expect(rows.get('m3')).toStrictEqual(row('m3', { pointsAdjustment: -5 }));
  });

  it('remembers which members the session created, across later rows of theirs, and counts them after their rows are let go', () => {
    const rows = new WaitingRows();
    rows.set('new', row('new'));
    rows.set('old', row('old', { doNotContact: true }));
    rows.created.add('new');
    rows.created.add('new');
    rows.set('new', row('new', { orderCount: 9, doNotContact: true }));
    expect(rows.created.has('new')).toBe(true);
    expect(rows.created.has('old')).toBe(false);
    expect(rows.created.has('nobody')).toBe(false);
    expect(rows.created.size).toBe(1);
    expect(rows.get('new')).toStrictEqual(row('new', { orderCount: 9, doNotContact: true }));
    expect(rows.get('old')!.doNotContact).toBe(true);
    expect(() => rows.created.add('nobody')).toThrow(/No waiting row/);
    rows.set('other', row('other'));
    expect(rows.heldNotCreated()).toBe(2);
    rows.delete('new');
    rows.delete('old');
    expect(rows.heldNotCreated()).toBe(1);
    expect(rows.created.size).toBe(1);
    rows.clear();
    expect(rows.created.size).toBe(0);
  });

  it('hands the slots of its rows in the order sort() gives their ids, without the rows let go', () => {
    const rows = new WaitingRows();
    const ids = ['m_b', 'm_B', 'm_a10', 'm_a9', '会员_2', '会员_1', `m_${'z'.repeat(200)}`, 'm_gone', 'm_0'];
    for (const id of ids) rows.set(id, row(id));
    rows.delete('m_gone');
    const inOrder = Array.from(rows.slotsInKeyOrder(), (slot) => rows.idAt(slot));
    expect(inOrder).toEqual(ids.filter((id) => id !== 'm_gone').sort());
  });

  it('forgets what was out of the ordinary in a row set again without it, or let go', () => {
    const rows = new WaitingRows();
    rows.set('m1', row('m1', { tags: ['vip'], profile: { size: 'M' } }));
    rows.set('m1', row('m1'));
    expect(rows.get('m1')).toStrictEqual(row('m1'));
    rows.set('m2', row('m2', { tags: ['late payer'] }));
    rows.delete('m2');
    rows.set('m2', row('m2'));
    expect(rows.get('m2')!.tags).toEqual([]);
  });
});
