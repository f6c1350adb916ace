// Journey rule settings and templates in the store: one `journeys` row of the settings table.
import { type z } from 'zod';
import { because, issueReason } from '../domain/reason';
import { StoreError } from './store-error';
import { JOURNEYS_KEY, type journeySettingsPatchSchema, templatesSchema, type JourneySettings } from '../domain/journey-settings';
import { journeyRulesSchema, mergeJourneyRules, regionOfTimeZone, type JourneyRules, type Region } from '../domain/journeys';
import type { RegularsDb } from './database';
import { readSettings } from './settings';
import { heldSettings } from './held-settings';

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

// The rules are held per database until the change stream reports a write to them, or to a setting
// their defaults follow (the shop's time zone and language).
const held = heldSettings([JOURNEYS_KEY, 'timeZone', 'locale'], readJourneySettingsFromStore);

/** The journey rules and templates; shared between callers: never change them. */
export function readJourneySettings(db: RegularsDb): Promise<JourneySettings> {
  return held.read(db);
}

async function readJourneySettingsFromStore(db: RegularsDb): Promise<JourneySettings> {
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
    if (!(id in rules)) throw new StoreError('invalid', `No journey rule "${id}"`, because('journeyUnknown', { id }));
    rules[id] = { ...(rules[id] as object), ...value };
  }
  const parsed = journeyRulesSchema.safeParse(rules);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new StoreError('invalid', `${issue?.path.join('.') ?? 'rules'}: ${issue?.message ?? 'not valid'}`, issue && issueReason(issue));
  }
  const next: JourneySettings = { rules: parsed.data as JourneyRules, templates: { ...current.templates, ...(patch.templates ?? {}) } };
  await db.settings.put({ key: JOURNEYS_KEY, value: next });
  return next;
}
