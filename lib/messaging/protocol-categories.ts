// Messages of product categories (options page) and points (panel).
import { z } from 'zod';
import { memberRowSchema, pointsRowSchema } from '../domain/rows';
import { categoryRulesSchema } from '../domain/categories';
import { MAX_POINTS_ADJUSTMENT } from '../domain/points';

export const categoriesProtocol = {
  // Saves the rules and applies them to every stored order (the export's own categories stay).
  'categories.apply': {
    request: z.object({ rules: categoryRulesSchema }),
    response: z.object({ orders: z.number(), members: z.number(), ms: z.number() }),
  },
  'member.adjustPoints': {
    request: z.object({
      memberId: z.string().min(1).max(64),
      delta: z.number().int().min(-MAX_POINTS_ADJUSTMENT).max(MAX_POINTS_ADJUSTMENT),
      reason: z.string().trim().min(1).max(200),
    }),
    response: z.object({ member: memberRowSchema, entry: pointsRowSchema }),
  },
} as const;
