import { z } from 'zod';
import { memberStats } from './stats';
import { DAY_MS } from './time';
import { BENEFIT_LOCALES, type MemberStats, type OrderFacts, type TierLadder, type TierStep } from './types';
import { refinement } from './reason';

/**
 * Thresholds are minor units of the shop currency; these assume a 2-digit currency
 * (100.00 = 10_000). Shops in JPY, VND, KWD… should tune them, ideally from their own distribution.
 */
export const DEFAULT_TIER_LADDER: TierLadder = {
  steps: [
    { id: 'regular', name: 'Regular', color: '#94A3B8' },
    { id: 'silver', name: 'Silver', color: '#A8A9AD', minOrders: 2, minSpendMinor: 10_000 },
    { id: 'gold', name: 'Gold', color: '#D4AF37', minOrders: 5, minSpendMinor: 50_000 },
    { id: 'diamond', name: 'Diamond', color: '#38BDF8', minOrders: 10, minSpendMinor: 200_000 },
  ],
  match: 'any',
  window: 'lifetime',
};

export interface TierProgress {
  current: TierStep;
  /** The step above `current`; undefined at the top of the ladder. */
  next?: TierStep | undefined;
  /** Spend still missing for `next`'s spend threshold (0 when met); set when that threshold is. */
  spendToNextMinor?: number | undefined;
  /** Orders still missing for `next`'s order threshold (0 when met); set when that threshold is. */
  ordersToNext?: number | undefined;
}

type TierFacts = Pick<MemberStats, 'orderCount' | 'spendMinor'>;

function reaches(step: TierStep, stats: TierFacts, match: TierLadder['match']): boolean {
  const checks: boolean[] = [];
  if (step.minSpendMinor !== undefined) checks.push(stats.spendMinor >= step.minSpendMinor);
  if (step.minOrders !== undefined) checks.push(stats.orderCount >= step.minOrders);
  if (checks.length === 0) return true; // a step without thresholds is a floor
  return match === 'any' ? checks.some(Boolean) : checks.every(Boolean);
}

function floorStep(ladder: TierLadder): TierStep {
  const first = ladder.steps[0];
  if (first === undefined) throw new Error('A tier ladder needs at least one step');
  return first;
}

/** The highest step whose thresholds the stats reach (spend is compared in minor units as is). */
export function tierForStats(ladder: TierLadder, stats: TierFacts): TierStep {
  for (let i = ladder.steps.length - 1; i > 0; i -= 1) {
    const step = ladder.steps[i];
    if (step !== undefined && reaches(step, stats, ladder.match)) return step;
  }
  return floorStep(ladder);
}

/**
 * The member's step from their orders. With a rolling window only orders placed at or after
 * `now - days × 24 h` count, so an order placed exactly `days` days ago still counts.
 */
export function tierFor(ladder: TierLadder, orders: readonly OrderFacts[], now: number, shopCurrency: string): TierStep {
  const window = ladder.window;
  const inWindow = window === 'lifetime' ? orders : orders.filter((o) => o.placedAt >= now - window.days * DAY_MS);
  return tierForStats(ladder, memberStats(inWindow, shopCurrency));
}

/**
 * What is missing to reach the next step. Both gaps are reported when both thresholds are set:
 * with match 'any' the smaller effort is enough, with 'all' both must be closed.
 */
export function tierProgress(ladder: TierLadder, stats: TierFacts): TierProgress {
  const current = tierForStats(ladder, stats);
  const next = ladder.steps[ladder.steps.indexOf(current) + 1];
  if (next === undefined) return { current };
  const progress: TierProgress = { current, next };
  if (next.minSpendMinor !== undefined) progress.spendToNextMinor = Math.max(0, next.minSpendMinor - stats.spendMinor);
  if (next.minOrders !== undefined) progress.ordersToNext = Math.max(0, next.minOrders - stats.orderCount);
  return progress;
}

export type TierDirection = 'up' | 'down' | 'same';

/**
 * Whether moving from one step to another is an upgrade. No previous step, or one no longer on the
 * ladder, counts as the floor: reaching the floor is no news, reaching anything above it is 'up'.
 */
export function tierDirection(ladder: TierLadder, fromId: string | undefined, toId: string): TierDirection {
  const rank = (id: string | undefined) => Math.max(0, ladder.steps.findIndex((s) => s.id === id));
  const from = rank(fromId);
  const to = rank(toId);
  if (to > from) return 'up';
  return to < from ? 'down' : 'same';
}

const thresholdSchema = z.number().int().nonnegative().optional();

export const tierStepSchema = z.object({
  id: z.string().trim().min(1),
  name: z.string().trim().min(1),
  color: z.string().regex(/^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/, 'Colour must be a hex colour like #D4AF37'),
  minSpendMinor: thresholdSchema,
  minOrders: thresholdSchema,
  benefits: z.partialRecord(z.enum(BENEFIT_LOCALES), z.string().trim().max(300)).optional(),
  /** What goes into a parcel of this tier at packing time (VIP care), per language. */
  gift: z.partialRecord(z.enum(BENEFIT_LOCALES), z.string().trim().max(300)).optional(),
});

/**
 * A tier's benefits in the language asked for; else in English; else in whichever language the
 * owner wrote them. Undefined when the tier has none.
 */
export function benefitsText(step: Pick<TierStep, 'benefits'>, locale: string): string | undefined {
  return textIn(step.benefits, locale);
}

/** A tier's parcel gift in the language asked for, the same way as its benefits. */
export function giftText(step: Pick<TierStep, 'gift'>, locale: string): string | undefined {
  return textIn(step.gift, locale);
}

function textIn(b: Partial<Record<string, string>> | undefined, locale: string): string | undefined {
  if (!b) return undefined;
  const own = b[locale]?.trim();
  if (own) return own;
  const en = b.en?.trim();
  if (en) return en;
  return Object.values(b).find((v) => v?.trim())?.trim();
}

export const tierLadderSchema = z
  .object({
    steps: z.array(tierStepSchema).min(1),
    match: z.enum(['any', 'all']),
    window: z.union([z.literal('lifetime'), z.object({ days: z.number().int().positive() })]),
  })
  .superRefine((ladder, ctx) => {
    const seen = new Set<string>();
    ladder.steps.forEach((step, i) => {
      if (seen.has(step.id)) ctx.addIssue({ code: 'custom', path: ['steps', i, 'id'], ...refinement('tierIdsUnique', 'Step ids must be unique') });
      seen.add(step.id);
      const hasThreshold = step.minSpendMinor !== undefined || step.minOrders !== undefined;
      if (i === 0 && hasThreshold) {
        ctx.addIssue({ code: 'custom', path: ['steps', 0], ...refinement('tierFloorThreshold', 'The first step is the floor and has no thresholds') });
      }
      if (i > 0 && !hasThreshold) {
        ctx.addIssue({ code: 'custom', path: ['steps', i], ...refinement('tierNeedsThreshold', 'Every step above the first needs a threshold') });
      }
    });
    // Thresholds must not fall as the ladder climbs, or a higher step would be easier to reach.
    for (const key of ['minSpendMinor', 'minOrders'] as const) {
      let previous: number | undefined;
      ladder.steps.forEach((step, i) => {
        const value = step[key];
        if (value === undefined) return;
        if (previous !== undefined && value < previous) {
          ctx.addIssue({ code: 'custom', path: ['steps', i, key], ...refinement('tierThresholdsFall', 'Thresholds must not decrease up the ladder') });
        }
        previous = value;
      });
    }
  });

// Compile-time check that the schema produces exactly the shared contract.
const _ladderMatchesContract: z.ZodType<TierLadder> = tierLadderSchema;
void _ladderMatchesContract;

/** What applying a ladder to every member did: members re-evaluated, moved up, moved down, and how long it took. */
export interface LadderApplied {
  members: number;
  up: number;
  down: number;
  ms: number;
  /** Where the time went (ms per phase), for the benchmark. */
  phases?: Record<string, number> | undefined;
  /** The tier-upgrade reminders wait: a join brings the team's shop, they are made at its end. */
  remindersHeld?: true | undefined;
}
