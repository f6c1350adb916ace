// Where a reminder stands in the popup's Today list.

/** The popup's Today list, in the order it shows them. */
export const TODAY_SECTIONS = ['overdue', 'today', 'upcoming', 'suppressed'] as const;
export type TodaySection = (typeof TODAY_SECTIONS)[number];
