// Journey rule settings and message templates: one `journeys` row in the settings table, kept apart
// from the shop settings so each rule's record validates (and falls back) on its own.
import { z } from 'zod';
import { BUYER_LANGUAGES, JOURNEY_KINDS, journeyRulesSchema, templateSchema } from './journeys';

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
