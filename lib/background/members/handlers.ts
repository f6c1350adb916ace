// The members capability's messages: the panel's card, tags, notes, profile, search, linking,
// merging and separating members.
import type { Handlers } from '../../messaging/router';
import type { RegularsDb } from '../../store/database';
import { readSettings } from '../../store/settings';
import type { MemberRow, Platform } from '../../domain/rows';
import type { MemberCard, TeamFacts } from '../../messaging/card';
import { addNote, addTag, lookupByHandle, memberCard, memberIdForHandle, removeTag } from './card';
import { adjustPoints, createMember, editNote, linkHandle, memberOrders, searchMembers, tagVocabulary, updateMember, type MemberPatch } from './members';
import { mergeMembers, unmergeIdentity } from './merge';

type MemberHandlers = Pick<
  Handlers,
  | 'member.lookup'
  | 'member.card'
  | 'member.addTag'
  | 'member.removeTag'
  | 'member.addNote'
  | 'member.create'
  | 'member.link'
  | 'member.search'
  | 'member.update'
  | 'member.orders'
  | 'member.unmerge'
  | 'member.merge'
  | 'note.edit'
  | 'tags.vocabulary'
  | 'member.adjustPoints'
>;

export interface MemberHooks {
  /** A member's profile changed; answered before the reply goes back. */
  onMemberUpdated?: (row: MemberRow, patch: MemberPatch) => Promise<void>;
  /** Team sync's word on a member (who added each tag, who contacted them last); absent without a team. */
  teamFacts?: (memberId: string) => Promise<TeamFacts | undefined>;
  /** A member an import under way created and has not written yet: written now, true if it was (import/handlers.ts). */
  writeWaiting?: (memberId: string) => Promise<boolean>;
}

export function memberHandlers(db: RegularsDb, now: () => number, hooks: MemberHooks = {}): MemberHandlers {
  const withTeam = async <C extends MemberCard | null>(card: C): Promise<C> => {
    const team = card && hooks.teamFacts ? await hooks.teamFacts(card.member.id) : undefined;
    return team ? { ...card, team } : card;
  };
  /** The member a handle names whose row an import under way has not written yet: written now (the agent is looking at them). */
  const waitingFor = async (platform: Platform, handle: string): Promise<string | undefined> => {
    const memberId = hooks.writeWaiting && (await memberIdForHandle(db, platform, handle));
    return memberId && (await hooks.writeWaiting!(memberId)) ? memberId : undefined;
  };
  return {
    'member.lookup': async ({ platform, handle }) => {
      const card = await lookupByHandle(db, platform, handle, now());
      if (card || !(await waitingFor(platform, handle))) return withTeam(card);
      return withTeam(await lookupByHandle(db, platform, handle, now()));
    },
    'member.card': async ({ memberId }) => {
      // The team's word is read beside the card, not after it: the panel paints once both are in.
      const [read, team] = await Promise.all([memberCard(db, memberId, now()), hooks.teamFacts?.(memberId)]);
      const card = read ?? ((await hooks.writeWaiting?.(memberId)) ? await memberCard(db, memberId, now()) : null);
      return card && team ? { ...card, team } : card;
    },
    'member.addTag': async ({ memberId, tag }) => ({ tags: await addTag(db, memberId, tag, now()) }),
    'member.removeTag': async ({ memberId, tag }) => ({ tags: await removeTag(db, memberId, tag, now()) }),
    'member.addNote': async ({ memberId, text }) => {
      const { authorName } = await readSettings(db);
      return addNote(db, memberId, text, authorName, now());
    },
    // A panel opened before the import reached this buyer offers to create them: the import's member is theirs.
    'member.create': async (input) => ({ memberId: (await waitingFor(input.platform, input.handle)) ?? (await createMember(db, input, now())) }),
    'member.link': async ({ memberId, platform, handle }) => {
      await linkHandle(db, memberId, platform, handle, now());
      return { linked: true as const };
    },
    'member.search': ({ query }) => searchMembers(db, query),
    'member.update': async ({ memberId, ...patch }) => {
      const row = await updateMember(db, memberId, patch, now());
      await hooks.onMemberUpdated?.(row, patch);
      return row;
    },
    'member.orders': ({ memberId }) => memberOrders(db, memberId),
    'member.adjustPoints': async ({ memberId, delta, reason }) => adjustPoints(db, memberId, delta, reason, (await readSettings(db)).authorName, now()),
    'member.unmerge': ({ identityId }) => unmergeIdentity(db, identityId, now()),
    'member.merge': ({ keepId, mergeId }) => mergeMembers(db, keepId, mergeId, now()),
    'note.edit': async ({ noteId, text }) => editNote(db, noteId, text, (await readSettings(db)).authorName, now()),
    'tags.vocabulary': () => tagVocabulary(db),
  };
}
