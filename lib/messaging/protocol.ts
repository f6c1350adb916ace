// The typed protocol between content scripts / extension pages and the background.
// One map from message name to zod request and response schemas; nothing else crosses.
import { z } from 'zod';
import { noteRowSchema, platformSchema } from '../db/rows';
import { settingsPatchSchema, settingsSchema } from '../db/settings';
import { importedOrderSchema } from '../import/imported-order';
import { memberCardSchema } from './card';

export const MAX_IMPORT_BATCH = 5000;

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
  'orders.import': {
    request: z.object({
      rows: z.array(importedOrderSchema).max(MAX_IMPORT_BATCH),
      /** Batches of one file share a session, so the store is not read again for every batch. */
      session: z.string().min(8).max(64).optional(),
    }),
    response: z.object({
      orders: z.object({ added: z.number(), updated: z.number(), unchanged: z.number() }),
      members: z.object({ created: z.number(), updated: z.number() }),
      merges: z.array(z.object({ memberId: z.string(), identity: z.string(), by: z.enum(['phone', 'email']) })),
    }),
  },
  'orders.importEnd': {
    request: z.object({ session: z.string().min(8).max(64) }),
    response: z.object({ ended: z.boolean() }),
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
