// Calendar days as day numbers (days since 1970-01-01), shared by birthdays and holidays; no zod
// here, so a page that names a holiday (the popup) loads no schema.

const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/** Day number (days since 1970-01-01) of month/day in `year`; 29 February falls on the 28th in common years. */
export function dayOf(year: number, month: number, day: number): number {
  const d = month === 2 && day === 29 && !isLeap(year) ? 28 : day;
  return Math.floor(Date.UTC(year, month - 1, d) / 86_400_000);
}
