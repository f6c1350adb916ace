// Which platforms each member has a handle on, as columns beside the member columns: segments
// with a platform condition read them instead of scanning every identity.
import { dictionary, SEP } from './member-columns';
import { splitJoined } from './joined-pieces';

/**
 * Member id → platforms of its handles, as columns: ids in ascending order (the order the member
 * columns keep, the members table's key order), joined by NUL, a platform list each.
 */
export interface PlatformColumns {
  count: number;
  ids: string;
  names: string[];
  start: Uint32Array;
  platforms: Uint16Array;
}

/** Platform columns read back: the ids split, checked ascending. Shared: never change it. */
export interface MemberPlatforms {
  ids: string[];
  names: string[];
  start: Uint32Array;
  platforms: Uint16Array;
}

export function encodePlatforms(map: ReadonlyMap<string, ReadonlySet<string>>): PlatformColumns {
  const names = dictionary();
  const ids = [...map.keys()].sort(); // UTF-16 code units, as IndexedDB orders string keys
  const start = new Uint32Array(ids.length + 1);
  const list: number[] = [];
  ids.forEach((id, i) => {
    start[i] = list.length;
    for (const p of map.get(id)!) list.push(names.of(p));
  });
  start[ids.length] = list.length;
  return { count: ids.length, ids: ids.join(SEP), names: names.names, start, platforms: Uint16Array.from(list) };
}

/** Throws when the columns do not add up or their ids are not ascending (a damaged or older record: scan again). */
export function readPlatforms(c: PlatformColumns): MemberPlatforms {
  const ids = splitJoined(c.ids, c.count, SEP);
  if (ids.length !== c.count) throw new Error(`Platform columns hold ${ids.length} ids for ${c.count} members`);
  if (c.start.length !== c.count + 1 || c.start[c.count] !== c.platforms.length) throw new Error('Platform columns do not hold one list per member');
  for (let i = 1; i < ids.length; i++) if (!(ids[i - 1]! < ids[i]!)) throw new Error('Platform columns are not in member id order');
  return { ids, names: c.names, start: c.start, platforms: c.platforms };
}

/** Member id → the set of its platforms. Members with the same platforms share one set (never change them). */
export function decodePlatforms(p: MemberPlatforms): Map<string, ReadonlySet<string>> {
  // A handful of sets for 100k members, found by a bit mask of the platforms (a string key only
  // past 31 platform names).
  const map = new Map<string, ReadonlySet<string>>();
  const byMask = new Map<number, ReadonlySet<string>>();
  const byKey = new Map<string, ReadonlySet<string>>();
  const setOf = (from: number, to: number) => new Set(Array.from(p.platforms.subarray(from, to), (i) => p.names[i]!));
  for (let i = 0; i < p.ids.length; i++) {
    const from = p.start[i]!;
    const to = p.start[i + 1]!;
    let mask = 0;
    for (let j = from; j < to && mask >= 0; j++) mask = p.platforms[j]! < 31 ? mask | (1 << p.platforms[j]!) : -1;
    let set: ReadonlySet<string> | undefined;
    if (mask >= 0) {
      set = byMask.get(mask);
      if (!set) byMask.set(mask, (set = setOf(from, to)));
    } else {
      const key = p.platforms.subarray(from, to).join(',');
      set = byKey.get(key);
      if (!set) byKey.set(key, (set = setOf(from, to)));
    }
    map.set(p.ids[i]!, set);
  }
  return map;
}

/**
 * Which of `memberIds` have a handle on any of `wanted`: 1 at a member's index. The two id lists
 * are walked side by side (both ascending), with no lookup per member; ids out of order are looked
 * up instead, so the answer never depends on the order.
 */
export function membersOnPlatforms(p: MemberPlatforms, memberIds: readonly string[], wanted: readonly string[]): Uint8Array {
  const want = Uint8Array.from(p.names, (name) => (wanted.includes(name) ? 1 : 0));
  const out = new Uint8Array(memberIds.length);
  const on = (j: number) => {
    for (let k = p.start[j]!; k < p.start[j + 1]!; k++) if (want[p.platforms[k]!]) return 1;
    return 0;
  };
  const n = p.ids.length;
  let j = 0;
  let previous = '';
  for (let i = 0; i < memberIds.length; i++) {
    const id = memberIds[i]!;
    if (id < previous) {
      const at = new Map(p.ids.map((pid, k) => [pid, k]));
      for (let r = i; r < memberIds.length; r++) {
        const k = at.get(memberIds[r]!);
        if (k !== undefined) out[r] = on(k);
      }
      return out;
    }
    previous = id;
    while (j < n && p.ids[j]! < id) j++;
    if (j < n && p.ids[j] === id) out[i] = on(j);
  }
  return out;
}
