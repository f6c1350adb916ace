// The background's answers to the owner's-view messages (lib/messaging/protocol-segments.ts).
import type { Handlers } from '../../messaging/router';
import type { HandlerDeps } from '../handlers';
import { bulkTag, deleteSegment, listSegments, logContacts, memberHistory, saveSegment, segmentMemberIds, storeRfmOverview } from './segments';

type SegmentHandlers = Pick<Handlers, 'segment.list' | 'segment.save' | 'segment.delete' | 'segment.memberIds' | 'segments.overview' | 'members.tag' | 'contacts.log' | 'member.history'>;

export function segmentHandlers({ db, now }: HandlerDeps): SegmentHandlers {
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
