// The typed protocol between content scripts / extension pages and the background.
// One map from message name to zod request and response schemas; nothing else crosses.
import { z } from 'zod';
import { memberRowSchema, noteRowSchema, orderRowSchema, platformSchema, profileSchema, reminderRowSchema, siteRuleRowSchema } from '../domain/rows';
import { settingsPatchSchema, settingsSchema } from '../domain/settings';
import { importRequestSchema } from './import-request';
import { memberCardSchema } from './card';
import { categoriesProtocol } from './protocol-categories';
import { segmentsProtocol } from './protocol-segments';
import { tiersProtocol } from './protocol-tiers';
import { batchResultSchema, importFileProtocol } from './protocol-import-file';
import { syncProtocol } from './protocol-sync';
import { reminderProtocol } from './protocol-reminders';

const handleSchema = z.string().trim().min(1).max(200);
const memberIdSchema = z.string().min(1).max(64);
const tagSchema = z.string().trim().min(1).max(60);

export const protocol = {
  'member.lookup': {
    request: z.object({ platform: platformSchema, handle: handleSchema }),
    response: memberCardSchema.nullable(),
  },
  'member.card': {
    request: z.object({ memberId: memberIdSchema }),
    response: memberCardSchema.nullable(),
  },
  'member.addTag': {
    request: z.object({ memberId: memberIdSchema, tag: tagSchema }),
    response: z.object({ tags: z.array(z.string()) }),
  },
  'member.removeTag': {
    request: z.object({ memberId: memberIdSchema, tag: tagSchema }),
    response: z.object({ tags: z.array(z.string()) }),
  },
  'member.addNote': {
    request: z.object({ memberId: memberIdSchema, text: z.string().trim().min(1).max(5000) }),
    response: noteRowSchema,
  },
  'member.create': {
    request: z.object({ platform: platformSchema, handle: handleSchema, name: z.string().trim().max(200).optional() }),
    response: z.object({ memberId: z.string() }),
  },
  'member.link': {
    request: z.object({ memberId: memberIdSchema, platform: platformSchema, handle: handleSchema }),
    response: z.object({ linked: z.literal(true) }),
  },
  'member.search': {
    request: z.object({ query: z.string().trim().max(200) }),
    response: z.array(
      z.object({
        memberId: z.string(),
        displayName: z.string(),
        tierId: z.string(),
        orderCount: z.number(),
        spendMinor: z.number(),
        currency: z.string(),
        handles: z.array(z.string()),
        matched: z.string(),
      }),
    ),
  },
  'member.update': {
    request: z.object({
      memberId: memberIdSchema,
      displayName: z.string().trim().max(200).optional(),
      // Empty strings clear a field, so the profile's own format rules apply only to filled ones.
      profile: z.object(Object.fromEntries(Object.keys(profileSchema.shape).map((k) => [k, z.string().max(1000).optional()]))).optional(),
      doNotContact: z.boolean().optional(),
    }),
    response: memberRowSchema,
  },
  'member.unmerge': {
    request: z.object({ identityId: z.string().min(3).max(300) }),
    response: z.object({ memberId: z.string(), orders: z.number() }),
  },
  'member.merge': {
    request: z.object({ keepId: memberIdSchema, mergeId: memberIdSchema }),
    response: memberRowSchema,
  },
  'member.orders': {
    request: z.object({ memberId: memberIdSchema }),
    response: z.array(orderRowSchema),
  },
  'note.edit': {
    request: z.object({ noteId: z.string().min(1).max(64), text: z.string().trim().min(1).max(5000) }),
    response: noteRowSchema,
  },
  'tags.vocabulary': {
    request: z.object({}),
    response: z.array(z.object({ name: z.string(), count: z.number(), lastUsedAt: z.number() })),
  },
  'reminder.add': {
    request: z.object(
      { memberId: memberIdSchema, dueAt: z.number().int().positive(), reason: z.string().trim().min(1).max(200), orderId: z.string().max(120).optional() },
    ),
    response: reminderRowSchema,
  },
  'siteRule.save': {
    request: z.object({ host: z.string().trim().min(1).max(253), selector: z.string().trim().min(1).max(500), pathPrefix: z.string().max(200).optional() }),
    response: siteRuleRowSchema,
  },
  'siteRule.forHost': {
    request: z.object({ host: z.string().trim().min(1).max(253) }),
    response: z.array(siteRuleRowSchema),
  },
  'siteRule.list': {
    request: z.object({}),
    response: z.array(siteRuleRowSchema),
  },
  'siteRule.delete': {
    request: z.object({ id: z.string().min(1).max(64) }),
    response: z.object({ deleted: z.boolean() }),
  },
  'order.get': {
    request: z.object({ platform: platformSchema, orderNo: z.string().trim().min(1).max(100) }),
    response: orderRowSchema.nullable(),
  },
  'orders.import': {
    request: importRequestSchema,
    response: batchResultSchema,
  },
  'orders.importCancel': {
    request: z.object({ session: z.string().min(8).max(64) }),
    /**
     * Orders and members taken back; `kept`: members it created that an agent wrote on meanwhile, which stay.
     * `tooLate`: what batches of it that were ended before the cancel came did (members created and
     * matched): a stopped worker's, ended by the next start's recovery, or ended by a restore. They stay.
     */
    response: z.object({
      orders: z.number(),
      members: z.number(),
      kept: z.number(),
      tooLate: z.object({ created: z.number(), matched: z.number() }).optional(),
    }),
  },
  'orders.importEnd': {
    /** `step`: one step of the end, each well inside the time a browser gives one message; asked again while the answer says `more`. */
    request: z.object({ session: z.string().min(8).max(64), step: z.boolean().optional() }),
    /** What the whole import changed: members it created, and existing members its orders went to. */
    response: z.object({ ended: z.boolean(), members: z.object({ created: z.number(), matched: z.number() }), more: z.boolean().optional() }),
  },
  'store.counts': {
    request: z.object({}),
    response: z.object({ members: z.number(), orders: z.number(), notes: z.number(), identities: z.number() }),
  },
  'settings.get': {
    request: z.object({}),
    response: settingsSchema,
  },
  'settings.update': {
    request: settingsPatchSchema,
    response: settingsSchema,
  },
  // Backup restore: the options page rewrote the store itself (lib/store/backup.ts); drop cached state.
  'store.reloaded': {
    request: z.object({}),
    response: z.object({ reloaded: z.literal(true) }),
  },
  ...segmentsProtocol,
  ...tiersProtocol,
  ...importFileProtocol,
  ...syncProtocol,
  ...reminderProtocol,
  ...categoriesProtocol,
} as const;

export type MessageName = keyof typeof protocol;
export type RequestOf<N extends MessageName> = z.input<(typeof protocol)[N]['request']>;
export type ResponseOf<N extends MessageName> = z.infer<(typeof protocol)[N]['response']>;

export { ERROR_CODES, ProtocolFailure, type ErrorCode, type ProtocolError, type Reply } from './errors';

/** What travels over runtime messaging. `regulars: 1` tells our messages from anyone else's. */
export const envelopeSchema = z.object({
  regulars: z.literal(1),
  name: z.string(),
  payload: z.unknown(),
});
export type Envelope = z.infer<typeof envelopeSchema>;
