// Messages of the owner's view: saved segments, the RFM overview, bulk tags, the contact log.
import { z } from 'zod';
import { contactRowSchema, noteRowSchema, segmentRowSchema, tierChangeRowSchema } from '../domain/rows';
import { RFM_SEGMENTS } from '../domain/types';

const memberIds = z.array(z.string().min(1).max(64)).max(200_000);
const segmentId = z.string().min(1).max(64);

export const segmentsProtocol = {
  'segment.list': {
    request: z.object({}),
    response: z.array(segmentRowSchema),
  },
  'segment.save': {
    // The filter is checked by the store (lib/domain/segments), which says what is wrong with it.
    request: z.object({ id: segmentId.optional(), name: z.string().trim().min(1).max(100), filter: z.record(z.string(), z.unknown()) }),
    response: segmentRowSchema,
  },
  'segment.delete': {
    request: z.object({ id: segmentId }),
    response: z.object({ deleted: z.boolean() }),
  },
  'segment.memberIds': {
    request: z.object({ id: segmentId }),
    response: z.object({ memberIds: z.array(z.string()) }),
  },
  'segments.overview': {
    request: z.object({}),
    response: z.object({
      total: z.number().int().nonnegative(),
      groups: z.array(z.object({ segment: z.enum([...RFM_SEGMENTS, 'none']), members: z.number(), spendMinor: z.number(), revenueShare: z.number() })),
    }),
  },
  'members.tag': {
    request: z.object({ memberIds, tag: z.string().trim().min(1).max(60), add: z.boolean() }),
    response: z.object({ changed: z.number().int().nonnegative() }),
  },
  'contacts.log': {
    request: z.object({ memberIds, channel: z.string().trim().min(1).max(40), reason: z.string().max(200) }),
    response: z.object({ logged: z.number().int().nonnegative() }),
  },
  'member.history': {
    request: z.object({ memberId: z.string().min(1).max(64) }),
    response: z.object({ notes: z.array(noteRowSchema), contacts: z.array(contactRowSchema), tierChanges: z.array(tierChangeRowSchema) }),
  },
} as const;
