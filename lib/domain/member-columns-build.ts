// Member columns (member-columns.ts) made from member rows, or from older columns and the members
// written since: unchanged members are copied a run at a time (typed-array copies, no object each).
import { dictionary, SEP, type FactMember, type MemberColumns } from './member-columns';

/** Numbers appended one by one or a typed run at a time, joined into one typed array at the end. */
function parts<A extends Uint32Array | Float64Array>(make: (n: number) => A) {
  const done: ArrayLike<number>[] = [];
  let loose: number[] = [];
  let length = 0;
  return {
    length: () => length,
    push(value: number) {
      loose.push(value);
      length++;
    },
    run(part: ArrayLike<number>) {
      if (loose.length) done.push(loose);
      loose = [];
      done.push(part);
      length += part.length;
    },
    join(): A {
      if (loose.length) done.push(loose);
      const out = make(length);
      let at = 0;
      for (const part of done) {
        out.set(part, at);
        at += part.length;
      }
      return out;
    },
  };
}

const SCALARS = ['tier', 'currency', 'orderCount', 'spendMinor', 'averageOrderMinor', 'firstOrderAt', 'lastOrderAt', 'doNotContact', 'birthday'] as const;

/**
 * Columns for `n` members filled in order, from a member or from a run of `base` (whose
 * dictionaries it starts from, so base indexes are copied as they are).
 */
function columnsBuilder(n: number, base?: MemberColumns) {
  const tiers = dictionary(base?.tierNames);
  const currencies = dictionary(base?.currencyNames);
  const birthdays = dictionary(base?.birthdayNames);
  const tagDict = dictionary(base?.tagNames);
  const categoryDict = dictionary(base?.categoryNames);
  const cols = {
    tier: new Uint16Array(n),
    currency: new Uint16Array(n),
    orderCount: new Float64Array(n),
    spendMinor: new Float64Array(n),
    averageOrderMinor: new Float64Array(n),
    firstOrderAt: new Float64Array(n),
    lastOrderAt: new Float64Array(n),
    doNotContact: new Uint8Array(n),
    birthday: new Uint32Array(n),
    tagStart: new Uint32Array(n + 1),
    pointsAdjustment: new Float64Array(n),
    catStart: new Uint32Array(n + 1),
  };
  const tags = parts((k) => new Uint32Array(k));
  const categories = parts((k) => new Uint32Array(k));
  const catTimes = parts((k) => new Float64Array(k));
  return {
    member(i: number, m: FactMember) {
      cols.tier[i] = tiers.of(m.tierId);
      cols.currency[i] = currencies.of(m.currency);
      cols.orderCount[i] = m.orderCount;
      cols.spendMinor[i] = m.spendMinor;
      cols.averageOrderMinor[i] = m.averageOrderMinor;
      cols.firstOrderAt[i] = m.firstOrderAt ?? NaN;
      cols.lastOrderAt[i] = m.lastOrderAt ?? NaN;
      cols.doNotContact[i] = m.doNotContact ? 1 : 0;
      const birthday = m.profile.birthday;
      cols.birthday[i] = birthday ? birthdays.of(birthday) + 1 : 0;
      cols.tagStart[i] = tags.length();
      for (const tag of m.tags) tags.push(tagDict.of(tag));
      cols.pointsAdjustment[i] = m.pointsAdjustment ?? 0;
      cols.catStart[i] = categories.length();
      for (const [c, at] of Object.entries(m.categoryLastAt ?? {})) {
        categories.push(categoryDict.of(c));
        catTimes.push(at);
      }
    },
    /** Members j … j + count of `c` (built on `base`) at i … i + count. */
    run(i: number, c: MemberColumns, j: number, count: number) {
      for (const k of SCALARS) cols[k].set(c[k].subarray(j, j + count), i);
      if (c.pointsAdjustment) cols.pointsAdjustment.set(c.pointsAdjustment.subarray(j, j + count), i);
      const tagShift = tags.length() - c.tagStart[j]!;
      for (let r = 0; r < count; r++) cols.tagStart[i + r] = c.tagStart[j + r]! + tagShift;
      tags.run(c.tags.subarray(c.tagStart[j]!, c.tagStart[j + count]!));
      if (c.catStart && c.categories && c.catAt) {
        const catShift = categories.length() - c.catStart[j]!;
        for (let r = 0; r < count; r++) cols.catStart[i + r] = c.catStart[j + r]! + catShift;
        categories.run(c.categories.subarray(c.catStart[j]!, c.catStart[j + count]!));
        catTimes.run(c.catAt.subarray(c.catStart[j]!, c.catStart[j + count]!));
      } else cols.catStart.fill(categories.length(), i, i + count);
    },
    /** `ids`: the member ids in order, joined by SEP. */
    finish(ids: string): MemberColumns {
      cols.tagStart[n] = tags.length();
      cols.catStart[n] = categories.length();
      if (tiers.names.length > 0xffff || currencies.names.length > 0xffff) throw new Error('Too many distinct tiers or currencies to keep as columns');
      return {
        count: n,
        ids,
        tierNames: tiers.names,
        currencyNames: currencies.names,
        birthdayNames: birthdays.names,
        tagNames: tagDict.names,
        tags: tags.join(),
        categoryNames: categoryDict.names,
        categories: categories.join(),
        catAt: catTimes.join(),
        ...cols,
      };
    },
  };
}

export function encodeMembers(members: readonly FactMember[]): MemberColumns {
  const build = columnsBuilder(members.length);
  members.forEach((m, i) => build.member(i, m));
  return build.finish(members.map((m) => m.id).join(SEP));
}

/**
 * `c` (with its ids in order) with some members changed: each id of `changed` is now that member,
 * or gone (undefined). Members new to `c` take their place in id order (the store's key order,
 * which platform columns are matched by). Reads `c`, never changes it.
 */
export function patchMembers(
  c: MemberColumns,
  ids: readonly string[],
  changed: ReadonlyMap<string, FactMember | undefined>,
): { columns: MemberColumns; ids: string[] } {
  const known = new Set<string>();
  for (const id of ids) if (changed.has(id)) known.add(id);
  const added = [...changed].filter(([id, m]) => m !== undefined && !known.has(id)).map(([, m]) => m!);
  added.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  // What goes where, in order: a run of unchanged members of `c` ([from, count]) or a member.
  const order: ([number, number] | FactMember)[] = [];
  let runFrom = 0;
  let next = 0;
  const endRun = (j: number) => {
    if (j > runFrom) order.push([runFrom, j - runFrom]);
  };
  for (let j = 0; j <= ids.length; j++) {
    const id = ids[j];
    if (next < added.length && (id === undefined || added[next]!.id < id)) {
      endRun(j);
      while (next < added.length && (id === undefined || added[next]!.id < id)) order.push(added[next++]!);
      runFrom = j;
    }
    if (id === undefined) endRun(j);
    else if (known.has(id)) {
      endRun(j);
      const m = changed.get(id);
      if (m) order.push(m);
      runFrom = j + 1;
    }
  }
  const count = order.reduce((n, from) => n + (Array.isArray(from) ? from[1] : 1), 0);
  const build = columnsBuilder(count, c);
  const out: string[] = new Array(count);
  // The joined ids of a run are a slice of c.ids: where each id starts in it.
  const starts = new Float64Array(ids.length + 1);
  for (let j = 0; j < ids.length; j++) starts[j + 1] = starts[j]! + ids[j]!.length + 1;
  const joined: string[] = [];
  let i = 0;
  for (const from of order) {
    if (Array.isArray(from)) {
      const [j, n] = from;
      build.run(i, c, j, n);
      for (let r = 0; r < n; r++) out[i + r] = ids[j + r]!;
      joined.push(c.ids.slice(starts[j]!, starts[j + n]! - 1));
      i += n;
    } else {
      build.member(i, from);
      joined.push(from.id);
      out[i++] = from.id;
    }
  }
  return { columns: build.finish(joined.join(SEP)), ids: out };
}
