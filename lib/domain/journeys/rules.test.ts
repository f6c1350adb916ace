import { describe, expect, it } from 'vitest';
import { DAY_MS } from '../time';
import { defaultJourneyRules, mergeJourneyRules } from './rules';
import { facts, iso, member, NOW, only, order, utc } from './test-helpers';
import type { JourneyTierChange } from './types';
import { hm } from './window';

describe('unpaid order nudge', () => {
  it.each([
    // [case, placed at (UTC), expected due (UTC) or null]
    ['placed at noon: nudged two hours later', '2026-11-23T04:00:00', '2026-11-23T06:00'],
    ['placed at 20:30: the nudge would fall at 22:30, so it waits for 09:00', '2026-11-23T12:30:00', '2026-11-24T01:00'],
    ['placed at 23:50: not at night, 09:00 next morning', '2026-11-22T15:50:00', '2026-11-23T01:00'],
    ['placed four days ago: the platform has cancelled it by now', '2026-11-19T04:00:00', null],
  ])('%s', (_name, placed, due) => {
    const found = only(facts({ orders: [order({ status: 'unpaid', placedAt: utc(placed) })] }), 'unpaid');
    expect(found.map((r) => iso(r.dueAt))).toEqual(due ? [due] : []);
  });

  it('the nudge hours are a setting', () => {
    const rules = defaultJourneyRules();
    rules.unpaid.hours = 5;
    expect(only(facts({ orders: [order({ status: 'unpaid', placedAt: utc('2026-11-23T01:00:00') })] }), 'unpaid', rules).map((r) => iso(r.dueAt))).toEqual(['2026-11-23T06:00']);
  });

  it('a paid order makes an open nudge obsolete', async () => {
    const { unpaidRule } = await import('./unpaid');
    expect(unpaidRule.obsolete!({ orderId: 'demo:1' }, member(), order({ status: 'paid' }))).toBe(true);
    expect(unpaidRule.obsolete!({ orderId: 'demo:1' }, member(), order({ status: 'unpaid' }))).toBe(false);
  });
});

describe('the other journey rules', () => {
  it.each([
    ['a shipped order gets a shipping notice', facts({ orders: [order({ status: 'shipped', shippedAt: utc('2026-11-23T02:00:00') })] }), 'shipped', ['shipped:m1:demo:1'], ['2026-11-23T02:00']],
    ['a delivered order gets a follow-up 15 days later, inside 11:00-16:00', facts({ orders: [order({ status: 'delivered', deliveredAt: utc('2026-11-20T13:00:00') })] }), 'followUp', ['followUp:m1:demo:1'], ['2026-12-06T03:00']],
    ['a follow-up left open brings a second one at 30 days', facts({ leftOpen: [{ memberId: 'm1', orderId: 'demo:1', deliveredAt: utc('2026-11-01T05:00:00') }] }), 'followUp2', ['followUp2:m1:demo:1'], ['2026-12-01T05:00']],
    ['a one-time buyer gets a second-purchase push 30 days after the first order', facts({ memberList: [member({ orderCount: 1, firstOrderAt: utc('2026-10-25T05:00:00'), lastOrderAt: utc('2026-10-25T05:00:00') })] }), 'secondPurchase', ['secondPurchase:m1'], ['2026-11-24T05:00']],
    ['a returning buyer gets no second-purchase push', facts({ memberList: [member({ orderCount: 2, firstOrderAt: utc('2026-10-25T05:00:00') })] }), 'secondPurchase', [], []],
    ['a member whose lapse day is today gets a win-back at 10:00', facts({ memberList: [member({ lastOrderAt: NOW - 90 * DAY_MS })] }), 'winBack', [`winBack:m1:@${NOW - 90 * DAY_MS}`], ['2026-11-23T02:00']],
    ['a member lapsed long ago is not "just crossed"', facts({ memberList: [member({ lastOrderAt: NOW - 200 * DAY_MS })] }), 'winBack', [], []],
    ['a birthday three days away is greeted the day before at 10:00', facts({ memberList: [member({ profile: { birthday: '1990-11-26' } })] }), 'birthday', ['birthday:m1:2026'], ['2026-11-25T02:00']],
    ['a birthday today is greeted now', facts({ memberList: [member({ profile: { birthday: '11-23' } })] }), 'birthday', ['birthday:m1:2026'], ['2026-11-23T04:00']],
    ['a birthday a month away is not yet a reminder', facts({ memberList: [member({ profile: { birthday: '12-23' } })] }), 'birthday', [], []],
  ])('%s', (_name, f, kind, ids, dues) => {
    const found = only(f, kind);
    expect(found.map((r) => r.id)).toEqual(ids);
    expect(found.map((r) => iso(r.dueAt))).toEqual(dues);
  });

  it('a member who just moved up a tier after a recent order gets a tier-upgrade reminder', () => {
    const changes: JourneyTierChange[] = [
      { id: 'tc1', memberId: 'm1', to: 'gold', direction: 'up', at: NOW - DAY_MS },
      { id: 'tc2', memberId: 'm2', to: 'silver', direction: 'down', at: NOW - DAY_MS },
    ];
    const f = facts({ memberList: [member({ tierId: 'gold', lastOrderAt: NOW - DAY_MS }), member({ id: 'm2', tierId: 'silver', lastOrderAt: NOW - DAY_MS })], tierChanges: changes });
    expect(only(f, 'tierUp').map((r) => [r.id, r.detail])).toEqual([['tierUp:m1:tc1', 'gold']]);
    // An upgrade recorded by importing old history is no occasion.
    expect(only(facts({ memberList: [member({ tierId: 'gold', lastOrderAt: NOW - 300 * DAY_MS })], tierChanges: changes }), 'tierUp')).toEqual([]);
  });

  it('win-back can be kept to a saved segment: lapsing members outside it get none', () => {
    const lapsing = { lastOrderAt: NOW - 90 * DAY_MS };
    const f = facts({ memberList: [member({ id: 'gold', ...lapsing }), member({ id: 'small', ...lapsing })], savedSegments: new Map([['seg-vip', new Set(['gold'])]]) });
    const rules = defaultJourneyRules();
    expect(only(f, 'winBack', { ...rules, winBack: { ...rules.winBack, segmentId: 'seg-vip' } }).map((r) => r.memberId)).toEqual(['gold']);
    // No segment chosen (or '' from the settings page): every lapsing member.
    expect(only(f, 'winBack', { ...rules, winBack: { ...rules.winBack, segmentId: '' } }).map((r) => r.memberId).sort()).toEqual(['gold', 'small']);
    // A segment that could not be read (deleted) reaches nobody rather than everybody.
    expect(only(f, 'winBack', { ...rules, winBack: { ...rules.winBack, segmentId: 'gone' } })).toEqual([]);
  });

  it('win-back ranks by how likely the member is to come back: of two habits the more recent first, a one-time big spender last', () => {
    const f = facts({
      memberList: [
        member({ id: 'big-once', orderCount: 1, spendMinor: 900_000, lastOrderAt: NOW - 90 * DAY_MS }),
        member({ id: 'habit', orderCount: 8, spendMinor: 40_000, lastOrderAt: NOW - 91 * DAY_MS }),
        member({ id: 'habit-long-gone', orderCount: 8, spendMinor: 40_000, lastOrderAt: NOW - 190 * DAY_MS }),
      ],
    });
    expect(only(f, 'winBack').sort((x, y) => y.priority - x.priority).map((r) => r.memberId)).toEqual(['habit', 'habit-long-gone', 'big-once']);
  });
});

describe('the parcel gift', () => {
  it.each([
    // [case, tier, status, paid hours ago, expected ids]
    ['a paid order of a Gold member gets a packing reminder', 'gold', 'paid', 2, ['parcelGift:m1:demo:1']],
    ['a Diamond member too', 'diamond', 'paid', 2, ['parcelGift:m1:demo:1']],
    ['a Silver member does not', 'silver', 'paid', 2, []],
    ['an unpaid order is not packed yet', 'gold', 'unpaid', 2, []],
    ['a paid order from four days ago has left already', 'gold', 'paid', 96, []],
  ] as const)('%s', (_name, tierId, status, hours, ids) => {
    const f = facts({ memberList: [member({ tierId })], orders: [order({ status, paidAt: NOW - hours * 3_600_000, placedAt: NOW - hours * 3_600_000 })] });
    const found = only(f, 'parcelGift');
    expect(found.map((r) => r.id)).toEqual(ids);
    if (ids.length) expect(found[0]!.detail).toBe(tierId);
  });

  it('a shipped order makes the gift reminder obsolete; the tiers are a setting', async () => {
    const { parcelGiftRule } = await import('./parcel-gift');
    expect(parcelGiftRule.obsolete!({ orderId: 'demo:1' }, member(), order({ status: 'shipped' }))).toBe(true);
    expect(parcelGiftRule.obsolete!({ orderId: 'demo:1' }, member(), order({ status: 'paid' }))).toBe(false);
    const rules = defaultJourneyRules();
    rules.parcelGift.tiers = ['silver'];
    expect(only(facts({ memberList: [member({ tierId: 'silver' })], orders: [order({ status: 'paid', paidAt: NOW - 3_600_000 })] }), 'parcelGift', rules)).toHaveLength(1);
  });
});

describe('win-back in steps', () => {
  const lapsedAgo = (days: number) => member({ lastOrderAt: utc('2026-11-23T04:00:00') - days * DAY_MS });
  // Keyed on the last order's instant, whatever the shop's time zone.
  const touch = (days: number, step = '') => `winBack:m1:@${utc('2026-11-23T04:00:00') - days * DAY_MS}${step}`;
  it.each([
    // [case, days since the last order, expected ids, detail, due (UTC)]
    ['at lapse: the first touch', 90, [touch(90)], '1/3', '2026-11-23T02:00'],
    ['45 days after lapse: the second touch', 135, [touch(135, ':+45')], '2/3', '2026-11-23T02:00'],
    ['100 days after lapse: the third touch', 190, [touch(190, ':+100')], '3/3', '2026-11-23T02:00'],
    ['between touches: none', 120, [], undefined, undefined],
    ['past the last touch: none', 300, [], undefined, undefined],
  ])('%s', (_name, days, ids, detail, due) => {
    const found = only(facts({ memberList: [lapsedAgo(days)] }), 'winBack');
    expect(found.map((r) => r.id)).toEqual(ids);
    if (due) expect([found[0]!.detail, iso(found[0]!.dueAt)]).toEqual([detail, due]);
  });

  it('a late-evening order keeps its touch id in another time zone, and names the ids older versions gave it', () => {
    const late = member({ lastOrderAt: utc('2026-08-24T20:00:00') });
    const [utcTouch] = only(facts({ timeZone: 'UTC', memberList: [late] }), 'winBack');
    const [sgTouch] = only(facts({ timeZone: 'Asia/Singapore', memberList: [late] }), 'winBack');
    expect(sgTouch!.id).toBe(utcTouch!.id);
    expect(utcTouch!.formerIds).toEqual(['winBack:m1:2026-08-23', 'winBack:m1:2026-08-24', 'winBack:m1:2026-08-25']);
  });

  it('the steps are a setting', () => {
    const rules = defaultJourneyRules();
    rules.winBack.steps = [0, 30];
    expect(only(facts({ memberList: [lapsedAgo(120)] }), 'winBack', rules).map((r) => [r.id, r.detail])).toEqual([[touch(120, ':+30'), '2/2']]);
    expect(only(facts({ memberList: [lapsedAgo(135)] }), 'winBack', rules)).toEqual([]);
  });

  it('win-back steps stop on an order: no later touch is made, and the open one no longer applies', async () => {
    const { winBackRule } = await import('./win-back');
    const lapsed = lapsedAgo(135);
    const [second] = only(facts({ memberList: [lapsed] }), 'winBack');
    expect(second!.id).toBe(touch(135, ':+45'));
    // The member orders again two days later.
    const ordered = { ...lapsed, orderCount: lapsed.orderCount + 1, lastOrderAt: NOW + 2 * DAY_MS };
    expect(winBackRule.obsolete!({ refAt: second!.refAt }, ordered, undefined)).toBe(true);
    expect(winBackRule.obsolete!({ refAt: second!.refAt }, lapsed, undefined)).toBe(false);
    // 55 days on, when the third touch would have fallen due, none is proposed.
    for (const later of [NOW + 55 * DAY_MS, NOW + 2 * DAY_MS]) expect(only(facts({ now: later, memberList: [ordered] }), 'winBack')).toEqual([]);
    expect(only(facts({ now: NOW + 55 * DAY_MS, memberList: [lapsed] }), 'winBack').map((r) => r.detail)).toEqual(['3/3']);
  });
});

describe('rule settings', () => {
  it('a stored rule that no longer validates falls back to its defaults; the others keep theirs', () => {
    const { rules, invalid } = mergeJourneyRules({ unpaid: { hours: -3 }, followUp: { days: 10 } });
    expect(invalid).toEqual(['unpaid']);
    expect(rules.unpaid.hours).toBe(2);
    expect(rules.followUp.days).toBe(10);
    expect(rules.followUp.window).toEqual({ start: hm(11), end: hm(16) });
  });
});

describe('journeys follow the categories a member buys', () => {
  const CYCLES = { Tea: { lapseDays: 30, cycleDays: 21 }, Teaware: { lapseDays: 400, cycleDays: 365 } };
  it.each([
    ['a tea buyer whose tea lapse day is today gets a win-back', { Tea: NOW - 30 * DAY_MS }, NOW - 30 * DAY_MS, ['2026-11-23T02:00']],
    ['a tea buyer who also bought a teapot 100 days ago is still active: no win-back', { Tea: NOW - 30 * DAY_MS, Teaware: NOW - 100 * DAY_MS }, NOW - 30 * DAY_MS, []],
    ['once the teapot is past its 400 days too, the win-back comes', { Tea: NOW - 370 * DAY_MS, Teaware: NOW - 400 * DAY_MS }, NOW - 370 * DAY_MS, ['2026-11-23T02:00']],
  ])('%s', (_name, categoryLastAt, lastOrderAt, dues) => {
    const f = facts({ categoryCycles: CYCLES, memberList: [member({ lastOrderAt, categoryLastAt })] });
    expect(only(f, 'winBack').map((r) => iso(r.dueAt))).toEqual(dues);
  });

  it.each([
    ['a one-time tea buyer is pushed after the 21-day tea cycle', { Tea: 1 }, 21, ['secondPurchase:m1']],
    ['a one-time teapot buyer is not pushed at 21 days', { Teaware: 1 }, 21, []],
    ['an uncategorised first order keeps the 30 days', { '': 1 }, 30, ['secondPurchase:m1']],
  ])('%s', (_name, cats, daysAgo, ids) => {
    const first = NOW - daysAgo * DAY_MS;
    const categoryLastAt = Object.fromEntries(Object.keys(cats).map((c) => [c, first]));
    const f = facts({ categoryCycles: CYCLES, memberList: [member({ orderCount: 1, firstOrderAt: first, lastOrderAt: first, categoryLastAt })] });
    const found = only(f, 'secondPurchase');
    expect(found.map((r) => r.id)).toEqual(ids);
    if (ids.length) expect(found[0]!.dueAt).toBe(first + daysAgo * DAY_MS);
  });
});
