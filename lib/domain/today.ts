// Where a reminder stands in the popup's Today list, and the order the list shows its groups in.

/** The popup's Today list, in the order it shows them. */
export const TODAY_SECTIONS = ['overdue', 'today', 'upcoming', 'suppressed'] as const;
export type TodaySection = (typeof TODAY_SECTIONS)[number];

/** What the order of the list's rows and groups depends on. */
interface ListedRow {
  section: TodaySection;
  kind?: string | undefined;
  priority: number;
  dueAt: number;
}
interface ListedGroup {
  section: TodaySection;
  /** The journey kind, or 'manual'. */
  kind: string;
  total: number;
}

const groupKey = (section: string, kind: string | undefined) => `${section}|${kind ?? 'manual'}`;

/** Within a group: the most pressing first (highest priority, then the earliest due). */
export const mostPressingFirst = (a: ListedRow, b: ListedRow) => b.priority - a.priority || a.dueAt - b.dueAt;

/**
 * The list's rows in their order (by section, then due, then priority) and its groups in the order
 * the popup shows them: by section, then by the place of each group's first row among the rows.
 * Sent in that order, the groups keep their place when the popup has only some of the rows.
 */
export function inListOrder<R extends ListedRow, G extends ListedGroup>(rows: R[], groups: G[]): { rows: R[]; groups: G[] } {
  const bySection = (a: { section: TodaySection }, b: { section: TodaySection }) => TODAY_SECTIONS.indexOf(a.section) - TODAY_SECTIONS.indexOf(b.section);
  const sorted = [...rows].sort((a, b) => bySection(a, b) || a.dueAt - b.dueAt || b.priority - a.priority);
  const first = new Map<string, number>();
  sorted.forEach((r, i) => void (first.has(groupKey(r.section, r.kind)) || first.set(groupKey(r.section, r.kind), i)));
  const place = (g: G) => first.get(groupKey(g.section, g.kind)) ?? Infinity;
  return { rows: sorted, groups: [...groups].sort((a, b) => bySection(a, b) || place(a) - place(b) || b.total - a.total) };
}

/**
 * The part of a list (in list order) its first screen shows: every group with its total, and the
 * first `budget` rows going down the groups, each group's most pressing first; the rows held back
 * (do-not-contact, folded away at first) none. The popup opens on this and draws the rest from the
 * whole list a moment later: a few rows instead of hundreds on the way to its first frame.
 */
export function firstScreen<R extends ListedRow, G extends ListedGroup>(list: { rows: R[]; groups: G[] }, budget: number): { rows: R[]; groups: G[] } {
  const byGroup = new Map<string, R[]>();
  for (const r of list.rows) {
    const key = groupKey(r.section, r.kind);
    const group = byGroup.get(key);
    if (group) group.push(r);
    else byGroup.set(key, [r]);
  }
  const kept = new Set<R>();
  let left = budget;
  for (const g of list.groups) {
    if (g.section === 'suppressed' || left <= 0) continue;
    const rows = [...(byGroup.get(groupKey(g.section, g.kind)) ?? [])].sort(mostPressingFirst).slice(0, left);
    for (const r of rows) kept.add(r);
    left -= rows.length;
  }
  return { rows: list.rows.filter((r) => kept.has(r)), groups: list.groups };
}
