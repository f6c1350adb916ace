// Test-only: computers of a team syncing through a CouchDB-API server (pouchdb-server on loopback),
// each with its own in-memory store, sync state and engine.
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { memoryDb } from '../../store/test-helpers';
import type { RegularsDb } from '../../store/database';
import { importOrders } from '../import/import-orders';
import type { ImportedOrder } from '../../domain/imported-order';
import { NOW, order } from '../test-helpers';
import { SHARED_TABLES } from '../../domain/sync/documents';
import { storeCommitted } from './committed-changes';
import { CouchClient } from './couch';
import { createSyncEngine, type SyncDeps, type SyncEngine } from './engine';
import { setUpTeam } from './setup';
import { SyncStateDb } from './state';

let seq = 0;
/** Test workers share one team server (tests/support/couch-global.ts): their team databases are named apart. */
const WORKER = Math.random().toString(36).slice(2, 8);

/**
 * The engine's sizes and waits in tests: small batches (many of them), a 300 ms long-poll that
 * pouchdb-server holds past its timeout and the engine ends 300 ms later, and retries after 50 ms
 * doubling to 400 ms (the extension: 25 s, 5 s, 1 s to 30 s). A test of a wait itself passes its own.
 */
export const SYNC_TEST_TUNING = { batch: 50, longpollMs: 300, heldPastMs: 300, retry: { firstMs: 50, maxMs: 400 } } satisfies Partial<SyncDeps>;

/** The team server of the test (tests/support/couch-server.ts starts one). */
export interface TestServer {
  url: string;
  admin: { name: string; password: string };
}

/** `users`: the server's users (made once for all tests), members of every new team. */
export function teamMachines(server: () => TestServer, users: readonly string[]) {
  const running: SyncEngine[] = [];
  /** A new team database with `users` (alice and bob) as members. */
  const newTeam = async (): Promise<string> => {
    const db = `shop${WORKER}-${++seq}`;
    await setUpTeam({ server: server().url, db, admin: server().admin, members: users.map((name) => ({ name })) });
    return db;
  };
  const machines = {
    running,
    newTeam,
    /**
     * A new team whose first computer, alice's (`open` makes it, plain by default), imported `orders`
     * (at `now`), then did `before` if given, and has sent it all: its engine running and settled.
     */
    async teamWithShop<M extends Machine = Machine>(orders: readonly ImportedOrder[], { open, now = NOW, before }: ShopOptions<M> = {}) {
      const team = await newTeam();
      const a = open ? await open(team) : ((await machines.machine(team, 'alice', 'alice-pw')) as M);
      await importOrders(a.db, orders, now);
      await before?.(a);
      a.engine.start();
      await a.engine.settled(30_000);
      return { team, a };
    },
    /** A new team where alice imported one order of `handle` and bob has caught up; both engines running. */
    async pairWithBuyer(handle: string) {
      const { team, a } = await machines.teamWithShop([order({ buyer: { handle } })]);
      const b = await machines.machine(team, 'bob', 'bob-pw');
      b.engine.start();
      await b.engine.settled();
      return { team, a, b, buyer: (await a.db.members.toArray())[0]! };
    },
    /** A computer's own store and sync state, kept across its engines (a worker restarted). */
    stores(user: string) {
      const factory = new IDBFactory();
      const name = `regulars-${user}-${++seq}`;
      return {
        db: memoryDb(undefined, factory, name),
        state: new SyncStateDb(`sync-${name}`, { indexedDB: factory, IDBKeyRange }),
        /** Another connection to the same store: an extension page's, writing with no worker told. */
        page: () => memoryDb(undefined, factory, name),
      };
    },
    async machine(team: string, user: string, password: string, { fetch, ...extra }: Pick<SyncDeps, 'onApplied' | 'longpollMs' | 'heldPastMs' | 'retry' | 'writeWaiting'> & { fetch?: typeof globalThis.fetch } = {}) {
      const { db, state } = machines.stores(user);
      const client = new CouchClient({ server: server().url, db: team, cookies: 'memory', ...(fetch ? { fetch } : {}) });
      await client.logIn(user, password);
      const engine = createSyncEngine({
        db,
        state,
        client,
        me: user,
        now: () => Date.now(),
        subscribe: storeCommitted(db.name, Object.keys(SHARED_TABLES)),
        ...SYNC_TEST_TUNING,
        ...extra,
      });
      running.push(engine);
      return { db, state, client, engine };
    },
  };
  return machines;
}

interface ShopOptions<M extends Machine> {
  open?: (team: string) => Promise<M>;
  now?: number;
  before?: (a: M) => Promise<unknown>;
}

/** One computer of the team: its store, sync state, client and engine. */
export interface Machine {
  db: RegularsDb;
  state: SyncStateDb;
  client: CouchClient;
  engine: SyncEngine;
}
