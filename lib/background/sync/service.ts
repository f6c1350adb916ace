// Team sync as a capability of the background: connect (sign in once, keep only the session
// cookie), resume after the worker wakes, disconnect (local data stays), the owner's setup, and
// the status every page shows.
import type { RegularsDb } from '../../store/database';
import { startNotingUnsent } from '../../store/unsent';
import { StoreError } from '../../store/store-error';
import { because } from '../../domain/reason';
import { teamRefusal } from './refusal';
import type { Handlers } from '../../messaging/router';
import type { SyncStatusView, TeamRefusal } from '../../messaging/protocol-sync';
import { SHARED_TABLES } from '../../domain/sync/documents';
import { storeCommitted, type SubscribeToCommitted } from './committed-changes';
import { outboxNoter } from './noter';
import { CouchClient, CouchError } from './couch';
import { createSyncEngine, type SyncEngine, type SyncStatus } from './engine';
import { setUpTeam } from './setup';
import { teamFacts } from './team-facts';
import { writeTeamMember } from './team-member';
import { clearShadows } from './shadows';
import { readMeta, SyncStateDb, writeMeta } from './state';
import { endJoin, joinHolding, refuseJoin } from './join';
import type { SyncDeps } from './engine-types';

export interface TeamConfig {
  server: string;
  db: string;
  user: string;
}

export interface SyncServiceDeps {
  db: RegularsDb;
  now: () => number;
  state?: SyncStateDb;
  /** 'browser' in the extension (the browser keeps the HttpOnly session cookie); 'memory' in Node. */
  cookies: 'browser' | 'memory';
  subscribe?: SubscribeToCommitted;
  onApplied?: (tables: ReadonlySet<string>, members: ReadonlySet<string>, session?: string) => void;
  fetch?: typeof fetch;
  /** The engine's read and push sizes, long-poll length and waits (tests shorten them). */
  tuning?: Pick<SyncDeps, 'batch' | 'longpollMs' | 'heldPastMs' | 'retry'>;
}

/** Sync's meta key of the team last disconnected from. */
const LEFT_KEY = 'left';

const OFF: SyncStatus = { state: 'off', waiting: 0, skipped: [] };

export function syncService(deps: SyncServiceDeps) {
  const state = deps.state ?? new SyncStateDb();
  const subscribe = deps.subscribe ?? storeCommitted(deps.db.name, Object.keys(SHARED_TABLES));
  let engine: SyncEngine | undefined;
  let config: TeamConfig | undefined;
  let last: SyncStatus = OFF;
  /** The import capability's: a member an import under way created, written now (import/handlers.ts). */
  let importsWaiting: ((memberId: string) => Promise<boolean>) | undefined;
  /** The team this computer disconnected from: what is written meanwhile goes to it if it connects again. */
  let left: TeamConfig | undefined;
  // Listening from the worker's start, before its engine runs (or while it waits to be signed in
  // again, or after a Disconnect): a write to a shared table made meanwhile waits in the outbox.
  // On no team ever, nothing is noted.
  let configKnown = false;
  const configRead = Promise.all([readMeta<TeamConfig>(state, 'config'), readMeta<TeamConfig>(state, LEFT_KEY)])
    .then(([c, l]) => void ((config ??= c), (left ??= l)))
    .catch(() => undefined)
    .finally(() => (configKnown = true));
  const onATeam = () => config !== undefined || left !== undefined;
  // The store's writes leave their unsent notes from the moment it is on a team (unsent.ts NOTING_KEY):
  // put here for a store that joined before the mark existed, and by connect before the first join.
  void configRead.then(() => (onATeam() ? startNotingUnsent(deps.db.caches) : undefined)).catch((e) => console.error('Regulars: sync could not mark the store as on a team', e));
  const noter = outboxNoter(deps.db, state, subscribe, () => (configKnown ? onATeam() : configRead.then(onATeam)));
  noter.listen();

  const clientFor = (c: TeamConfig) => new CouchClient({ server: c.server, db: c.db, cookies: deps.cookies, ...(deps.fetch ? { fetch: deps.fetch } : {}) });

  const view = (): SyncStatusView => {
    const s = engine?.status() ?? last;
    return { ...s, at: s.at, progress: s.progress, refused: s.refused, ...(config ? { config } : {}) };
  };

  function run(c: TeamConfig, client: CouchClient) {
    const writeWaiting = (memberId: string) => importsWaiting?.(memberId) ?? Promise.resolve(false);
    const { db, now, onApplied } = deps;
    engine = createSyncEngine({ db, state, client, me: c.user, now, subscribe, noter, writeWaiting, ...(onApplied ? { onApplied } : {}), ...deps.tuning });
    engine.start();
  }

  async function stopEngine() {
    const e = engine;
    engine = undefined;
    if (e) {
      last = { ...e.status(), state: 'off' };
      await e.close();
    }
  }

  return {
    view,
    /** After the worker starts: carry on with the session the browser still holds, or ask to sign in again. */
    async resume(): Promise<void> {
      config = await readMeta<TeamConfig>(state, 'config');
      if (!config || engine) return;
      const client = clientFor(config);
      const who = await client.session().catch(() => undefined);
      if (who && !who.userCtx.name) {
        last = { ...OFF, state: 'signIn' };
        const refused = await refuseJoin(deps.db, state, deps.now());
        if (refused && (refused.tables.size || refused.members.size)) deps.onApplied?.(refused.tables, refused.members, refused.session);
        return;
      }
      run(config, client);
    },
    async connect(c: TeamConfig & { password: string }): Promise<SyncStatusView> {
      const client = clientFor(c);
      await client.logIn(c.user, c.password);
      await configRead;
      const before = (await readMeta<TeamConfig>(state, 'config')) ?? (await readMeta<TeamConfig>(state, LEFT_KEY));
      await stopEngine();
      // Another team database (or user): what was synced with the old one means nothing here.
      const otherTeam = before && (before.server !== c.server || before.db !== c.db || before.user !== c.user);
      if (otherTeam) await Promise.all([clearShadows(state), state.outbox.clear(), state.meta.clear()]);
      config = { server: c.server, db: c.db, user: c.user };
      await writeMeta(state, 'config', config);
      left = undefined;
      await state.meta.delete(LEFT_KEY);
      // Before the first join reads the shared tables whole: every write after it is noted.
      await startNotingUnsent(deps.db.caches);
      run(config, client);
      return view();
    },
    /** Stops syncing and signs out; every row stays on this computer. */
    async disconnect(): Promise<SyncStatusView> {
      const c = config;
      await stopEngine();
      if (c) await clientFor(c).logOut();
      // Off the team, what arrived of its shop is this computer's own: nothing waits for the rest. What
      // is written from now on waits in the outbox, sent if this agent connects to the same team again.
      if (c) await writeMeta(state, LEFT_KEY, c);
      left = c ?? left;
      await Promise.all([state.meta.delete('config'), endJoin(state)]);
      config = undefined;
      last = OFF;
      return view();
    },
    /** Offline: tries the server at once rather than at the next retry; the answer is the state before the try. */
    retry(): SyncStatusView {
      engine?.retryNow();
      return view();
    },
    async setup(req: { server: string; db: string; admin: { name: string; password: string }; members: { name: string; password?: string | undefined }[] }) {
      await setUpTeam({ ...req, ...(deps.fetch ? { fetch: deps.fetch } : {}) });
      return { members: req.members.length };
    },
    engine: () => engine,
    /**
     * Part of the team's documents is here and the rest on its way: a catch-up under way (engine.ts
     * catchingUp), or a join not yet "Synced", kept in the meta (join.ts), so also in a worker
     * restarted mid-join before its engine runs again. A join the server refused holds nothing until taken up again.
     */
    catchingUp: async (): Promise<boolean> => !!engine?.catchingUp() || (await joinHolding(state)) !== undefined,
    /** The team user while connected to a team (reminders are assigned to team users). */
    me: (): string | undefined => config?.user,
    /** The team's users while connected (the database's members and whoever wrote to it); empty otherwise. */
    team: async (): Promise<string[]> => (config && engine ? engine.team() : []),
    /** Imports here: the team's documents on a member an import is still creating land on its row (sync-rows.ts writeWaiting). */
    followImports(writeWaiting: (memberId: string) => Promise<boolean>): void {
      importsWaiting = writeWaiting;
    },
    /** A member the team's identities name and no row here holds (another machine's import under way): written from its orders now (team-member.ts). */
    writeTeamMember: (memberId: string) => writeTeamMember(deps.db, state, memberId, deps.now(), config?.user),
    /** Who added a member's tags and who contacted them last, while connected to a team. */
    teamFacts: async (memberId: string) => (config ? teamFacts(deps.db, state, memberId) : undefined),
  };
}
export type SyncService = ReturnType<typeof syncService>;

/** A refusal as the page shows it: a code it translates (TEAM_REFUSALS), else the server's own answer. */
function reasonOf(e: unknown, admin: boolean): TeamRefusal | string {
  if (e instanceof CouchError) {
    if (e.status === 401 || (admin && e.status === 403)) return admin ? 'not_admin' : 'wrong_password';
    if (e.error === 'bad_address' || e.error === 'bad_db') return e.error;
    return e.reason || e.error;
  }
  // fetch rejects with a TypeError when nothing answers (server down, wrong host or port).
  if (e instanceof TypeError) return 'unreachable';
  return e instanceof Error ? e.message : String(e);
}

type SyncHandlers = Pick<Handlers, 'sync.status' | 'sync.connect' | 'sync.disconnect' | 'sync.retry' | 'sync.setup'>;

export function syncHandlers(service: SyncService | undefined): SyncHandlers {
  const need = () => {
    if (!service) throw new StoreError('invalid', 'Team sync is not available here', because('team.unavailable'));
    return service;
  };
  const wrap =
    <A, R>(f: (a: A) => Promise<R>, admin = false) =>
      async (a: A): Promise<R> => {
        try {
          return await f(a);
        } catch (e) {
          throw new StoreError('invalid', reasonOf(e, admin), teamRefusal(e));
        }
      };
  return {
    'sync.status': async () => (service ? service.view() : { ...OFF }),
    'sync.connect': wrap((r) => need().connect(r)),
    'sync.disconnect': wrap(() => need().disconnect()),
    'sync.retry': wrap(async () => need().retry()),
    'sync.setup': wrap((r) => need().setup(r), true),
  };
}
