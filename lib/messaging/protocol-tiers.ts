// Messages of the tier ladder editor (options page) and the reports page.
import { z } from 'zod';
import { tierLadderSchema } from '../domain/tiers';
import type { ReportSnapshot } from '../domain/reports';
import { settingsSchema } from '../domain/settings';

const applied = { members: z.number(), up: z.number(), down: z.number(), ms: z.number() };

export const tiersProtocol = {
  // Every member's counted orders and spend under a window, for the tier editor's preview (the member facts' order).
  'tiers.facts': {
    request: z.object({ window: tierLadderSchema.shape.window }),
    response: z.object({ orderCount: z.array(z.number()), spendMinor: z.array(z.number()) }),
  },
  'tiers.apply': {
    request: z.object({ ladder: tierLadderSchema }),
    // remindersHeld: the tier-upgrade reminders wait for a join's end (the team's shop is still arriving).
    response: z.object({ ...applied, phases: z.record(z.string(), z.number()).optional(), remindersHeld: z.literal(true).optional() }),
  },
  // The page found the report snapshot stale: bring it up to date. The answer carries it and the
  // settings it was computed with, so the page draws without reading the store again (a read that
  // queued behind the reminders' sweep writing after an import).
  'reports.refresh': {
    request: z.object({}),
    response: z.object({ settings: settingsSchema, snapshot: z.custom<ReportSnapshot>() }),
  },
} as const;
