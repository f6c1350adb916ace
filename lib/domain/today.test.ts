import { describe, expect, it } from 'vitest';
import { firstScreen, inListOrder, mostPressingFirst, type TodaySection } from './today';

const HOUR = 3_600_000;
type Row = { id: string; section: TodaySection; kind?: string; priority: number; dueAt: number };
const row = (id: string, section: TodaySection, kind: string | undefined, dueAt: number, priority = 1): Row => ({ id, section, kind, dueAt, priority });
/** Groups as the background counts them: one per section and kind, with its total. */
const groupsOf = (rows: Row[], more: Record<string, number> = {}) => {
  const totals = new Map<string, number>();
  for (const r of rows) totals.set(`${r.section}|${r.kind ?? 'manual'}`, (totals.get(`${r.section}|${r.kind ?? 'manual'}`) ?? 0) + 1);
  return [...totals].map(([key, total]) => ({ section: key.split('|')[0] as TodaySection, kind: key.split('|')[1]!, total: total + (more[key] ?? 0) }));
};

describe("Today's list order", () => {
  it('groups come in the order of their first row in the list, section by section, whatever their size', () => {
    const rows = [
      ...Array.from({ length: 5 }, (_, i) => row(`w${i}`, 'upcoming', 'winBack', 30 * HOUR + i)),
      row('t1', 'upcoming', 'tierUp', 26 * HOUR),
      row('s1', 'suppressed', 'holiday', 0),
      row('m1', 'overdue', undefined, -2 * HOUR),
      row('f1', 'overdue', 'followUp', -5 * HOUR),
    ];
    const { rows: sorted, groups } = inListOrder(rows, groupsOf(rows));
    expect(sorted.map((r) => r.id)).toEqual(['f1', 'm1', 't1', 'w0', 'w1', 'w2', 'w3', 'w4', 's1']);
    expect(groups.map((g) => `${g.section}|${g.kind}`)).toEqual(['overdue|followUp', 'overdue|manual', 'upcoming|tierUp', 'upcoming|winBack', 'suppressed|holiday']);
  });
});

describe("Today's first screen", () => {
  // Overdue follow-ups (12 rows sent of 40), one manual reminder, 10 win-backs; two members held back.
  const rows = [
    ...Array.from({ length: 12 }, (_, i) => row(`f${i}`, 'overdue', 'followUp', -HOUR * (i + 1), i % 3)),
    row('m1', 'overdue', undefined, -30 * HOUR),
    ...Array.from({ length: 10 }, (_, i) => row(`w${i}`, 'upcoming', 'winBack', 40 * HOUR + i)),
    row('s1', 'suppressed', 'holiday', 0),
    row('s2', 'suppressed', 'birthday', 0),
  ];
  const whole = inListOrder(rows, groupsOf(rows, { 'overdue|followUp': 28 }));

  const F = ['f11', 'f8', 'f5', 'f2', 'f10', 'f7', 'f4', 'f1', 'f9', 'f6', 'f3', 'f0'];
  it.each([
    [9, ['m1', ...F.slice(0, 8)]],
    [15, ['m1', ...F, 'w0', 'w1']],
    [100, ['m1', ...F, ...Array.from({ length: 10 }, (_, i) => `w${i}`)]],
  ])('of %i rows: the first rows going down the groups, most pressing first, none held back, every group with its total', (budget, ids) => {
    const first = firstScreen(whole, budget);
    expect(first.groups).toEqual(whole.groups);
    expect(whole.groups.map((g) => g.kind)).toEqual(['manual', 'followUp', 'winBack', 'holiday', 'birthday']);
    // In the list's order, as the whole list sends them.
    expect(first.rows).toEqual(whole.rows.filter((r) => first.rows.includes(r)));
    // As the popup draws them: group by group, each most pressing first.
    const drawn = whole.groups.flatMap((g) => first.rows.filter((r) => r.section === g.section && (r.kind ?? 'manual') === g.kind).sort(mostPressingFirst));
    expect(drawn.map((r) => r.id)).toEqual(ids);
  });
});
