// Points (积分): optional, earned per unit of spend at the owner's rate, adjusted by hand with a
// reason. Earned points follow counted spend (a refund takes its points back); adjustments (a
// gift, points spent on a reward) are a logged sum on the member. Pure.
import { z } from 'zod';
import { minorDigits } from './money';
import { because, type Reason } from './reason';

export const pointsSettingsSchema = z.object({
  enabled: z.boolean(),
  /** Points per one whole unit of spend in the member's currency (1 = a point per dollar / yuan). */
  perUnit: z.number().min(0).max(1000),
});
export type PointsSettings = z.infer<typeof pointsSettingsSchema>;

export const DEFAULT_POINTS: PointsSettings = { enabled: false, perUnit: 1 };

/** Largest single adjustment: a typo of a few zeros is refused rather than stored. */
export const MAX_POINTS_ADJUSTMENT = 10_000_000;

/** Points earned by this spend: whole points, rounded down (12.99 at 1 per unit is 12). */
export function earnedPoints(spendMinor: number, currency: string, perUnit: number): number {
  if (spendMinor <= 0 || perUnit <= 0) return 0;
  const units = spendMinor / 10 ** minorDigits(currency);
  // The epsilon keeps 0.1 × 30 from landing on 2.9999.
  return Math.floor(units * perUnit + 1e-9);
}

export interface PointsMember {
  spendMinor: number;
  currency?: string | undefined;
  pointsAdjustment?: number | undefined;
}

export interface PointsBalance {
  earned: number;
  adjusted: number;
  balance: number;
}

/** The member's points; undefined when the shop does not use points. */
export function pointsOf(member: PointsMember, settings: PointsSettings, shopCurrency: string): PointsBalance | undefined {
  if (!settings.enabled) return undefined;
  const earned = earnedPoints(member.spendMinor, member.currency ?? shopCurrency, settings.perUnit);
  const adjusted = member.pointsAdjustment ?? 0;
  return { earned, adjusted, balance: earned + adjusted };
}

/** Why an adjustment can't be made (the English the store logs, the reason the page translates); undefined when it can. */
export function adjustmentProblem(delta: number, reason: string, balanceBefore: number): { message: string; reason: Reason } | undefined {
  if (!Number.isInteger(delta) || delta === 0) return { message: 'An adjustment is a whole number of points other than 0', reason: because('pointsWhole') };
  if (Math.abs(delta) > MAX_POINTS_ADJUSTMENT) return { message: `An adjustment is at most ${MAX_POINTS_ADJUSTMENT.toLocaleString('en')} points`, reason: because('pointsTooMany', { max: MAX_POINTS_ADJUSTMENT }) };
  if (!reason.trim()) return { message: 'An adjustment needs a reason', reason: because('pointsNoReason') };
  if (balanceBefore + delta < 0) return { message: `The member has ${balanceBefore} points; taking ${-delta} would leave fewer than none`, reason: because('pointsBelowZero', { balance: balanceBefore, taking: -delta }) };
  return undefined;
}
