// What the reports page's first script (early.ts) hands to its page (main.tsx): on the global object,
// not as an export, because importing the entry from the page would run it again.
import type { ResponseOf } from '@/lib/messaging/protocol';

export type ReportsAnswer = Promise<ResponseOf<'reports.refresh'>>;

type WithEarly = { regularsReportsEarly?: ReportsAnswer };

export const handOver = (answer: ReportsAnswer) => void ((globalThis as WithEarly).regularsReportsEarly = answer);

export function takeOver(): ReportsAnswer {
  const answer = (globalThis as WithEarly).regularsReportsEarly;
  if (!answer) throw new Error('The reports page loads entrypoints/reports/early.ts first; main.tsx alone cannot open it.');
  return answer;
}
