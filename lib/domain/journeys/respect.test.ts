import { describe, expect, it } from 'vitest';
import { DAY_MS } from '../time';
import { defaultJourneyRules } from './rules';
import { AUDIENCE } from './holiday';
import { respect } from './respect';
import { facts, iso, member, NOW, only, order, run, SG, utc } from './test-helpers';
import { hm } from './window';

describe('respect', () => {
  const rule = { window: { start: hm(9), end: hm(21) }, capHours: 24 };
  it.each([
    // [case, doNotContact, last contact (UTC) or null, cap hours, due (UTC), expected due, state]
    ['nobody contacted: due as proposed', false, null, 24, '2026-11-23T04:00:00', '2026-11-23T04:00', 'open'],
    ['contacted 3 hours before: waits until 24 hours have passed', false, '2026-11-23T01:00:00', 24, '2026-11-23T04:00:00', '2026-11-24T01:00', 'open'],
    ['a cap ending at night moves on to the morning', false, '2026-11-22T14:00:00', 24, '2026-11-23T04:00:00', '2026-11-24T01:00', 'open'],
    ['a reason with no cap (shipping notice) is not held back', false, '2026-11-23T03:00:00', 0, '2026-11-23T04:00:00', '2026-11-23T04:00', 'open'],
    ['a 72-hour cap (win-back) holds three days', false, '2026-11-23T03:00:00', 72, '2026-11-23T04:00:00', '2026-11-26T03:00', 'open'],
    ['do-not-contact: kept, but suppressed', true, null, 24, '2026-11-23T04:00:00', '2026-11-23T04:00', 'suppressed'],
  ])('%s', (_name, dnc, last, cap, due, expected, state) => {
    const r = respect(utc(due), { doNotContact: dnc }, { ...rule, capHours: cap }, last ? utc(last) : undefined, SG);
    expect([iso(r.dueAt), r.state]).toEqual([expected, state]);
    if (dnc) expect(r.suppressedBecause).toBe('doNotContact');
  });

  it('every rule honours do-not-contact: all its reminders come out suppressed', () => {
    const f = facts({
      memberList: [member({ doNotContact: true, orderCount: 1, firstOrderAt: NOW - 30 * DAY_MS, lastOrderAt: NOW - 90 * DAY_MS, profile: { birthday: '11-24' } })],
      orders: [order({ status: 'unpaid', placedAt: NOW }), order({ id: 'demo:2', status: 'delivered', deliveredAt: NOW - 14 * DAY_MS })],
    });
    // A holiday greeting for a whole audience is respected member by member as it is listed (audience.ts).
    const all = run(f).filter((r) => r.memberId !== AUDIENCE);
    expect(new Set(all.map((r) => r.kind))).toEqual(new Set(['unpaid', 'followUp', 'birthday', 'secondPurchase', 'winBack']));
    expect(all.every((r) => r.state === 'suppressed' && r.suppressedBecause === 'doNotContact')).toBe(true);
  });

  it('a switched-off rule proposes nothing', () => {
    const rules = defaultJourneyRules();
    rules.unpaid.enabled = false;
    expect(only(facts({ orders: [order({ status: 'unpaid', placedAt: NOW })] }), 'unpaid', rules)).toEqual([]);
  });

  it('evaluating the same facts twice proposes the same ids', () => {
    const f = facts({ orders: [order({ status: 'unpaid', placedAt: NOW }), order({ id: 'demo:2', status: 'delivered', deliveredAt: NOW - 10 * DAY_MS })] });
    expect(run(f).map((r) => r.id)).toEqual(run(f).map((r) => r.id));
  });
});
