// The test team server never outlives what started it: stopped when its start is given up, and gone
// when the process that started it ends without stopping it (killed, or exited on a timeout).
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startCouchServer } from './couch-server';

/** A process that ended but nobody has reaped yet (a zombie) counts as gone. */
const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return true;
  }
};

describe('the test team server', () => {
  it('given up while it starts, is stopped and leaves no process', async () => {
    const starting = new AbortController();
    const spawned: number[] = [];
    const start = startCouchServer({ signal: starting.signal, onSpawn: (pid) => (spawned.push(pid), starting.abort()) });
    await expect(start).rejects.toThrow();
    expect(spawned).toHaveLength(1);
    expect(alive(spawned[0]!)).toBe(false);
  });

  it('ends when the process that started it is killed before stopping it', async () => {
    // A process that starts a server and says its process id at once, then waits to be killed:
    // killed before the server answers (the server's start need not be waited for to show it).
    // Written plain: console.log colours a number when FORCE_COLOR is set, as npm test sets it for
    // its steps, and the id then read as NaN (the test failed in CI only).
    const script = `import { startCouchServer } from ${JSON.stringify(resolve(import.meta.dirname, 'couch-server.ts'))};
      void startCouchServer({ onSpawn: (p) => process.stdout.write(p + '\\n') }); setInterval(() => {}, 1000);`;
    const starter = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
    let server: number | undefined;
    try {
      server = await new Promise<number>((res, rej) => {
        starter.stdout.on('data', (d: Buffer) => res(Number(String(d).trim())));
        starter.once('exit', (code) => rej(new Error(`the starter exited with ${code}`)));
      });
      expect(alive(server)).toBe(true);
      starter.kill('SIGKILL');
      await expect.poll(() => alive(server!), { timeout: 10_000 }).toBe(false);
    } finally {
      starter.kill('SIGKILL');
      if (server !== undefined && alive(server)) process.kill(server, 'SIGKILL');
    }
  }, 60_000);
});
