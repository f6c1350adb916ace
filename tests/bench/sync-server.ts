// The team server of the sync benches: pouchdb-server's own parts (express-pouchdb over PouchDB's
// in-memory adapter, with its CORS handling), run inside the bench process instead of as a child.
// Two things a child could not give: the team's documents written straight into its database
// (PouchDB's bulkDocs, the same revisions and _changes as a _bulk_docs request, without one HTTP
// round and one JSON parse per 10k documents: seeding 100k members took 13 min over HTTP), and every
// request the browser makes, as method and path (what an idle agent asks, and how often).
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../support/couch-server';

// Resolved as pouchdb-server resolves them: the same versions the stand-in server runs.
const require = createRequire(createRequire(import.meta.url).resolve('pouchdb-server/package.json'));

/** The part of a PouchDB database the seed uses. */
export interface LocalDb {
  bulkDocs(docs: object[]): Promise<{ ok?: boolean; error?: string; id?: string }[]>;
  info(): Promise<{ doc_count: number; update_seq: number | string }>;
}

export interface BenchCouch {
  url: string;
  admin: { name: string; password: string };
  /** The named database as the server itself holds it (create it over HTTP first). */
  local(db: string): LocalDb;
  /** Requests answered so far, as "METHOD /path?query". */
  requests(): readonly string[];
  stop(): Promise<void>;
}

type Handler = (req: { method: string; originalUrl: string }, res: unknown, next: () => void) => void;
interface App {
  use(h: Handler | App): void;
  listen(port: number, host: string, ready: () => void): Server;
  setPouchDB(p: unknown): Promise<void>;
  couchConfig: unknown;
}

type PouchDbClass = { plugin(p: unknown): PouchDbClass; defaults(o: object): new (name: string) => LocalDb };
let made = 0;
let pouchDb: PouchDbClass | undefined;

export async function startBenchCouch(): Promise<BenchCouch> {
  const express = require('express') as () => App;
  const expressPouchDb = require('express-pouchdb') as (opts: object) => App;
  const cors = require('./lib/cors.js') as (config: unknown) => Handler;
  // Plugins go on PouchDB once per process (a second time throws).
  const PouchDB = (pouchDb ??= (require('pouchdb-core') as PouchDbClass).plugin(require('pouchdb-adapter-http')).plugin(require('pouchdb-replication')).plugin(require('pouchdb-mapreduce')).plugin(require('pouchdb-adapter-memory')));

  const dir = mkdtempSync(join(tmpdir(), 'regulars-bench-couch-'));
  // Each server its own names: PouchDB's memory adapter keeps databases by name for the process.
  const Scoped = PouchDB.defaults({ prefix: `${dir}/s${made++}-` });
  const log: string[] = [];
  const app = express();
  const couch = expressPouchDb({ configPath: join(dir, 'config.json'), logPath: join(dir, 'log.txt') });
  app.use((req, _res, next) => {
    log.push(`${req.method} ${req.originalUrl}`);
    next();
  });
  app.use(cors(couch.couchConfig));
  await couch.setPouchDB(Scoped);
  app.use(couch);

  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(port, '127.0.0.1', () => resolve(s));
  });
  const admin = { name: 'admin', password: 'admin-secret' };
  const r = await fetch(`${url}/_config/admins/${admin.name}`, { method: 'PUT', body: JSON.stringify(admin.password) });
  if (!r.ok) throw new Error(`could not set the admin: ${r.status}`);
  const dbs = new Map<string, LocalDb>();
  return {
    url,
    admin,
    local: (name) => dbs.get(name) ?? (dbs.set(name, new Scoped(name)), dbs.get(name)!),
    requests: () => log,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          rmSync(dir, { recursive: true, force: true });
          resolve();
        });
      }),
  };
}
