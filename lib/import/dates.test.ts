import { describe, expect, it } from 'vitest';
import { parseExportDate } from './dates';

describe('export dates are read in the shop time zone', () => {
  it.each([
    ['2026-03-04 13:05:00', 'Asia/Shanghai', 'ymd', '2026-03-04T05:05:00.000Z'],
    ['2026/3/4 13:05', 'Asia/Shanghai', 'ymd', '2026-03-04T05:05:00.000Z'],
    ['03/04/2026 01:05:00 PM', 'America/New_York', 'mdy', '2026-03-04T18:05:00.000Z'],
    ['04/03/2026 13:05:00', 'Europe/London', 'dmy', '2026-03-04T13:05:00.000Z'],
    ['03/04/26', 'UTC', 'mdy', '2026-03-04T00:00:00.000Z'],
    ['2026-03-04 13:05:00 +0800', 'UTC', 'ymd', '2026-03-04T05:05:00.000Z'],
    ['2026-03-04T13:05:00Z', 'Asia/Shanghai', 'ymd', '2026-03-04T13:05:00.000Z'],
    ['12/31/2025 12:00:00 AM', 'UTC', 'mdy', '2025-12-31T00:00:00.000Z'],
  ] as const)('%s in %s reads as %s', (raw, zone, order, iso) => {
    expect(new Date(parseExportDate(raw, zone, order)!).toISOString()).toBe(iso);
  });

  it.each(['', 'yesterday', '2026-02-30 10:00', '13/45/2026', '2026-03-04 25:00', '00/00/0000'])('"%s" is no date', (raw) => {
    expect(parseExportDate(raw, 'UTC', 'mdy')).toBeUndefined();
  });

  it('a wall time in the hour New York skips reads as the instant after the jump', () => {
    // 2026-03-08 02:30 does not exist in New York; it must still give a number, not NaN.
    const t = parseExportDate('2026-03-08 02:30:00', 'America/New_York', 'ymd');
    expect(Number.isFinite(t)).toBe(true);
  });
});
