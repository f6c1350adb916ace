import { describe, expect, it } from 'vitest';
import { RFM_SEGMENT_ORDER, rfmBreaks, rfmScore, rfmSegmentFor, type RfmMemberFacts } from './rfm';
import { DAY_MS } from './time';
import { RFM_SEGMENTS, type MemberStats, type RfmBreaks } from './types';

const ZONE = 'Asia/Shanghai';
const NOW = Date.UTC(2025, 5, 1, 4); // 12:00 in Shanghai
const member = (daysAgo: number, orderCount: number, spendMinor: number): RfmMemberFacts => ({
  lastOrderAt: NOW - daysAgo * DAY_MS,
  orderCount,
  spendMinor,
});
const stats = (m: RfmMemberFacts): MemberStats => ({
  orderCount: m.orderCount,
  spendMinor: m.spendMinor,
  currency: 'CNY',
  spendOrderCount: m.orderCount,
  averageOrderMinor: 0,
  lastOrderAt: m.lastOrderAt,
});
const scoresOf = (members: RfmMemberFacts[]) => {
  const breaks = rfmBreaks(members, NOW, ZONE);
  return members.map((m) => {
    const score = rfmScore(stats(m), breaks, NOW, ZONE);
    return score && [score.r, score.f, score.m];
  });
};

describe('rfmBreaks', () => {
  it.each<[string, RfmMemberFacts[], RfmBreaks]>([
    ['five distinct members get one cut between each pair',
      [member(0, 5, 500), member(10, 4, 400), member(20, 3, 300), member(30, 2, 200), member(40, 1, 100)],
      { recencyDays: [10, 20, 30, 40], frequency: [1, 2, 3, 4], monetary: [100, 200, 300, 400] }],
    ['members without a counted order do not shape the cuts',
      [member(0, 5, 500), member(10, 4, 400), member(20, 3, 300), member(30, 2, 200), member(40, 1, 100),
        { orderCount: 0, spendMinor: 0 }, { orderCount: 0, spendMinor: 0, lastOrderAt: NOW }],
      { recencyDays: [10, 20, 30, 40], frequency: [1, 2, 3, 4], monetary: [100, 200, 300, 400] }],
    ['a big tie of one-time buyers sits in the quintile of its middle',
      [...Array.from({ length: 7 }, () => member(5, 1, 100)), member(5, 2, 100), member(5, 2, 100), member(5, 5, 100)],
      { recencyDays: [5, 5, 6, 6], frequency: [0, 1, 1, 1], monetary: [99, 99, 100, 100] }],
  ])('%s', (_rule, members, breaks) => {
    expect(rfmBreaks(members, NOW, ZONE)).toEqual(breaks);
  });

  it.each<[string, RfmMemberFacts[], (number[] | undefined)[]]>([
    ['a single member scores 3 in every dimension', [member(3, 2, 900)], [[3, 3, 3]]],
    ['members who are all equal all score 3', [member(3, 2, 900), member(3, 2, 900), member(3, 2, 900)],
      [[3, 3, 3], [3, 3, 3], [3, 3, 3]]],
    ['three distinct members score 1, 3 and 5', [member(1, 9, 900), member(50, 3, 300), member(99, 1, 100)],
      [[5, 5, 5], [3, 3, 3], [1, 1, 1]]],
    ['fewer days since the last order is a higher R score', [member(0, 1, 1), member(1, 1, 1), member(2, 1, 1), member(3, 1, 1), member(4, 1, 1)],
      [[5, 3, 3], [4, 3, 3], [3, 3, 3], [2, 3, 3], [1, 3, 3]]],
    ['a member without a counted order has no score', [member(1, 9, 900), { orderCount: 0, spendMinor: 0 }],
      [[3, 3, 3], undefined]],
  ])('%s', (_rule, members, scores) => {
    expect(scoresOf(members)).toEqual(scores);
  });

  it('with no scored members, a buyer who bought once today scores 3 in every dimension', () => {
    const breaks = rfmBreaks([{ orderCount: 0, spendMinor: 0 }], NOW, ZONE);
    const score = rfmScore(stats(member(0, 1, 0)), breaks, NOW, ZONE);
    expect(score && [score.r, score.f, score.m]).toEqual([3, 3, 3]);
  });

  it('distinct values split into five equal quintiles', () => {
    const members = Array.from({ length: 1000 }, (_, i) => member(i, i + 1, (i + 1) * 100));
    const counts = { r: [0, 0, 0, 0, 0], f: [0, 0, 0, 0, 0], m: [0, 0, 0, 0, 0] };
    for (const s of scoresOf(members)) {
      const [r = 0, f = 0, m = 0] = s ?? [];
      counts.r[r - 1]! += 1;
      counts.f[f - 1]! += 1;
      counts.m[m - 1]! += 1;
    }
    expect(counts).toEqual({ r: [200, 200, 200, 200, 200], f: [200, 200, 200, 200, 200], m: [200, 200, 200, 200, 200] });
  });

  it('a better value never scores lower than a worse one', () => {
    let seed = 7;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const members = Array.from(
      { length: 500 },
      () => member(Math.floor(random() * 400), 1 + Math.floor(random() * random() * 8), Math.floor(random() * 50_000)),
    );
    const breaks = rfmBreaks(members, NOW, ZONE);
    const scored = members.map((m) => ({ m, s: rfmScore(stats(m), breaks, NOW, ZONE)! }));
    // 250,000 pairs: collect the violations and assert once (an expect per pair is slow on a busy machine).
    const violations: string[] = [];
    for (const a of scored) {
      for (const b of scored) {
        if (a.m.orderCount > b.m.orderCount && a.s.f < b.s.f) violations.push(`F ${a.m.orderCount}>${b.m.orderCount} scored ${a.s.f}<${b.s.f}`);
        if (a.m.spendMinor > b.m.spendMinor && a.s.m < b.s.m) violations.push(`M ${a.m.spendMinor}>${b.m.spendMinor} scored ${a.s.m}<${b.s.m}`);
        if (a.m.lastOrderAt! > b.m.lastOrderAt! && a.s.r < b.s.r) violations.push(`R ${a.m.lastOrderAt}>${b.m.lastOrderAt} scored ${a.s.r}<${b.s.r}`);
      }
    }
    expect(violations.slice(0, 5)).toEqual([]);
  });
});

describe('rfmScore', () => {
  const breaks: RfmBreaks = { recencyDays: [10, 20, 30, 40], frequency: [1, 2, 3, 4], monetary: [100, 200, 300, 400] };
  const score = (m: RfmMemberFacts) => {
    const s = rfmScore(stats(m), breaks, NOW, ZONE);
    return s && [s.r, s.f, s.m];
  };

  it.each([
    ['a value on a frequency or monetary cut gets the lower score', member(0, 2, 200), [5, 2, 2]],
    ['a value just above a cut gets the higher score', member(0, 3, 201), [5, 3, 3]],
    ['a recency on a cut gets the lower (older) score', member(10, 1, 0), [4, 1, 1]],
    ['a recency just inside a cut gets the higher score', member(9, 1, 0), [5, 1, 1]],
    ['beyond the last cut is the extreme score', member(400, 9, 9_999), [1, 5, 5]],
  ])('%s', (_rule, m, expected) => {
    expect(score(m)).toEqual(expected);
  });

  it('recency counts calendar days in the shop zone, not 24-hour periods', () => {
    // 23:30 the evening before NOW's local day is 1 calendar day ago though only 12.5 hours earlier.
    const lateLastNight = Date.UTC(2025, 4, 31, 15, 30);
    const tight: RfmBreaks = { ...breaks, recencyDays: [1, 2, 3, 4] };
    expect(rfmScore({ ...stats(member(0, 1, 0)), lastOrderAt: lateLastNight }, tight, NOW, ZONE)?.r).toBe(4);
  });

  it('the score carries the segment of its R, F and M', () => {
    expect(rfmScore(stats(member(0, 9, 9_999)), breaks, NOW, ZONE)?.segment).toBe('champions');
  });
});

describe('rfmSegmentFor', () => {
  it.each([
    ['the best in every dimension are Champions', 5, 5, 5, 'champions'],
    ['recent with F and M averaging above 4 are Champions', 5, 5, 4, 'champions'],
    ['recent and high FM but not the very top is Loyal', 4, 5, 5, 'loyal'],
    ['middling recency with high FM is Loyal', 3, 4, 4, 'loyal'],
    ['very recent with the lowest FM is New', 5, 1, 1, 'new'],
    ['recent with the lowest FM is Promising', 4, 1, 1, 'promising'],
    ['recent with middling FM is a Potential loyalist', 5, 2, 3, 'potentialLoyalist'],
    ['middling in every dimension needs attention', 3, 3, 3, 'needAttention'],
    ['middling recency with low FM is About to sleep', 3, 1, 2, 'aboutToSleep'],
    ['long ago with high FM is At risk', 2, 5, 5, 'atRisk'],
    ['longest ago with the highest FM is Can\'t lose', 1, 5, 5, 'cantLose'],
    ['longest ago with good but not top FM is At risk', 1, 4, 4, 'atRisk'],
    ['long ago with low FM is Hibernating', 2, 2, 2, 'hibernating'],
    ['longest ago with low FM is Lost', 1, 2, 1, 'lost'],
    ['long ago with the lowest FM is Lost', 2, 1, 1, 'lost'],
  ] as const)('%s', (_rule, r, f, m, segment) => {
    expect(rfmSegmentFor(r, f, m)).toBe(segment);
  });

  it('every score combination maps to a segment and every segment is reachable', () => {
    const seen = new Set<string>();
    for (let r = 1; r <= 5; r += 1) {
      for (let f = 1; f <= 5; f += 1) {
        for (let m = 1; m <= 5; m += 1) {
          const segment = rfmSegmentFor(r, f, m);
          expect(RFM_SEGMENTS).toContain(segment);
          seen.add(segment);
        }
      }
    }
    expect([...seen].sort()).toEqual([...RFM_SEGMENTS].sort());
  });

  it.each([
    ['scores above 5 count as 5', 9, 9, 9, 'champions'],
    ['scores below 1 count as 1', 0, -3, Number.NaN, 'lost'],
  ] as const)('%s', (_rule, r, f, m, segment) => {
    expect(rfmSegmentFor(r, f, m)).toBe(segment);
  });
});

describe('RFM_SEGMENT_ORDER', () => {
  it('lists every segment exactly once, Champions first and Lost last', () => {
    expect([...RFM_SEGMENT_ORDER].sort()).toEqual([...RFM_SEGMENTS].sort());
    expect(RFM_SEGMENT_ORDER[0]).toBe('champions');
    expect(RFM_SEGMENT_ORDER.at(-1)).toBe('lost');
  });
});
