import { describe, expect, it } from 'vitest';
import { categoryFigures, type CategoryIntervalOrder } from './category-figures';
import { DAY_MS } from './time';

const TZ = 'Asia/Singapore';
const NOW = Date.parse('2026-12-01T04:00:00Z'); // noon in Singapore
const daysAgo = (n: number) => NOW - n * DAY_MS;

/** `n` members each ordering in `category` at these gaps (days) from 700 days ago. */
function buyers(prefix: string, n: number, category: string, gaps: number[]): CategoryIntervalOrder[] {
  const out: CategoryIntervalOrder[] = [];
  for (let m = 0; m < n; m++) {
    let at = daysAgo(700);
    out.push({ memberId: `${prefix}${m}`, status: 'delivered', placedAt: at, items: [{ category }] });
    for (const gap of gaps) {
      at += gap * DAY_MS;
      out.push({ memberId: `${prefix}${m}`, status: 'delivered', placedAt: at, items: [{ category }] });
    }
  }
  return out;
}

describe('lapse and cycle suggestions per category, on known distributions', () => {
  // Tea: 40 buyers coming back every 14 to 23 days (a flat spread); teaware: 25 buyers every 300–348 days.
  const tea = buyers('t', 40, 'Tea', [14, 16, 18, 20, 23]);
  const ware = buyers('w', 25, 'Teaware', [300, 348]);
  const once = buyers('o', 10, 'Tea', []);
  const figures = categoryFigures([...tea, ...ware, ...once], TZ);
  const of = (c: string) => figures.find((f) => f.category === c)!;

  it('repeat rate per category counts members who came back in that category', () => {
    expect(of('Tea')).toMatchObject({ buyers: 50, repeatBuyers: 40, repeatRate: 0.8 });
    expect(of('Teaware')).toMatchObject({ buyers: 25, repeatBuyers: 25, repeatRate: 1 });
  });

  it.each([
    // 80th percentile of {14,16,18,20,23}×40 is 20 → 21 (strictly inside) → friendly 21.
    ['Tea', 200, 18, 21, 18],
    // 80th percentile of {300,348}×25 is 348 → 349 → months of 30: 360; the cycle is the median.
    ['Teaware', 50, 300, 360, 300],
  ])('%s: %i intervals, median %i days, lapse suggested at %i days, cycle %i', (category, intervals, median, lapse, cycle) => {
    const f = of(category);
    expect(f.intervals.length).toBe(intervals);
    expect(f.medianDays).toBe(median);
    expect(f.lapse?.days).toBe(lapse);
    expect(f.cycleDays).toBe(cycle);
    expect(f.bins.reduce((s, b) => s + b.count, 0)).toBe(intervals);
  });

  it('a category with fewer than 20 repeat purchases gets no suggestion, but its histogram', () => {
    const few = categoryFigures(buyers('f', 5, 'Kettle', [200, 220]), TZ)[0]!;
    expect(few.lapse).toBeUndefined();
    expect(few.cycleDays).toBeUndefined();
    expect(few.intervals).toEqual([200, 200, 200, 200, 200, 220, 220, 220, 220, 220]);
  });

  it('orders on the same day in a category are one visit; cancelled orders are no visit', () => {
    const f = categoryFigures(
      [
        { memberId: 'a', status: 'paid', placedAt: daysAgo(10), items: [{ category: 'Tea' }] },
        { memberId: 'a', status: 'paid', placedAt: daysAgo(10) + 3_600_000, items: [{ category: 'Tea' }] },
        { memberId: 'a', status: 'cancelled', placedAt: daysAgo(5), items: [{ category: 'Tea' }] },
        { memberId: 'a', status: 'paid', placedAt: daysAgo(3), items: [{ category: 'Tea' }] },
      ],
      TZ,
    );
    expect(f[0]!.intervals).toEqual([7]);
  });

  it('a member’s orders in another category do not make an interval in this one', () => {
    const f = categoryFigures(
      [
        { memberId: 'a', status: 'paid', placedAt: daysAgo(100), items: [{ category: 'Tea' }] },
        { memberId: 'a', status: 'paid', placedAt: daysAgo(50), items: [{ category: 'Teaware' }] },
        { memberId: 'a', status: 'paid', placedAt: daysAgo(10), items: [{ category: 'Tea' }] },
      ],
      TZ,
    );
    expect(f.find((x) => x.category === 'Tea')!.intervals).toEqual([90]);
    expect(f.find((x) => x.category === 'Teaware')!.intervals).toEqual([]);
  });
});
