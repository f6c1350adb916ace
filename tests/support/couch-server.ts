// A CouchDB-API server for tests and the demo: pouchdb-server, in memory, on a free loopback port,
// run in a temporary directory (it writes its log and config file where it runs). It ends with the
// process that started it, however that one ends: a server left running was once seen 1 h 45 min
// after the test that started it had timed out waiting for it.
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

/**
 * Loaded into the server's process before pouchdb-server: its stdin is a pipe from the process that
 * started it, which the system closes when that process ends (also killed, or ended by a timeout's
 * process.exit, with no teardown run); the server then exits.
 */
const EXIT_WITH_PARENT = `data:text/javascript,${encodeURIComponent("process.stdin.on('end', () => process.exit(0)).on('error', () => process.exit(0)).resume();")}`;

async function waitUp(url: string, child: ChildProcess, signal: AbortSignal | undefined): Promise<void> {
  for (let i = 0; i < 200; i++) {
    signal?.throwIfAborted();
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`pouchdb-server exited with ${child.exitCode ?? child.signalCode}`);
    try {
      const r = await fetch(url, { signal: signal ?? null });
      if (r.ok) return;
    } catch {
      // not listening yet (or aborted: thrown above on the next round)
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('pouchdb-server did not start');
}

export interface StartOptions {
  /** The port to listen on; a free one when not given. */
  port?: number;
  /** Aborted while the server starts: it is stopped, and the start rejects. */
  signal?: AbortSignal;
  /** Told the process id of each server process started (tests of this file). */
  onSpawn?: (pid: number) => void;
}

/**
 * Starts one on `port`, or on a free port. A free port is only free until someone binds it: another
 * test worker's server or proxy can take it between freePort() and pouchdb-server's listen, and the
 * server then exits at once. That is the test machine's race, not the client's, so a server with no
 * port asked for is started again on another port (three tries); the error names each failure.
 */
export async function startCouchServer(opts: StartOptions = {}): Promise<CouchServer> {
  if (opts.port !== undefined) return startOn(opts.port, opts);
  const failures: string[] = [];
  for (let attempt = 0; attempt < 3; attempt++) {
    opts.signal?.throwIfAborted();
    try {
      return await startOn(await freePort(), opts);
    } catch (error) {
      failures.push(String(error));
    }
  }
  throw new Error(`pouchdb-server did not start in three tries: ${failures.join('; ')}`);
}

async function startOn(p: number, { signal, onSpawn }: StartOptions): Promise<CouchServer> {
  const url = `http://127.0.0.1:${p}`;
  const admin = { name: 'admin', password: 'admin-secret' };
  let child: ChildProcess;
  let dir: string;
  const up = async () => {
    dir = mkdtempSync(join(tmpdir(), 'regulars-couch-'));
    child = spawn(process.execPath, ['--import', EXIT_WITH_PARENT, BIN, '--in-memory', '--port', String(p), '--host', '127.0.0.1', '--no-stdout-logs'], { cwd: dir, stdio: ['pipe', 'ignore', 'ignore'] });
    if (child.pid !== undefined) onSpawn?.(child.pid);
    await waitUp(url, child, signal);
    const r = await fetch(`${url}/_config/admins/${admin.name}`, { method: 'PUT', body: JSON.stringify(admin.password) });
    if (!r.ok) throw new Error(`could not set the admin: ${r.status}`);
  };
  const down = async () => {
    // Ended by a signal, a process has no exit code: it is gone all the same, and would send no second 'exit'.
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill();
      await exited;
    }
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await up();
    signal?.throwIfAborted();
  } catch (error) {
    await down().catch(() => undefined);
    throw error;
  }
  return { url, port: p, admin, stop: down, restart: async () => (await down(), await up()), logFile: () => join(dir, 'log.txt') };
}
