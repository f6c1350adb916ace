// What the reports page's first script (early.ts) hands to its page (main.tsx), through earlyHandoff.
import { earlyHandoff } from '@/components/early-handoff';
import type { ResponseOf } from '@/lib/messaging/protocol';

export type ReportsAnswer = Promise<ResponseOf<'reports.refresh'>>;

export const { handOver, takeOver } = earlyHandoff<ReportsAnswer>('regularsReportsEarly', 'reports');
