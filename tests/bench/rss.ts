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
  return Object.values(chromiumTreePssByProcess(userDataDir)).reduce((a, b) => a + b, 0);
}

/**
 * `fields` of smaps_rollup summed instead of Pss: ['Pss_Anon', 'Pss_Shmem'] leaves out the file
 * pages (Chromium's code) that a proactive reclaimer may drop from an idle browser and fault back in later.
 *
 * The same PSS per process of the tree, keyed by its kind and pid ("browser", "renderer 123",
 * "utility 456"…): where a peak sits (the browser process holds IndexedDB's backend; extension pages,
 * their workers and the background share renderers).
 */
export function chromiumTreePssByProcess(userDataDir: string, fields: readonly string[] = ['Pss']): Record<string, number> {
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
  if (root === undefined) return {};
  const inTree = (pid: number): boolean => {
    for (let p: number | undefined = pid, hops = 0; p !== undefined && p > 1 && hops < 64; p = parent.get(p), hops++) if (p === root) return true;
    return false;
  };
  const out: Record<string, number> = {};
  for (const pid of parent.keys()) {
    if (!inTree(pid)) continue;
    const rollup = read(`/proc/${pid}/smaps_rollup`) ?? '';
    const kb = fields.reduce((sum, field) => sum + Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(rollup)?.[1] ?? 0), 0);
    const kind = pid === root ? 'browser' : (/--type=([\w-]+)/.exec(read(`/proc/${pid}/cmdline`) ?? '')?.[1] ?? 'other');
    out[pid === root ? kind : `${kind} ${pid}`] = kb * 1024;
  }
  return out;
}
