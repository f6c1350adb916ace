// The import capability's messages: orders in (by file, in sessions of many batches, or one captured
// order), a session's end or cancel, and one order read back.
import type { Handlers } from '../../messaging/router';
import { importOrigin } from '../derived';
import type { RegularsDb } from '../../store/database';
import { emptyUndoLog, lazyCache, preloadedCache, releaseCache, revertImport, type ImportCache, type UndoLog } from './import-cache';
import { importOrders } from './import-orders';

/** An import session idle this long is dropped (the options page was closed mid-import). */
export const SESSION_IDLE_MS = 120_000;

export interface ImportHooks {
  /** Orders were added or changed, by a session's batch or on their own. */
  onImported?: (orderIds: string[], session: string | undefined) => void;
  /** A session ended (finished, cancelled, or idle too long). */
  onSessionEnded?: (session: string) => void;
}

/** Members an import session made (no row before it) and existing members it wrote orders to. */
function sessionMembers(undo: UndoLog | undefined): { created: number; matched: number } {
  let created = 0;
  for (const before of undo?.members.values() ?? []) if (before === null) created++;
  return { created, matched: (undo?.members.size ?? 0) - created };
}

type ImportHandlers = Pick<Handlers, 'orders.import' | 'orders.importCancel' | 'orders.importEnd' | 'order.get'>;

export function importCapability(db: RegularsDb, now: () => number, hooks: ImportHooks = {}) {
  const sessions = new Map<string, { cache: Promise<ImportCache>; timer: ReturnType<typeof setTimeout> }>();
  const endSession = async (id: string) => {
    const session = sessions.get(id);
    if (!session) return false;
    sessions.delete(id);
    clearTimeout(session.timer);
    releaseCache(await session.cache.catch(() => lazyCache()));
    hooks.onSessionEnded?.(id);
    return true;
  };
  const sessionCache = (id: string | undefined): Promise<ImportCache> => {
    if (!id) return Promise.resolve(lazyCache());
    let session = sessions.get(id);
    if (session) clearTimeout(session.timer);
    else {
      // A session remembers what it changed, so the user can cancel the whole import.
      session = {
        cache: preloadedCache(db).then((cache) => Object.assign(cache, { undo: emptyUndoLog(), origin: importOrigin(id) })),
        timer: setTimeout(() => undefined),
      };
      sessions.set(id, session);
    }
    session.timer = setTimeout(() => void endSession(id), SESSION_IDLE_MS);
    return session.cache;
  };

  const handlers: ImportHandlers = {
    'order.get': async ({ platform, orderNo }) => (await db.orders.get(`${platform}:${orderNo.trim()}`)) ?? null,
    'orders.import': async ({ rows, session }) => {
      const result = await importOrders(db, rows, now(), await sessionCache(session));
      if (result.orders.added || result.orders.updated)
        hooks.onImported?.(
          rows.map((r) => `${r.platform}:${r.orderNo.trim()}`),
          session,
        );
      return result;
    },
    'orders.importCancel': async ({ session }) => {
      const open = sessions.get(session);
      const cache = open ? await open.cache : undefined;
      const reverted = cache?.undo ? await revertImport(db, cache.undo) : { orders: 0, members: 0 };
      await endSession(session);
      return reverted;
    },
    'orders.importEnd': async ({ session }) => {
      const undo = (await sessions.get(session)?.cache)?.undo;
      return { ended: await endSession(session), members: sessionMembers(undo) };
    },
  };
  return {
    handlers,
    /** The store was replaced under this context: every session's cache describes a store that is gone. */
    async endAll() {
      for (const id of [...sessions.keys()]) await endSession(id);
    },
  };
}
