// The segments capability's messages: saved segments, the RFM overview, bulk tags, the contact log.
import type { Handlers } from '../../messaging/router';
import type { RegularsDb } from '../../store/database';
import { bulkTag, deleteSegment, listSegments, logContacts, memberHistory, saveSegment, segmentMemberIds, storeRfmOverview } from './segments';

type SegmentHandlers = Pick<Handlers, 'segment.list' | 'segment.save' | 'segment.delete' | 'segment.memberIds' | 'segments.overview' | 'members.tag' | 'contacts.log' | 'member.history'>;

export function segmentHandlers(db: RegularsDb, now: () => number): SegmentHandlers {
  return {
    'segment.list': () => listSegments(db),
    'segment.save': (input) => saveSegment(db, input, now()),
    'segment.delete': async ({ id }) => ({ deleted: await deleteSegment(db, id) }),
    'segment.memberIds': async ({ id }) => ({ memberIds: [...(await segmentMemberIds(db, id, now()))] }),
    'segments.overview': () => storeRfmOverview(db, now()),
    'members.tag': async ({ memberIds, tag, add }) => ({ changed: await bulkTag(db, memberIds, tag, add, now()) }),
    'contacts.log': async ({ memberIds, channel, reason }) => ({ logged: await logContacts(db, memberIds, channel, reason, now()) }),
    'member.history': ({ memberId }) => memberHistory(db, memberId),
  };
}
