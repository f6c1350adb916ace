// The background's answers to each protocol message, over the member store.
import type { reminderProtocol } from '../messaging/protocol-reminders';
import type { Handlers } from '../messaging/router';
import type { RegularsDb } from './database';
import { createReminderHandlers, type JourneyHooks } from './handlers-reminders';
import { emptyUndoLog, forgetIdentities, lazyCache, preloadedCache, releaseCache, revertImport, type ImportCache, type UndoLog } from './import-orders';
import { addReminder, createMember, editNote, linkHandle, memberOrders, searchMembers, tagVocabulary, updateMember } from './members';
import { tiersHandlers } from './handlers-tiers';
import { mergeMembers, unmergeIdentity } from './merge';
import { segmentHandlers } from './handlers-segments';
import { forgetMemberSnapshots } from './member-snapshot';
import { forgetCachedSettings, readSettings, writeSettings } from './settings';
import { deleteSiteRule, listSiteRules, saveSiteRule, siteRulesFor } from './site-rules';
import { addNote, addTag, importOrders, lookupByHandle, memberCard, refreshRfmBreaks, removeTag, storeCounts } from './store';

export interface HandlerDeps {
  db: RegularsDb;
  now: () => number;
  /** Called after orders changed, so derived figures (RFM cut points) get refreshed off the hot path. */
  onOrdersChanged?: () => void;
  /** Reminders: the scheduler's hook and the saved-segment resolver (handlers-reminders.ts). */
  journeys?: JourneyHooks;
  /** Called after members were merged or separated (the reports' snapshot is out of date). */
  onMembersMerged?: () => void;
  /** Called after a new tier ladder moved members (tier-upgrade reminders follow). */
  onTiersChanged?: () => void;
}

/** Members an import session made (no row before it) and existing members it wrote orders to. */
function sessionMembers(undo: UndoLog | undefined): { created: number; matched: number } {
  let created = 0;
  for (const before of undo?.members.values() ?? []) if (before === null) created++;
  return { created, matched: (undo?.members.size ?? 0) - created };
}

/** An import session idle this long is dropped (the options page was closed mid-import). */
const SESSION_IDLE_MS = 120_000;

export function createHandlers(deps: HandlerDeps): Handlers {
  const { db, now, onOrdersChanged, journeys = {} } = deps;
  const sessions = new Map<string, { cache: Promise<ImportCache>; timer: ReturnType<typeof setTimeout> }>();
  const changedInSession = new Set<string>();
  const endSession = async (id: string) => {
    const session = sessions.get(id);
    if (!session) return false;
    sessions.delete(id);
    clearTimeout(session.timer);
    releaseCache(await session.cache.catch(() => lazyCache()));
    return true;
  };
  const sessionCache = (id: string | undefined): Promise<ImportCache> => {
    if (!id) return Promise.resolve(lazyCache());
    let session = sessions.get(id);
    if (session) clearTimeout(session.timer);
    else {
      // A session remembers what it changed, so the user can cancel the whole import.
      session = { cache: preloadedCache(db).then((cache) => Object.assign(cache, { undo: emptyUndoLog() })), timer: setTimeout(() => undefined) };
      sessions.set(id, session);
    }
    session.timer = setTimeout(() => {
      void endSession(id);
      if (changedInSession.delete(id)) onOrdersChanged?.();
    }, SESSION_IDLE_MS);
    return session.cache;
  };

  const handlers: Omit<Handlers, keyof typeof reminderProtocol> = {
    'member.lookup': ({ platform, handle }) => lookupByHandle(db, platform, handle, now()),
    'member.card': ({ memberId }) => memberCard(db, memberId, now()),
    'member.addTag': async ({ memberId, tag }) => ({ tags: await addTag(db, memberId, tag, now()) }),
    'member.removeTag': async ({ memberId, tag }) => ({ tags: await removeTag(db, memberId, tag, now()) }),
    'member.addNote': async ({ memberId, text }) => {
      const { authorName } = await readSettings(db);
      return addNote(db, memberId, text, authorName, now());
    },
    'member.create': async (input) => ({ memberId: await createMember(db, input, now()) }),
    'member.link': async ({ memberId, platform, handle }) => {
      await linkHandle(db, memberId, platform, handle, now());
      return { linked: true as const };
    },
    'member.search': ({ query }) => searchMembers(db, query),
    'member.update': ({ memberId, ...patch }) => updateMember(db, memberId, patch, now()),
    'member.orders': ({ memberId }) => memberOrders(db, memberId),
    // Merging moves orders between members: the reports' figures follow. (Not the RFM refresh: it
    // rewrites members, and a panel mid-merge would reload under the agent's hands.)
    'member.unmerge': async ({ identityId }) => {
      const result = await unmergeIdentity(db, identityId, now());
      deps.onMembersMerged?.();
      return result;
    },
    'member.merge': async ({ keepId, mergeId }) => {
      const result = await mergeMembers(db, keepId, mergeId, now());
      deps.onMembersMerged?.();
      return result;
    },
    'note.edit': async ({ noteId, text }) => editNote(db, noteId, text, (await readSettings(db)).authorName, now()),
    'tags.vocabulary': () => tagVocabulary(db),
    'reminder.add': (input) => addReminder(db, input, now()),
    'siteRule.save': (input) => saveSiteRule(db, input, now()),
    'siteRule.forHost': ({ host }) => siteRulesFor(db, host),
    'siteRule.list': () => listSiteRules(db),
    'siteRule.delete': async ({ id }) => ({ deleted: await deleteSiteRule(db, id) }),
    'order.get': async ({ platform, orderNo }) => (await db.orders.get(`${platform}:${orderNo.trim()}`)) ?? null,
    'orders.import': async ({ rows, session }) => {
      const result = await importOrders(db, rows, now(), await sessionCache(session));
      // Within a session, derived figures wait for its end: refreshing them between batches
      // would re-read every member dozens of times during one file.
      if (session && (result.orders.added || result.orders.updated)) changedInSession.add(session);
      else if (result.orders.added || result.orders.updated) onOrdersChanged?.();
      return result;
    },
    'orders.importCancel': async ({ session }) => {
      const open = sessions.get(session);
      const cache = open ? await open.cache : undefined;
      const reverted = cache?.undo ? await revertImport(db, cache.undo) : { orders: 0, members: 0 };
      await endSession(session);
      if (changedInSession.delete(session)) onOrdersChanged?.();
      return reverted;
    },
    'orders.importEnd': async ({ session }) => {
      const undo = (await sessions.get(session)?.cache)?.undo;
      const ended = await endSession(session);
      if (changedInSession.delete(session)) onOrdersChanged?.();
      return { ended, members: sessionMembers(undo) };
    },
    'store.counts': () => storeCounts(db),
    'settings.get': () => readSettings(db),
    'settings.update': async (patch) => {
      await writeSettings(db, patch);
      return readSettings(db);
    },
    // A restore replaces the store from the options page's own connection (a message can't carry
    // 300k rows), past this worker: forget cached settings, and end import sessions, whose caches
    // know identities, order ids and members of the store as it was.
    'store.reloaded': async () => {
      forgetCachedSettings(db);
      forgetMemberSnapshots();
      for (const id of [...sessions.keys()]) await endSession(id);
      changedInSession.clear();
      forgetIdentities();
      return { reloaded: true as const };
    },
    ...segmentHandlers({ db, now, onOrdersChanged }),
    ...tiersHandlers(deps),
  };
  return { ...handlers, ...createReminderHandlers(db, now, journeys, handlers as Handlers) } as Handlers;
}

/** Debounces the RFM refresh: an import arrives in many batches; recompute once after the last. */
export function rfmRefresher(db: RegularsDb, now: () => number, delayMs = 300) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running: Promise<unknown> = Promise.resolve();
  return {
    schedule() {
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => {
        timer = undefined;
        running = running.then(() => refreshRfmBreaks(db, now())).catch((e) => console.error('Regulars: RFM refresh failed', e));
      }, delayMs);
    },
    /** Resolves once any scheduled refresh has run (tests, and the import's final batch). */
    async flush() {
      if (timer) {
        clearTimeout(timer);
        timer = undefined;
        running = running.then(() => refreshRfmBreaks(db, now()));
      }
      await running;
    },
  };
}
