// What the panel shows of one member: everything in one answer, so one round trip paints it.
import { z } from 'zod';
import { BENEFIT_LOCALES, RFM_SEGMENTS } from '../domain/types';
import {
  epochMs,
  identityRowSchema,
  memberRowSchema,
  noteRowSchema,
  orderRowSchema,
  pointsRowSchema,
  reminderRowSchema,
} from '../domain/rows';

export const tierSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  color: z.string(),
  benefits: z.partialRecord(z.enum(BENEFIT_LOCALES), z.string()).optional(),
});

/** What team sync knows of a member beyond its rows: who added each tag, who contacted them last. */
export const teamFactsSchema = z.object({
  tagAuthors: z.record(z.string(), z.object({ by: z.string(), at: epochMs })),
  lastContact: z.object({ by: z.string(), at: epochMs }).optional(),
});
export type TeamFacts = z.infer<typeof teamFactsSchema>;

export const memberCardSchema = z.object({
  member: memberRowSchema,
  tier: tierSummarySchema,
  nextTier: tierSummarySchema.optional(),
  spendToNextMinor: z.number().int().optional(),
  ordersToNext: z.number().int().optional(),
  buyerKind: z.enum(['prospect', 'new', 'returning']),
  rfm: z
    .object({ r: z.number(), f: z.number(), m: z.number(), segment: z.enum(RFM_SEGMENTS) })
    .nullable(),
  lapse: z.discriminatedUnion('state', [
    z.object({ state: z.literal('none') }),
    z.object({ state: z.literal('active'), daysLeft: z.number() }),
    z.object({ state: z.literal('lapsed'), daysSince: z.number() }),
  ]),
  /** Lapse per category the member buys (lib/domain/categories.ts), longest still to go first; empty when they buy none. */
  categoryLapse: z.array(z.object({ category: z.string(), lapseDays: z.number(), daysSince: z.number(), lapsed: z.boolean() })),
  /** Their points and the latest hand adjustments; absent when the shop does not use points. */
  points: z.object({ earned: z.number(), adjusted: z.number(), balance: z.number(), log: z.array(pointsRowSchema) }).optional(),
  identities: z.array(identityRowSchema.pick({ id: true, platform: true, kind: true, value: true, display: true, linkedBy: true })),
  recentOrders: z.array(orderRowSchema),
  orderTotal: z.number().int().nonnegative(),
  /** Counted spend in the member's currency per calendar month, the last 12 months, oldest first. */
  spendByMonth: z.array(z.number()),
  notes: z.array(noteRowSchema),
  noteTotal: z.number().int().nonnegative(),
  /** Open and snoozed reminders, soonest first. */
  reminders: z.array(reminderRowSchema),
  /** The identity this card was looked up by. */
  matchedBy: z.object({ platform: z.string(), handle: z.string() }).optional(),
  computedAt: epochMs,
  /** Only when connected to a team (lib/background/sync/team-facts.ts). */
  team: teamFactsSchema.optional(),
});
export type MemberCard = z.infer<typeof memberCardSchema>;
