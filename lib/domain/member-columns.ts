// What segments, the RFM overview and the RFM cut points read of every member, as columns: typed
// arrays and a few short dictionaries. Kept on disk as one record, it is read back in a few
// milliseconds where a getAll of 100k member rows takes most of a second (structured clone copies
// typed arrays whole instead of building 100k objects), and turned back into light member objects.
import type { SegmentMember } from './segments';
import { splitJoined } from './joined-pieces';

/** A member as segments see it, with the currency its spend is in (the RFM overview adds up spend). */
export type FactMember = SegmentMember & { currency: string };

/** Strings as an index into a dictionary; a list per member as offsets into one index array. */
export interface MemberColumns {
  count: number;
  /** Member ids joined by NUL. */
  ids: string;
  tierNames: string[];
  tier: Uint16Array;
  currencyNames: string[];
  currency: Uint16Array;
  orderCount: Float64Array;
  spendMinor: Float64Array;
  averageOrderMinor: Float64Array;
  /** NaN: no order. */
  firstOrderAt: Float64Array;
  lastOrderAt: Float64Array;
  doNotContact: Uint8Array;
  /** Index + 1 into birthdayNames; 0 = none. */
  birthday: Uint32Array;
  birthdayNames: string[];
  tagNames: string[];
  /** Member i's tags are tags[tagStart[i] … tagStart[i + 1]). */
  tagStart: Uint32Array;
  tags: Uint32Array;
  /** Sum of hand adjustments of points (0: none). Absent in records kept before points existed. */
  pointsAdjustment?: Float64Array | undefined;
  /** Member i's per-category last orders are categories[catStart[i] … catStart[i + 1]) with times catAt[…]. Absent in older records. */
  categoryNames?: string[] | undefined;
  catStart?: Uint32Array | undefined;
  categories?: Uint32Array | undefined;
  catAt?: Float64Array | undefined;
}

/** Joins the ids of a columns record. */
export const SEP = '\u0000';

/** Strings as small integers: each new value gets the next index. */
export function dictionary() {
  const names: string[] = [];
  const index = new Map<string, number>();
  return {
    names,
    of(value: string): number {
      let i = index.get(value);
      if (i === undefined) {
        i = names.length;
        names.push(value);
        index.set(value, i);
      }
      return i;
    },
  };
}

export function encodeMembers(members: readonly FactMember[]): MemberColumns {
  const builder = columnsBuilder(members.length);
  for (const m of members) builder.add(m);
  return builder.finish().columns;
}

/**
 * Columns built one member at a time, for at most `capacity` members (members in id order). `add`
 * copies what it reads: the same object may be refilled and added again (eachMember's).
 */
export function columnsBuilder(capacity: number) {
  const tiers = dictionary();
  const currencies = dictionary();
  const birthdays = dictionary();
  const tagDict = dictionary();
  const categoryDict = dictionary();
  const cols = {
    tier: new Uint16Array(capacity),
    currency: new Uint16Array(capacity),
    orderCount: new Float64Array(capacity),
    spendMinor: new Float64Array(capacity),
    averageOrderMinor: new Float64Array(capacity),
    firstOrderAt: new Float64Array(capacity),
    lastOrderAt: new Float64Array(capacity),
    doNotContact: new Uint8Array(capacity),
    birthday: new Uint32Array(capacity),
    tagStart: new Uint32Array(capacity + 1),
    pointsAdjustment: new Float64Array(capacity),
    catStart: new Uint32Array(capacity + 1),
  };
  const catList: number[] = [];
  const catTimes: number[] = [];
  const tagList: number[] = [];
  const ids: string[] = [];
  return {
    add(m: FactMember): void {
      const i = ids.length;
      if (i >= capacity) throw new Error(`More than ${capacity} members added to columns`);
      ids.push(m.id);
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
      cols.tagStart[i] = tagList.length;
      for (const tag of m.tags) tagList.push(tagDict.of(tag));
      cols.pointsAdjustment[i] = m.pointsAdjustment ?? 0;
      cols.catStart[i] = catList.length;
      for (const [c, at] of Object.entries(m.categoryLastAt ?? {})) {
        catList.push(categoryDict.of(c));
        catTimes.push(at);
      }
    },
    /** The columns, and their ids in order. */
    finish(): { columns: MemberColumns; ids: string[] } {
      const n = ids.length;
      cols.tagStart[n] = tagList.length;
      cols.catStart[n] = catList.length;
      if (tiers.names.length > 0xffff || currencies.names.length > 0xffff) throw new Error('Too many distinct tiers or currencies to keep as columns');
      const fit = <A extends { length: number; slice(from: number, to: number): A }>(a: A, length: number) => (a.length === length ? a : a.slice(0, length));
      const columns: MemberColumns = {
        count: n,
        ids: ids.join(SEP),
        tierNames: tiers.names,
        currencyNames: currencies.names,
        birthdayNames: birthdays.names,
        tagNames: tagDict.names,
        tags: Uint32Array.from(tagList),
        categoryNames: categoryDict.names,
        categories: Uint32Array.from(catList),
        catAt: Float64Array.from(catTimes),
        tier: fit(cols.tier, n),
        currency: fit(cols.currency, n),
        orderCount: fit(cols.orderCount, n),
        spendMinor: fit(cols.spendMinor, n),
        averageOrderMinor: fit(cols.averageOrderMinor, n),
        firstOrderAt: fit(cols.firstOrderAt, n),
        lastOrderAt: fit(cols.lastOrderAt, n),
        doNotContact: fit(cols.doNotContact, n),
        birthday: fit(cols.birthday, n),
        tagStart: fit(cols.tagStart, n + 1),
        pointsAdjustment: fit(cols.pointsAdjustment, n),
        catStart: fit(cols.catStart, n + 1),
      };
      // The ids handed back are cut from the joined text (V8 keeps each as a 20 B slice of it) rather
      // than the strings added: after an import those are every written row's own id (some 40 B each,
      // 270k for a 200 MB export), and slices of an earlier joined text would keep that text alive too.
      const cut = splitJoined(columns.ids, n, SEP);
      return { columns, ids: cut.length === n ? cut : ids };
    },
  };
}

const NO_TAGS: readonly string[] = Object.freeze([]);
const NO_PROFILE: { birthday?: string } = Object.freeze({});

/** Members share their tag lists and profiles when equal (facts are never changed): far fewer objects. */
export function decodeMembers(c: MemberColumns, ids: readonly string[] = memberIds(c)): FactMember[] {
  const out: FactMember[] = new Array(c.count);
  const tagLists = new Map<string, readonly string[]>();
  const profiles: ({ birthday?: string } | undefined)[] = new Array(c.birthdayNames.length + 1);
  profiles[0] = NO_PROFILE;
  for (let i = 0; i < c.count; i++) {
    const from = c.tagStart[i]!;
    const to = c.tagStart[i + 1]!;
    let tags = NO_TAGS;
    if (to > from) {
      const key = c.tags.subarray(from, to).join(',');
      let list = tagLists.get(key);
      if (!list) {
        const fresh: string[] = new Array(to - from);
        for (let k = from; k < to; k++) fresh[k - from] = c.tagNames[c.tags[k]!]!;
        tagLists.set(key, (list = Object.freeze(fresh)));
      }
      tags = list;
    }
    const first = c.firstOrderAt[i]!;
    const last = c.lastOrderAt[i]!;
    const birthday = c.birthday[i]!;
    let profile = profiles[birthday];
    if (!profile) profiles[birthday] = profile = Object.freeze({ birthday: c.birthdayNames[birthday - 1]! });
    out[i] = {
      id: ids[i]!,
      tierId: c.tierNames[c.tier[i]!]!,
      currency: c.currencyNames[c.currency[i]!]!,
      tags,
      orderCount: c.orderCount[i]!,
      spendMinor: c.spendMinor[i]!,
      averageOrderMinor: c.averageOrderMinor[i]!,
      firstOrderAt: Number.isNaN(first) ? undefined : first,
      lastOrderAt: Number.isNaN(last) ? undefined : last,
      doNotContact: c.doNotContact[i] === 1,
      profile,
      pointsAdjustment: c.pointsAdjustment?.[i] || undefined,
      categoryLastAt: categoryLastOf(c, i),
    };
  }
  return out;
}

/** Member i's per-category last orders, or undefined (none, or columns kept before categories). */
export function categoryLastOf(c: MemberColumns, i: number): Record<string, number> | undefined {
  if (!c.catStart || !c.categories || !c.catAt || !c.categoryNames) return undefined;
  const from = c.catStart[i]!;
  const to = c.catStart[i + 1]!;
  if (to <= from) return undefined;
  const out: Record<string, number> = {};
  for (let k = from; k < to; k++) out[c.categoryNames[c.categories[k]!]!] = c.catAt[k]!;
  return out;
}

/**
 * Visits every member without making an object each: one member object is refilled for each in
 * turn (a test that keeps no reference to it, such as a compiled segment filter, sees every member
 * as decodeMembers would give it). Far cheaper than decoding in a worker that just woke, where 100k
 * fresh objects cost more than reading the columns from disk. With `only`, just the members whose
 * index holds 1 there. `ids` is the ids in order, or how to read member i's.
 */
export function eachMember(
  c: MemberColumns,
  ids: readonly string[] | ((index: number) => string),
  visit: (member: FactMember, index: number) => void,
  only?: Uint8Array,
): void {
  const idOf = typeof ids === 'function' ? ids : (i: number) => ids[i]!;
  const profiles = profilesOf(c);
  const m = blankMember();
  for (let i = 0; i < c.count; i++) {
    if (only && !only[i]) continue;
    fillMember(m, c, i, idOf(i), profiles);
    visit(m, i);
  }
}

/** Member i of the columns as an object of its own, as decodeMembers would give it. */
export const memberAt = (c: MemberColumns, i: number, id: string): FactMember => fillMember(blankMember(), c, i, id, profilesOf(c));

const blankMember = (): FactMember => ({ id: '', tierId: '', currency: '', tags: NO_TAGS, orderCount: 0, spendMinor: 0, averageOrderMinor: 0, firstOrderAt: undefined, lastOrderAt: undefined, doNotContact: false, profile: NO_PROFILE, pointsAdjustment: undefined, categoryLastAt: undefined });

function profilesOf(c: MemberColumns): ({ birthday?: string } | undefined)[] {
  const profiles: ({ birthday?: string } | undefined)[] = new Array(c.birthdayNames.length + 1);
  profiles[0] = NO_PROFILE;
  return profiles;
}

/** Fills `m` with member i (fresh tags and categories; profiles shared through `profiles`). */
function fillMember(m: FactMember, c: MemberColumns, i: number, id: string, profiles: ({ birthday?: string } | undefined)[]): FactMember {
  const from = c.tagStart[i]!;
  const to = c.tagStart[i + 1]!;
  if (to > from) {
    const tags: string[] = new Array(to - from);
    for (let k = from; k < to; k++) tags[k - from] = c.tagNames[c.tags[k]!]!;
    m.tags = tags;
  } else m.tags = NO_TAGS;
  const first = c.firstOrderAt[i]!;
  const last = c.lastOrderAt[i]!;
  const birthday = c.birthday[i]!;
  let profile = profiles[birthday];
  if (!profile) profiles[birthday] = profile = Object.freeze({ birthday: c.birthdayNames[birthday - 1]! });
  m.id = id;
  m.tierId = c.tierNames[c.tier[i]!]!;
  m.currency = c.currencyNames[c.currency[i]!]!;
  m.orderCount = c.orderCount[i]!;
  m.spendMinor = c.spendMinor[i]!;
  m.averageOrderMinor = c.averageOrderMinor[i]!;
  m.firstOrderAt = Number.isNaN(first) ? undefined : first;
  m.lastOrderAt = Number.isNaN(last) ? undefined : last;
  m.doNotContact = c.doNotContact[i] === 1;
  m.profile = profile;
  m.pointsAdjustment = c.pointsAdjustment?.[i] || undefined;
  m.categoryLastAt = categoryLastOf(c, i);
  return m;
}

/** The member ids of columns, in order; throws when the columns do not add up (a damaged record). */
export function memberIds(c: MemberColumns): string[] {
  const ids = splitJoined(c.ids, c.count, SEP);
  if (ids.length !== c.count) throw new Error(`Member columns hold ${ids.length} ids for ${c.count} members`);
  const short = (['tier', 'currency', 'orderCount', 'spendMinor', 'averageOrderMinor', 'firstOrderAt', 'lastOrderAt', 'doNotContact', 'birthday'] as const).find((k) => c[k].length !== c.count);
  if (short || c.tagStart.length !== c.count + 1) throw new Error(`Member column ${short ?? 'tagStart'} does not hold one value per member`);
  return ids;
}
