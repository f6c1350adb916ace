import { describe, expect, it } from 'vitest';
import { DAY_MS } from '../time';
import { proposedReminders } from './evaluate';
import { followUpAnchor, followUpRule } from './follow-up';
import { defaultJourneyRules } from './rules';
import type { JourneyFacts, JourneyMember, JourneyOrder } from './types';

const SG = 'Asia/Singapore';
const utc = (iso: string) => Date.parse(`${iso}Z`);
const iso = (ts: number) => new Date(ts).toISOString().slice(0, 16);
// Monday 23 Nov 2026, 12:00 in Singapore.
const NOW = utc('2026-11-23T04:00:00');
const member: JourneyMember = { id: 'm1', tierId: 'regular', doNotContact: false, orderCount: 3, spendMinor: 30_000, lastOrderAt: NOW - 20 * DAY_MS, profile: {} };
const order = (over: Partial<JourneyOrder>): JourneyOrder => ({ id: 'demo:1', memberId: 'm1', status: 'delivered', amountMinor: 5_000, placedAt: utc('2026-11-10T02:00:00'), ...over });
const facts = (orders: JourneyOrder[]): JourneyFacts => ({ now: NOW, timeZone: SG, lapseDays: 90, members: new Map([['m1', member]]), orders, tierChanges: [], leftOpen: [], segmentOf: () => undefined, savedSegments: new Map() });
const followUps = (orders: JourneyOrder[], rules = defaultJourneyRules()) => proposedReminders(facts(orders), rules, () => undefined).filter((r) => r.kind === 'followUp');

describe('what a follow-up counts from', () => {
  it.each([
    // [case, order, basis, follow-up due (UTC; 11:00-16:00 in Singapore)]
    ['the delivery, when the order has it', order({ paidAt: utc('2026-11-10T02:00:00'), shippedAt: utc('2026-11-11T02:00:00'), deliveredAt: utc('2026-11-14T05:00:00') }), 'delivered', '2026-11-29T05:00'],
    ['else the shipping day plus 4 days of transit (Etsy, eBay, Shopify)', order({ status: 'shipped', shippedAt: utc('2026-11-11T02:00:00') }), 'shipped', '2026-11-30T03:00'],
    ['a delivered order without a delivery date counts from its shipping too', order({ shippedAt: utc('2026-11-11T02:00:00') }), 'shipped', '2026-11-30T03:00'],
    ['else the payment plus 7 days (Taobao, Shopee, Lazada, WooCommerce)', order({ paidAt: utc('2026-11-10T06:00:00') }), 'paid', '2026-12-02T06:00'],
    ['a paid order not shipped yet counts from its payment', order({ status: 'paid', paidAt: utc('2026-11-10T06:00:00') }), 'paid', '2026-12-02T06:00'],
    ['an order with only its order date counts from it', order({}), 'paid', '2026-12-02T03:00'],
  ])('%s', (_name, o, basis, due) => {
    expect(followUps([o]).map((r) => [r.detail, iso(r.dueAt)])).toEqual([[basis, due]]);
  });

  it.each(['unpaid', 'cancelled', 'refunded'] as const)('a %s order gets no follow-up', (status) => {
    expect(followUpAnchor(order({ status }), followUpRule.defaults)).toBeUndefined();
  });

  it('transit days and days from payment are settings', () => {
    const rules = defaultJourneyRules();
    rules.followUp = { ...rules.followUp, transitDays: 10, paidDays: 2 };
    expect(followUps([order({ status: 'shipped', shippedAt: utc('2026-11-11T02:00:00') })], rules).map((r) => iso(r.dueAt))).toEqual(['2026-12-06T03:00']);
    expect(followUps([order({ status: 'paid', paidAt: utc('2026-11-10T06:00:00') })], rules).map((r) => iso(r.dueAt))).toEqual(['2026-11-27T06:00']);
  });
});

describe('one follow-up per buyer', () => {
  it('a buyer with three delivered orders gets one follow-up, for the latest order', () => {
    const orders = [1, 2, 3].map((n) => order({ id: `demo:${n}`, placedAt: utc(`2026-11-0${n + 3}T02:00:00`), deliveredAt: utc(`2026-11-0${n + 6}T02:00:00`) }));
    expect(followUps(orders).map((r) => r.id)).toEqual(['followUp:m1:demo:3']);
  });

  it('a later cancelled order leaves the follow-up with the last one that arrived', () => {
    const orders = [order({ id: 'demo:1', deliveredAt: utc('2026-11-12T02:00:00') }), order({ id: 'demo:2', status: 'cancelled', placedAt: utc('2026-11-15T02:00:00') })];
    expect(followUps(orders).map((r) => r.id)).toEqual(['followUp:m1:demo:1']);
  });

  it.each([
    // [case, the member's last order, the order's status, obsolete]
    ['the buyer ordered again since: the follow-up moves to the new order', utc('2026-11-20T02:00:00'), 'delivered', true],
    ['this is still their latest order', utc('2026-11-10T02:00:00'), 'delivered', false],
    ['the order was refunded', utc('2026-11-10T02:00:00'), 'refunded', true],
    ['the order was cancelled', utc('2026-11-10T02:00:00'), 'cancelled', true],
  ] as const)('an open follow-up is obsolete when %s', (_name, lastOrderAt, status, obsolete) => {
    expect(followUpRule.obsolete!({ orderId: 'demo:1' }, { ...member, lastOrderAt }, order({ status }))).toBe(obsolete);
  });
});
