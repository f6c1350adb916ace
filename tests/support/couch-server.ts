// A CouchDB-API server for tests and the demo: pouchdb-server, in memory, on a free loopback port,
// run in a temporary directory (it writes its log and config file where it runs).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export interface CouchServer {
  url: string;
  port: number;
  admin: { name: string; password: string };
  /** Stops the server (its data is lost: in memory). */
  stop(): Promise<void>;
  /** Stops and starts it again on the same port with the same admin (data lost). */
  restart(): Promise<void>;
  /** The server's request log (one line per answered request). */
  logFile(): string;
}

export async function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const s = createServer();
    s.once('error', rej);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => res(port));
    });
  });
}

const BIN = resolve(import.meta.dirname, '../../node_modules/pouchdb-server/bin/pouchdb-server');

async function waitUp(url: string, child: ChildProcess): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (child.exitCode !== null) throw new Error(`pouchdb-server exited with ${child.exitCode}`);
    try {
      const r = await fetch(url);
      if (r.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('pouchdb-server did not start');
}

/**
 * Starts one on `port`, or on a free port. A free port is only free until someone binds it: another
 * test worker's server or proxy can take it between freePort() and pouchdb-server's listen, and the
 * server then exits at once. That is the test machine's race, not the client's, so a server with no
 * port asked for is started again on another port (three tries); the error names each failure.
 */
export async function startCouchServer(port?: number): Promise<CouchServer> {
  if (port !== undefined) return startOn(port);
  const failures: string[] = [];
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      return await startOn(await freePort());
    } catch (error) {
      failures.push(String(error));
    }
  }
  throw new Error(`pouchdb-server did not start in three tries: ${failures.join('; ')}`);
}

async function startOn(p: number): Promise<CouchServer> {
  const url = `http://127.0.0.1:${p}`;
  const admin = { name: 'admin', password: 'admin-secret' };
  let child: ChildProcess;
  let dir: string;
  const up = async () => {
    dir = mkdtempSync(join(tmpdir(), 'regulars-couch-'));
    child = spawn(process.execPath, [BIN, '--in-memory', '--port', String(p), '--host', '127.0.0.1', '--no-stdout-logs'], { cwd: dir, stdio: 'ignore' });
    await waitUp(url, child);
    const r = await fetch(`${url}/_config/admins/${admin.name}`, { method: 'PUT', body: JSON.stringify(admin.password) });
    if (!r.ok) throw new Error(`could not set the admin: ${r.status}`);
  };
  const down = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill();
      await exited;
    }
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await up();
  } catch (error) {
    await down().catch(() => undefined);
    throw error;
  }
  return { url, port: p, admin, stop: down, restart: async () => (await down(), await up()), logFile: () => join(dir, 'log.txt') };
}
