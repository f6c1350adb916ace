// A piece of the sync engine (engine.ts): its reads of the team database's _changes, a long-poll
// among them that a wake (a change noted here, a stop) ends at once.
import { timedPhase } from '../import/phases';
import type { ChangesPage, CouchClient } from './couch';
import type { SyncDeps } from './engine-types';

/** `live`: the engine's loop runs; it was woken since the last push began. */
export function changesReader(client: CouchClient, deps: Pick<SyncDeps, 'longpollMs' | 'heldPastMs'>, live: { running(): boolean; woken(): boolean }) {
  let poll: AbortController | undefined;
  let pollIsLong = false;
  return {
    /** One read of _changes from `since`; undefined when stopped, or a long-poll was cut short (woken). */
    async read(since: string | number, longpoll: boolean, limit: number): Promise<ChangesPage | undefined> {
      if (!live.running()) return undefined;
      const mine = (poll = new AbortController());
      pollIsLong = longpoll;
      // Woken since the push began (a change noted, or stop): go round again, not wait on the server.
      if (longpoll && live.woken()) {
        poll = undefined;
        return undefined;
      }
      const waitMs = deps.longpollMs ?? 25_000;
      // A long-poll is ended here too if the server holds it past its timeout (pouchdb-server ignores
      // it; or the line went dead): nothing came meanwhile, as if the server had said so.
      let held = false;
      const guard = longpoll ? setTimeout(() => ((held = true), mine.abort()), waitMs + (deps.heldPastMs ?? 5_000)) : undefined;
      try {
        return await timedPhase(longpoll ? 'sync.longpoll' : 'sync.read', () => client.changes(since, { limit, signal: mine.signal, ...(longpoll ? { longpollMs: waitMs } : {}) }));
      } catch (e) {
        if (held) return { results: [], last_seq: since };
        if (mine.signal.aborted) return undefined;
        throw e;
      } finally {
        clearTimeout(guard);
        if (poll === mine) poll = undefined;
      }
    },
    /** Ends a long-poll under way (a short read goes on: what it brings is wanted). */
    wake(): void {
      if (pollIsLong) poll?.abort();
    },
  };
}
