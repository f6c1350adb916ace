// Messages of the tier ladder editor (options page) and the reports page.
import { z } from 'zod';
import { tierLadderSchema } from '../domain/tiers';
import type { ReportSnapshot } from '../domain/reports';
import { settingsSchema } from '../domain/settings';

export const tiersProtocol = {
  'tiers.apply': {
    request: z.object({ ladder: tierLadderSchema }),
    response: z.object({ members: z.number(), up: z.number(), down: z.number(), ms: z.number(), phases: z.record(z.string(), z.number()).optional() }),
  },
  // The page found the report snapshot stale: bring it up to date. The answer carries it and the
  // settings it was computed with, so the page draws without reading the store again (a read that
  // queued behind the reminders' sweep writing after an import).
  'reports.refresh': {
    request: z.object({}),
    response: z.object({ settings: settingsSchema, snapshot: z.custom<ReportSnapshot>() }),
  },
} as const;
