// Protocol entries for reminders and the journey rules (spread into the protocol map).
import { z } from 'zod';
import { reminderRowSchema } from '../domain/rows';
import { journeySettingsPatchSchema, journeySettingsSchema } from '../domain/journey-settings';
import { journeyKindSchema } from '../domain/journeys/types';
import { settingsSchema } from '../domain/settings';
import { TODAY_SECTIONS } from '../domain/today';

const reminderId = z.string().min(1).max(300);
const evaluationSchema = z.object({
  created: z.number(),
  suppressed: z.number(),
  reopened: z.number(),
  obsolete: z.number(),
  phases: z.record(z.string(), z.number()).optional(),
  /** Not run: a join brings the team's shop; it runs at the join's end. */
  heldForJoin: z.literal(true).optional(),
});

export const todayRowSchema = z.object({
  id: z.string(),
  section: z.enum(TODAY_SECTIONS),
  memberId: z.string(),
  memberName: z.string(),
  tier: z.object({ id: z.string(), name: z.string(), color: z.string() }),
  kind: journeyKindSchema.optional(),
  reason: z.string(),
  orderId: z.string().optional(),
  orderNo: z.string().optional(),
  amount: z.string().optional(),
  dueAt: z.number(),
  refAt: z.number().optional(),
  detail: z.string().optional(),
  state: reminderRowSchema.shape.state,
  assignee: z.string().optional(),
  suppressedBecause: z.string().optional(),
  priority: z.number(),
  /** The buyer's language the message is written in. */
  language: z.string().optional(),
  gift: z.string().optional(),
  message: z.string(),
  /** A tier upgrade: the new tier's benefits, in the list's language. */
  benefits: z.string().optional(),
});
export type TodayRowMessage = z.infer<typeof todayRowSchema>;

export const reminderProtocol = {
  'reminders.today': {
    request: z.object({
      locale: z.enum(['en', 'zh-CN', 'zh-TW']),
      mine: z.boolean().optional(),
      memberId: z.string().min(1).max(64).optional(),
      perGroup: z.number().int().min(1).max(10_000).optional(),
      /**
       * Only the rows of the list's first screen: this many at most, going down the groups (every
       * group still with its total): the popup's first frame waits for this answer, and asks for the
       * whole list once that frame is drawn (entrypoints/popup/early.ts).
       */
      firstRows: z.number().int().min(1).max(100).optional(),
    }),
    response: z.object({
      now: z.number(),
      timeZone: z.string(),
      /** In the order the popup shows them (lib/domain/today.ts). */
      groups: z.array(z.object({ section: z.enum(TODAY_SECTIONS), kind: z.string(), total: z.number() })),
      rows: z.array(todayRowSchema),
      assignees: z.array(z.string()),
      me: z.string(),
      /** Reminders are still being made from an import or other changes: the list may grow in a moment. */
      updating: z.boolean(),
      /** Asked with `firstRows`: `rows` holds only the first screen's. */
      partial: z.boolean().optional(),
      /**
       * What the popup's first frame takes from the settings (its language, and whether the first-run
       * questions are answered): the frame waits for this answer alone (entrypoints/popup/early.ts).
       */
      settings: settingsSchema.pick({ locale: true, setupAt: true }),
    }),
  },
  'reminder.done': {
    request: z.object({ id: reminderId, outcome: z.enum(['resolved', 'leftOpen']).default('resolved') }),
    response: reminderRowSchema,
  },
  'reminder.snooze': {
    request: z.object({ id: reminderId, until: z.number().int().positive() }),
    response: reminderRowSchema,
  },
  'reminder.assign': {
    request: z.object({ id: reminderId, assignee: z.string().trim().max(100) }),
    response: reminderRowSchema,
  },
  'reminder.dismiss': {
    request: z.object({ id: reminderId }),
    response: reminderRowSchema,
  },
  'reminders.sweep': {
    request: z.object({}),
    response: evaluationSchema,
  },
  'journeys.settings.get': {
    request: z.object({}),
    response: journeySettingsSchema,
  },
  'journeys.settings.update': {
    request: journeySettingsPatchSchema,
    response: journeySettingsSchema,
  },
} as const;
