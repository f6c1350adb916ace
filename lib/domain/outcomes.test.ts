import { describe, expect, it } from 'vitest';
import { touchOutcomes, type OutcomeOrder, type Touch } from './outcomes';
import { DAY_MS } from './time';

const T0 = Date.parse('2026-11-01T04:00:00Z');
const touch = (memberId: string, reason: string, day: number): Touch => ({ memberId, reason, at: T0 + day * DAY_MS });
const order = (memberId: string, day: number, status: OutcomeOrder['status'] = 'paid'): OutcomeOrder => ({ memberId, placedAt: T0 + day * DAY_MS, status, amountMinor: 1000, currency: 'USD' });

describe('what followed a touch', () => {
  it('a member touched by a win-back who then orders is won back; one who ordered only before, or whose order was cancelled, is not', () => {
    const r = touchOutcomes(
      [touch('won', 'winBack', 0), touch('won', 'winBack', 45), touch('before', 'winBack', 10), touch('cancelled', 'winBack', 0)],
      [order('won', 60), order('before', 5), order('cancelled', 3, 'cancelled')],
      30,
    );
    expect([r.winBackTouched, r.wonBack]).toEqual([3, 1]);
    // Of four win-back touches, one was followed by an order within 30 days (day 45 → day 60).
    expect(r.byReason).toEqual([{ reason: 'winBack', touches: 4, ordered: 1 }]);
  });

  it.each([
    // [case, order day after a follow-up on day 0, window, counted as ordered]
    ['an order 10 days after a follow-up counts within 30 days', 10, 30, 1],
    ['an order on the 30th day still counts', 30, 30, 1],
    ['an order 31 days after does not', 31, 30, 0],
    ['a window of 60 days takes it in', 31, 60, 1],
    ['an order the same moment as the touch is not after it', 0, 30, 0],
  ])('%s', (_name, day, within, ordered) => {
    expect(touchOutcomes([touch('m', 'followUp', 0)], [order('m', day)], within).byReason).toEqual([{ reason: 'followUp', touches: 1, ordered }]);
  });

  it('manual reminders are one reason, whatever their words; most touches first', () => {
    const r = touchOutcomes([touch('a', 'Call about the size', 0), touch('b', 'Ask for a review', 0), touch('c', 'birthday', 0)], [order('b', 2)], 30);
    expect(r.byReason).toEqual([
      { reason: 'manual', touches: 2, ordered: 1 },
      { reason: 'birthday', touches: 1, ordered: 0 },
    ]);
  });
});
