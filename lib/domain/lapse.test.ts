import { describe, expect, it } from 'vitest';
import { DEFAULT_LAPSE_DAYS, lapseStatus, type LapseStatus } from './lapse';
import { DAY_MS } from './time';

const ZONE = 'Asia/Shanghai';
const NOW = Date.UTC(2025, 5, 1, 4); // 12:00 on 1 June in Shanghai
const daysAgo = (days: number) => NOW - days * DAY_MS;

describe('lapseStatus', () => {
  it.each<[string, number | undefined, number, LapseStatus]>([
    ['a member who never ordered has no lapse state', undefined, 90, { state: 'none' }],
    ['a member who ordered today has the whole window left', daysAgo(0), 90, { state: 'active', daysLeft: 90 }],
    ['a member one day short of the window is still active', daysAgo(89), 90, { state: 'active', daysLeft: 1 }],
    ['a member exactly lapseDays after their last order is lapsed', daysAgo(90), 90, { state: 'lapsed', daysSince: 90 }],
    ['a member long past the window is lapsed with the days since', daysAgo(400), 90, { state: 'lapsed', daysSince: 400 }],
    ['a last order in the future counts as today', NOW + 3 * DAY_MS, 90, { state: 'active', daysLeft: 90 }],
    ['appliance shops can use a window of years', daysAgo(400), 730, { state: 'active', daysLeft: 330 }],
  ])('%s', (_rule, lastOrderAt, lapseDays, status) => {
    expect(lapseStatus(lastOrderAt, lapseDays, NOW, ZONE)).toEqual(status);
  });

  it.each<[string, number, LapseStatus]>([
    // 23:59 local on 3 March is 90 calendar days before 1 June though 89 days and 12 hours earlier.
    ['days are counted on the shop calendar: late on the boundary date is lapsed', Date.UTC(2025, 2, 3, 15, 59), { state: 'lapsed', daysSince: 90 }],
    ['days are counted on the shop calendar: just after midnight the next day is active', Date.UTC(2025, 2, 3, 16, 1), { state: 'active', daysLeft: 1 }],
  ])('%s', (_rule, lastOrderAt, status) => {
    expect(lapseStatus(lastOrderAt, 90, NOW, ZONE)).toEqual(status);
  });

  it('the default lapse window is 90 days', () => {
    expect(DEFAULT_LAPSE_DAYS).toBe(90);
  });
});
