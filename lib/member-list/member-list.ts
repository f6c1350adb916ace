// What the members page holds of every member, as columns: the member facts segments read (typed
// arrays, member-columns.ts), the RFM segment and platforms as small numbers, and the ids, names,
// handles, phones and search text of all members packed in one string each.
// At 100k members the page held some 2.3 million objects when each member was a row object (its
// own object, property store, boxed numbers, a dozen strings): a major garbage collection walked
// them all, and its pause landed in a scrolled frame. A string per member for ids and names still
// made 300k objects (an id used as a property key is interned: a second string, in the string
// table every collection walks), and the memory-reducing collections that follow the page's load
// took 50-70 ms a frame evacuating their pages. Here a member is a position in a few strings and
// typed arrays, and a row's values are read out only when the row is drawn.
import { PLATFORMS, type IdentityRow, type MemberRow } from '@/lib/domain/rows';
import { decodeMembers, eachMember, encodeMembers, memberIds, SEP as ID_SEP, type FactMember, type MemberColumns } from '@/lib/domain/member-columns';
import { compileFilter, rfmSegmentOf, type SegmentContext, type SegmentFilter } from '@/lib/domain/segments';
import { RFM_SEGMENTS, type RfmSegment } from '@/lib/domain/types';
import { joined, Packed, packed, type PackedText } from './packed-text';

export type ListSegment = RfmSegment | 'none';
const SEGMENTS: readonly ListSegment[] = [...RFM_SEGMENTS, 'none'];
const SEGMENT_INDEX = new Map(SEGMENTS.map((s, i) => [s, i]));
/** Ends each member's search text: no query holds it, so a match never runs into the next member. */
const END = '\u0001';
const platformBit = (platform: string) => {
  const i = (PLATFORMS as readonly string[]).indexOf(platform);
  return i < 0 ? 0 : 1 << i;
};

/** What a list is made of: strings and typed arrays only, so a worker can build it and hand it over. */
export interface MemberListParts {
  count: number;
  facts: MemberColumns;
  ids: PackedText;
  names: PackedText;
  /** Index into SEGMENTS. */
  segmentOf: Uint8Array;
  /** Bit per PLATFORMS entry: the platforms of the member's handles. */
  platformBits: Uint16Array;
  handles: PackedText;
  phones: PackedText;
  search: PackedText;
}

/** When the list is made, for the RFM segment of each member. */
export type ListContext = Pick<SegmentContext, 'now' | 'timeZone' | 'rfmBreaks'>;

export function memberListParts(members: readonly MemberRow[], identities: readonly IdentityRow[], ctx: ListContext): MemberListParts {
  const n = members.length;
  const facts = encodeMembers(members);
  const segmentOf = new Uint8Array(n);
  const platformBits = new Uint16Array(n);
  const byMember = new Map<string, IdentityRow[]>();
  for (const i of identities) {
    const list = byMember.get(i.memberId);
    if (list) list.push(i);
    else byMember.set(i.memberId, [i]);
  }
  const handles: string[] = new Array(n);
  const phones: string[] = new Array(n);
  const search: string[] = new Array(n);
  members.forEach((m, k) => {
    const own = byMember.get(m.id) ?? [];
    let bits = 0;
    const handleList: string[] = [];
    const phoneList: string[] = [];
    const emails: string[] = [];
    for (const i of own) {
      if (i.kind === 'handle') {
        bits |= platformBit(i.platform);
        handleList.push(i.display || i.value);
      } else if (i.kind === 'phone') phoneList.push(i.display || i.value);
      else emails.push(i.value);
    }
    const phone = m.profile.phone || phoneList[0] || '';
    const digits = [phone, ...phoneList].map((p) => p.replace(/\D/g, '')).join(' ');
    platformBits[k] = bits;
    segmentOf[k] = SEGMENT_INDEX.get(rfmSegmentOf(m, ctx))!;
    handles[k] = handleList.join(', ');
    phones[k] = phone;
    search[k] = `${m.displayName}\u0000${handleList.join('\u0000')}\u0000${emails.join('\u0000')}\u0000${m.profile.email ?? ''}\u0000${digits}`.toLowerCase() + END;
  });
  return {
    count: n,
    facts,
    ids: joined(facts.ids, ID_SEP, n),
    names: packed(members.map((m) => m.displayName)),
    segmentOf,
    platformBits,
    handles: packed(handles),
    phones: packed(phones),
    search: packed(search),
  };
}

/** The buffers of the parts' typed arrays: handed over by a worker, not copied. */
export function partsBuffers(parts: MemberListParts): ArrayBuffer[] {
  const arrays = [
    parts.segmentOf,
    parts.platformBits,
    parts.ids.start,
    parts.names.start,
    parts.handles.start,
    parts.phones.start,
    parts.search.start,
    ...Object.values(parts.facts).filter(ArrayBuffer.isView),
  ];
  return [...new Set(arrays.map((a) => a.buffer as ArrayBuffer))];
}

export class MemberList {
  readonly count: number;
  readonly facts: MemberColumns;
  private readonly idText: Packed;
  private readonly nameText: Packed;
  private readonly segmentOf: Uint8Array;
  private readonly platformBits: Uint16Array;
  private readonly handleText: Packed;
  private readonly phoneText: Packed;
  private readonly searchText: Packed;
  private readonly ranks = new Map<string, Uint32Array>();

  /**
   * How many members the whole list holds: more than `count` while this is only the table's first
   * rows (first-rows.ts) and the whole list is still being built.
   */
  readonly whole: number;

  constructor(parts: MemberListParts, whole = parts.count) {
    this.count = parts.count;
    this.whole = whole;
    this.facts = parts.facts;
    this.idText = new Packed(parts.ids);
    this.nameText = new Packed(parts.names);
    this.segmentOf = parts.segmentOf;
    this.platformBits = parts.platformBits;
    this.handleText = new Packed(parts.handles);
    this.phoneText = new Packed(parts.phones);
    this.searchText = new Packed(parts.search);
  }

  /** The list of these members (the page has it built in a worker: memberListParts there). */
  static build(members: readonly MemberRow[], identities: readonly IdentityRow[], ctx: ListContext): MemberList {
    return new MemberList(memberListParts(members, identities, ctx));
  }

  id(i: number): string {
    return this.idText.at(i);
  }

  name(i: number): string {
    return this.nameText.at(i);
  }

  handles(i: number): string {
    return this.handleText.at(i);
  }

  phone(i: number): string {
    return this.phoneText.at(i);
  }

  segment(i: number): ListSegment {
    return SEGMENTS[this.segmentOf[i]!]!;
  }

  tierId(i: number): string {
    return this.facts.tierNames[this.facts.tier[i]!]!;
  }

  currency(i: number): string {
    return this.facts.currencyNames[this.facts.currency[i]!]!;
  }

  tags(i: number): string[] {
    const c = this.facts;
    return Array.from(c.tags.subarray(c.tagStart[i]!, c.tagStart[i + 1]!), (t) => c.tagNames[t]!);
  }

  orderCount(i: number): number {
    return this.facts.orderCount[i]!;
  }

  spendMinor(i: number): number {
    return this.facts.spendMinor[i]!;
  }

  averageOrderMinor(i: number): number {
    return this.facts.averageOrderMinor[i]!;
  }

  firstOrderAt(i: number): number | undefined {
    const at = this.facts.firstOrderAt[i]!;
    return Number.isNaN(at) ? undefined : at;
  }

  lastOrderAt(i: number): number | undefined {
    const at = this.facts.lastOrderAt[i]!;
    return Number.isNaN(at) ? undefined : at;
  }

  doNotContact(i: number): boolean {
    return this.facts.doNotContact[i] === 1;
  }

  /** The member's index, or undefined when not in the list. */
  indexOf(id: string): number | undefined {
    return id && !id.includes(ID_SEP) ? this.idText.find(id) : undefined;
  }

  /** Every member, as objects that segments and the RFM overview read (made on demand: let go after use). */
  members(): FactMember[] {
    return decodeMembers(this.facts, memberIds(this.facts));
  }

  /** The indices of the members a filter selects, in list order. */
  filter(filter: SegmentFilter, ctx: Omit<SegmentContext, 'platforms'>): Uint32Array {
    const { platforms, ...rest } = filter;
    let only: Uint8Array | undefined;
    if (platforms?.length) {
      const wanted = platforms.reduce((bits, p) => bits | platformBit(p), 0);
      only = new Uint8Array(this.count);
      for (let i = 0; i < this.count; i++) only[i] = this.platformBits[i]! & wanted ? 1 : 0;
    }
    const test = compileFilter(rest, ctx);
    const out = new Uint32Array(this.count);
    let k = 0;
    eachMember(
      this.facts,
      (i) => this.id(i),
      (m, i) => {
        if (test(m)) out[k++] = i;
      },
      only,
    );
    return out.slice(0, k);
  }

  /** Of `indices`, those whose name, handle, e-mail or phone contains the query (phones compare by digits). */
  search(indices: Uint32Array, query: string): Uint32Array {
    const q = query.trim().toLowerCase().replace(/^@/, '');
    if (!q) return indices;
    const digits = /^[+\d\s().-]+$/.test(q) ? q.replace(/\D/g, '') : '';
    const hit = new Uint8Array(this.count);
    const { text, start } = this.searchText;
    for (const needle of digits.length >= 3 ? [q, digits] : [q]) {
      for (let pos = text.indexOf(needle); pos >= 0;) {
        const owner = this.searchText.owner(pos);
        hit[owner] = 1;
        pos = text.indexOf(needle, start[owner + 1]!);
      }
    }
    return indices.filter((i) => hit[i] === 1);
  }

  /** Each member's place when sorted by a text, case aside (equal texts share a place). */
  rankBy(key: 'name' | 'handles' | 'phone' | 'segment'): Uint32Array {
    let rank = this.ranks.get(key);
    if (rank) return rank;
    const text = (i: number) => (key === 'name' ? this.name(i) : key === 'handles' ? this.handles(i) : key === 'phone' ? this.phone(i) : this.segment(i)).toLowerCase();
    const keys = Array.from({ length: this.count }, (_, i) => text(i));
    const order = Uint32Array.from(keys.keys()).sort((a, b) => (keys[a]! < keys[b]! ? -1 : keys[a]! > keys[b]! ? 1 : 0));
    rank = new Uint32Array(this.count);
    let place = 0;
    order.forEach((i, k) => {
      if (k > 0 && keys[i] !== keys[order[k - 1]!]) place = k;
      rank![i] = place;
    });
    this.ranks.set(key, rank);
    return rank;
  }
}

/** Indices 0 … count - 1: every member, in list order. */
export function everyone(list: MemberList): Uint32Array {
  return Uint32Array.from({ length: list.count }, (_, i) => i);
}
