// Journey rule settings and message templates: one `journeys` row in the settings table, kept apart
// from the shop settings so each rule's record validates (and falls back) on its own.
import { z } from 'zod';
import { BUYER_LANGUAGES, JOURNEY_KINDS, journeyRulesSchema, mergeJourneyRules, regionOfTimeZone, templateSchema, type JourneyRules, type Region } from '../domain/journeys';
import type { RegularsDb } from './database';
import { readSettings } from './settings';

export const JOURNEYS_KEY = 'journeys';
/** Templates are kept per buyer language (journeys/language.ts), not per screen language. */
export const TEMPLATE_LOCALES = BUYER_LANGUAGES;
export const TEMPLATE_KINDS = [...JOURNEY_KINDS, 'manual'] as const;

export const templatesSchema = z.partialRecord(z.enum(TEMPLATE_KINDS), z.partialRecord(z.enum(TEMPLATE_LOCALES), templateSchema));
export type Templates = z.infer<typeof templatesSchema>;

export const journeySettingsSchema = z.object({ rules: journeyRulesSchema, templates: templatesSchema });
export type JourneySettings = z.infer<typeof journeySettingsSchema>;

export const journeySettingsPatchSchema = z.object({
  rules: z.record(z.string(), z.record(z.string(), z.unknown())).optional(),
  templates: templatesSchema.optional(),
});

const CHINESE_ZONES = /^Asia\/(Shanghai|Chongqing|Harbin|Urumqi|Taipei|Hong_Kong|Macau)$/;

/** The region guessed from the shop's time zone (a region chosen in Settings is kept with the rules); none for a zone not known. */
export async function shopRegion(db: RegularsDb): Promise<Region | undefined> {
  const region = regionOfTimeZone((await readSettings(db)).timeZone);
  return region === 'other' ? undefined : region;
}

/** The language holidays default to: the shop's chosen one, else its zone's. */
export async function shopLanguage(db: RegularsDb): Promise<string> {
  const s = await readSettings(db);
  if (s.locale !== 'auto') return s.locale;
  return CHINESE_ZONES.test(s.timeZone) ? (/Taipei|Hong_Kong|Macau/.test(s.timeZone) ? 'zh-TW' : 'zh-CN') : 'en';
}

export async function readJourneySettings(db: RegularsDb): Promise<JourneySettings> {
  const row = await db.settings.get(JOURNEYS_KEY);
  const stored = (row?.value ?? {}) as { rules?: unknown; templates?: unknown };
  const { rules, invalid } = mergeJourneyRules(stored.rules, await shopLanguage(db), await shopRegion(db));
  if (invalid.length) console.warn(`Regulars: settings of the rules ${invalid.join(', ')} are invalid and were reset to their defaults`);
  const templates = templatesSchema.safeParse(stored.templates ?? {});
  return { rules, templates: templates.success ? templates.data : {} };
}

/** Rules are patched rule by rule (each validated whole); templates replace the stored ones per kind. */
export async function writeJourneySettings(db: RegularsDb, patch: z.infer<typeof journeySettingsPatchSchema>): Promise<JourneySettings> {
  const current = await readJourneySettings(db);
  const rules: Record<string, unknown> = { ...current.rules };
  for (const [id, value] of Object.entries(patch.rules ?? {})) {
    if (!(id in rules)) throw Object.assign(new Error(`No journey rule "${id}"`), { code: 'invalid' });
    rules[id] = { ...(rules[id] as object), ...value };
  }
  const parsed = journeyRulesSchema.safeParse(rules);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw Object.assign(new Error(`${issue?.path.join('.') ?? 'rules'}: ${issue?.message ?? 'not valid'}`), { code: 'invalid' });
  }
  const next: JourneySettings = { rules: parsed.data as JourneyRules, templates: { ...current.templates, ...(patch.templates ?? {}) } };
  await db.settings.put({ key: JOURNEYS_KEY, value: next });
  return next;
}
