import { describe, expect, it } from 'vitest';
import { DAY_MS } from '../time';
import { nextOccurrence } from './birthday';
import { AUDIENCE, audienceMemberId, audienceOf, defaultHolidays, holidaysByNextDate, inAudience } from './holiday';
import { defaultJourneyRules, mergeJourneyRules } from './rules';
import { facts, iso, member, only, SG, utc } from './test-helpers';

describe('birthdays on 29 February', () => {
  it.each([
    ['in a common year it is kept on 28 February', '2027-02-20T04:00:00', { year: 2027, date: '2027-02-28' }],
    ['in a leap year on the 29th', '2028-02-20T04:00:00', { year: 2028, date: '2028-02-29' }],
    ['after the 28th of a common year, the next is the 29th of the leap year', '2027-03-01T04:00:00', { year: 2028, date: '2028-02-29' }],
  ])('%s', (_name, now, expected) => {
    const next = nextOccurrence('2000-02-29', utc(now), SG)!;
    expect({ year: next.year, date: new Date(next.day * DAY_MS).toISOString().slice(0, 10) }).toEqual(expected);
  });

  it('the greeting is due the day before, on the 27th in a common year', () => {
    const f = facts({ now: utc('2027-02-25T04:00:00'), memberList: [member({ profile: { birthday: '02-29' } })] });
    expect(only(f, 'birthday').map((r) => iso(r.dueAt))).toEqual(['2027-02-27T02:00']);
  });
});

describe('holiday greetings', () => {
  const christmasEve = utc('2026-12-20T04:00:00');
  const people = [member({ id: 'gold', tierId: 'gold' }), member({ id: 'champ', tierId: 'regular' }), member({ id: 'saved', tierId: 'regular' }), member({ id: 'other', tierId: 'regular' })];
  it('are one greeting for the whole audience: members of the chosen tiers, RFM segments and saved segment, and nobody else', () => {
    const rules = defaultJourneyRules();
    rules.holiday.holidays = [{ id: 'christmas', name: 'Christmas', date: '12-25', tiers: ['gold'], segments: ['champions'], segmentId: 'vip' }];
    const f = facts({ now: christmasEve, memberList: people, segmentOf: (m) => (m.id === 'champ' ? 'champions' : 'hibernating'), savedSegments: new Map([['vip', new Set(['saved'])]]) });
    const found = only(f, 'holiday', rules);
    expect(found.map((r) => [r.id, r.memberId, r.state, iso(r.dueAt)])).toEqual([['holiday:*:christmas:2026', AUDIENCE, 'open', '2026-12-24T02:00']]);
    const holiday = rules.holiday.holidays[0]!;
    expect(people.filter((m) => inAudience(holiday, m, f.segmentOf, f.savedSegments)).map((m) => m.id)).toEqual(['gold', 'champ', 'saved']);
    expect(audienceOf(audienceMemberId(found[0]!.id, 'gold'))).toEqual({ audienceId: 'holiday:*:christmas:2026', memberId: 'gold' });
    expect([audienceOf(found[0]!.id), audienceOf('birthday:gold:2026')]).toEqual([undefined, undefined]);
  });

  it('are not made weeks ahead, and a dated one-off is not repeated the next year', () => {
    const rules = defaultJourneyRules();
    rules.holiday.holidays = [{ id: 'bf', name: 'Black Friday', date: '2025-11-28', tiers: ['gold'], segments: [] }];
    expect(only(facts({ now: utc('2026-11-20T04:00:00'), memberList: people }), 'holiday', rules)).toEqual([]);
    expect(only(facts({ now: utc('2026-10-01T04:00:00'), memberList: people }), 'holiday')).toEqual([]);
  });

  it("default to the region's holidays: a Chinese shop gets the lunar ones, a Singapore shop Lunar New Year", () => {
    expect(defaultJourneyRules('zh-CN').holiday.holidays.map((h) => h.builtIn)).toEqual(expect.arrayContaining(['lunarNewYear', 'midAutumn', 'singlesDay']));
    expect(defaultJourneyRules('en').holiday.holidays.map((h) => h.builtIn)).toContain('christmas');
    expect(defaultJourneyRules('en', 'SG').holiday.holidays.map((h) => h.builtIn)).toContain('lunarNewYear');
    expect(defaultJourneyRules('en', 'US').holiday.holidays.map((h) => h.builtIn)).not.toContain('lunarNewYear');
  });

  it('a computed holiday comes round every year: Mid-Autumn 2027 and 2030 greetings fall the day before', () => {
    const rules = defaultJourneyRules('en', 'SG');
    rules.holiday.holidays = rules.holiday.holidays.filter((h) => h.builtIn === 'midAutumn').map((h) => ({ ...h, tiers: ['gold'] }));
    for (const [now, holiday, due] of [['2027-09-10T04:00:00', '2027-09-15', '2027-09-14T02:00'], ['2030-09-08T04:00:00', '2030-09-12', '2030-09-11T02:00']] as const) {
      const found = only(facts({ now: utc(now), memberList: people }), 'holiday', rules);
      expect(found.map((r) => [r.memberId, r.detail, iso(r.dueAt), new Date(r.refAt! + 8 * 3_600_000).toISOString().slice(0, 10)])).toEqual([[AUDIENCE, 'midAutumn', due, holiday]]);
    }
  });

  it('a region chosen in Settings brings its holidays when none are stored; stored ones are kept', () => {
    expect(mergeJourneyRules({ holiday: { region: 'KR' } }).rules.holiday.holidays.map((h) => h.id)).toContain('mothersDay-KR');
    const own = [{ id: 'shop-birthday', name: 'Shop birthday', date: '04-01', tiers: ['gold'], segments: [] }];
    expect(mergeJourneyRules({ holiday: { region: 'KR', holidays: own } }).rules.holiday.holidays).toEqual(own);
  });

  it.each([
    // SG 2026-27: 12.12, Christmas, New Year, Lunar New Year (6 Feb), Mother's Day (9 May), National Day (9 Aug), Mid-Autumn (15 Sep), 11.11.
    ['early December', '2026-12-04T04:00:00', ['doubleTwelve', 'christmas', 'shop-birthday', 'newYear', 'lunarNewYear', 'mothersDay', 'nationalDay', 'midAutumn', 'singlesDay', 'opening-sale']],
    ['after Christmas', '2026-12-27T04:00:00', ['shop-birthday', 'newYear', 'lunarNewYear', 'mothersDay', 'nationalDay', 'midAutumn', 'singlesDay', 'doubleTwelve', 'christmas', 'opening-sale']],
  ])('are listed by the day they next come, a past one-off last: %s', (_when, now, order) => {
    const own = [
      { id: 'opening-sale', name: 'Opening sale', date: '2025-03-01', tiers: [], segments: [] },
      { id: 'shop-birthday', name: 'Shop birthday', date: '12-30', tiers: [], segments: [] },
    ];
    const list = holidaysByNextDate([...own, ...defaultHolidays('SG')], utc(now), SG);
    expect(list.map((h) => h.builtIn ?? h.id)).toEqual(order);
  });
});
