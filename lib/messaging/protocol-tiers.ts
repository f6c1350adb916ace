// Messages of the tier ladder editor (options page): applying a ladder re-evaluates every member.
import { z } from 'zod';
import { tierLadderSchema } from '../domain/tiers';

export const tiersProtocol = {
  'tiers.apply': {
    request: z.object({ ladder: tierLadderSchema }),
    response: z.object({ members: z.number(), up: z.number(), down: z.number(), ms: z.number() }),
  },
} as const;
