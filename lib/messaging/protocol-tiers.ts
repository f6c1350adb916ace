// Messages of the tier ladder editor (options page) and the reports page.
import { z } from 'zod';
import { tierLadderSchema } from '../domain/tiers';

export const tiersProtocol = {
  'tiers.apply': {
    request: z.object({ ladder: tierLadderSchema }),
    response: z.object({ members: z.number(), up: z.number(), down: z.number(), ms: z.number(), phases: z.record(z.string(), z.number()).optional() }),
  },
  // The page found the report snapshot stale: bring it up to date (the page then reads it itself).
  'reports.refresh': {
    request: z.object({}),
    response: z.object({ stamp: z.string(), ms: z.number() }),
  },
} as const;
