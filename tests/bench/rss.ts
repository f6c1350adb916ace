// Memory of a whole Chromium (browser, renderers, extension workers), read from /proc: what the
// machine actually gives it, whatever JS heap any one page reports. Proportional set size (PSS),
// so the pages Chromium's processes share (its own code above all) are counted once, not per process.
import { readdirSync, readFileSync } from 'node:fs';

function read(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

/** Sum of PSS over the browser process started with this profile and all its descendants, in bytes. */
export function chromiumTreePss(userDataDir: string): number {
  const parent = new Map<number, number>();
  let root: number | undefined;
  for (const name of readdirSync('/proc')) {
    const pid = Number(name);
    if (!Number.isInteger(pid)) continue;
    const stat = read(`/proc/${pid}/stat`);
    if (!stat) continue;
    // "pid (comm) state ppid …": comm may hold spaces, so read after the last ')'.
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    parent.set(pid, ppid);
    const cmd = read(`/proc/${pid}/cmdline`);
    if (cmd?.includes(`--user-data-dir=${userDataDir}`) && !cmd.includes('--type=')) root = pid;
  }
  if (root === undefined) return 0;
  const inTree = (pid: number): boolean => {
    for (let p: number | undefined = pid, hops = 0; p !== undefined && p > 1 && hops < 64; p = parent.get(p), hops++) if (p === root) return true;
    return false;
  };
  let total = 0;
  for (const pid of parent.keys()) {
    if (!inTree(pid)) continue;
    const kb = /^Pss:\s+(\d+) kB/m.exec(read(`/proc/${pid}/smaps_rollup`) ?? '')?.[1];
    total += Number(kb ?? 0) * 1024;
  }
  return total;
}
