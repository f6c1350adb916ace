// The journey rules, one file each, registered here; their settings form one validated record.
import { z } from 'zod';
import { birthdayRule } from './birthday';
import { followUpRule } from './follow-up';
import { defaultHolidays, holidayRule } from './holiday';
import { REGIONS, type Region } from './holiday-calendar';
import { secondPurchaseRule } from './second-purchase';
import { shippedRule } from './shipped';
import { tierUpRule } from './tier-up';
import type { JourneyKind, JourneyRule, RuleBase } from './types';
import { unpaidRule } from './unpaid';
import { winBackRule } from './win-back';
import { parcelGiftRule } from './parcel-gift';

export const RULES = {
  unpaid: unpaidRule,
  shipped: shippedRule,
  followUp: followUpRule,
  birthday: birthdayRule,
  holiday: holidayRule,
  secondPurchase: secondPurchaseRule,
  winBack: winBackRule,
  tierUp: tierUpRule,
  parcelGift: parcelGiftRule,
} as const;
export type RuleId = keyof typeof RULES;
export const RULE_IDS = Object.keys(RULES) as RuleId[];

/** The settings each reminder kind answers to: a second follow-up is tuned with the first. */
export function ruleOfKind(kind: JourneyKind): RuleId {
  return kind === 'followUp2' ? 'followUp' : kind;
}

export const journeyRulesSchema = z.object({
  unpaid: unpaidRule.schema,
  shipped: shippedRule.schema,
  followUp: followUpRule.schema,
  birthday: birthdayRule.schema,
  holiday: holidayRule.schema,
  secondPurchase: secondPurchaseRule.schema,
  winBack: winBackRule.schema,
  tierUp: tierUpRule.schema,
  parcelGift: parcelGiftRule.schema,
});
export type JourneyRules = z.infer<typeof journeyRulesSchema>;

/** A shop with no region of its own gets its language's: Chinese shops the mainland's or Taiwan's holidays. */
const regionOfLocale = (locale: string): Region => (locale === 'zh-CN' ? 'CN' : locale === 'zh-TW' ? 'TW' : 'other');

export function defaultJourneyRules(locale = 'en', region: Region = regionOfLocale(locale)): JourneyRules {
  const rules = Object.fromEntries(RULE_IDS.map((id) => [id, structuredClone(RULES[id].defaults)])) as JourneyRules;
  rules.holiday.holidays = defaultHolidays(region);
  return rules;
}

/**
 * Stored rule settings over the defaults, rule by rule: a rule whose stored settings no longer
 * validate falls back to its defaults and is named in `invalid`, the others keep theirs.
 */
export function mergeJourneyRules(stored: unknown, locale = 'en', region?: Region): { rules: JourneyRules; invalid: RuleId[] } {
  // A region chosen in Settings brings its own default holidays.
  const chosen = (stored as { holiday?: { region?: unknown } } | undefined)?.holiday?.region;
  const rules = defaultJourneyRules(locale, (REGIONS as readonly unknown[]).includes(chosen) ? (chosen as Region) : region);
  const invalid: RuleId[] = [];
  if (!stored || typeof stored !== 'object') return { rules, invalid };
  for (const id of RULE_IDS) {
    const value = (stored as Record<string, unknown>)[id];
    if (value === undefined) continue;
    const parsed = (RULES[id] as JourneyRule<RuleBase>).schema.safeParse({ ...rules[id], ...(value as object) });
    if (parsed.success) (rules as Record<RuleId, RuleBase>)[id] = parsed.data;
    else invalid.push(id);
  }
  return { rules, invalid };
}
