// The members table's rows: each member with what the table shows and searches, computed once per load.
import type { IdentityRow, MemberRow } from '@/lib/db/rows';
import { rfmSegmentOf, type SegmentContext } from '@/lib/domain/segments';
import type { RfmSegment } from '@/lib/domain/types';

export interface MemberListRow {
  m: MemberRow;
  segment: RfmSegment | 'none';
  handles: string;
  phone: string;
  /** Platforms of the member's handles. */
  platforms: string[];
  /** Lower-case name, handles, e-mails, and phone digits, for the search box. */
  search: string;
}

// The page holds every member: values that repeat are shared, so 100k members are fewer objects
// for the garbage collector to walk (a major collection's pause grows with the objects alive).
const NO_TAGS: string[] = Object.freeze([]) as unknown as string[];
const NO_PROFILE: MemberRow['profile'] = Object.freeze({});

/** Hands out the first value seen for each key again, so equal values are one object. */
function sharedBy<T>(): (key: string, value: T) => T {
  const seen = new Map<string, T>();
  return (key, value) => {
    const known = seen.get(key);
    if (known !== undefined) return known;
    seen.set(key, value);
    return value;
  };
}

/** Shares the member's repeating values (tier, currency, tags, empty profile) with its neighbours. */
function shareRepeats(m: MemberRow, share: (key: string, value: string) => string): void {
  m.tierId = share(m.tierId, m.tierId);
  m.currency = share(m.currency, m.currency);
  m.tags = m.tags.length === 0 ? NO_TAGS : m.tags.map((tag) => share(tag, tag));
  if (Object.keys(m.profile).length === 0) m.profile = NO_PROFILE;
}

export function memberListRows(members: readonly MemberRow[], identities: readonly IdentityRow[], ctx: SegmentContext): MemberListRow[] {
  const strings = sharedBy<string>();
  const platformLists = sharedBy<string[]>();
  const byMember = new Map<string, IdentityRow[]>();
  for (const i of identities) {
    const list = byMember.get(i.memberId);
    if (list) list.push(i);
    else byMember.set(i.memberId, [i]);
  }
  return members.map((m) => {
    shareRepeats(m, strings);
    const own = byMember.get(m.id) ?? [];
    // One array for every member with the same platforms (never change it).
    const platforms = [...new Set(own.filter((i) => i.kind === 'handle').map((i) => i.platform))];
    const handles = own.filter((i) => i.kind === 'handle').map((i) => i.display || i.value);
    const phones = own.filter((i) => i.kind === 'phone').map((i) => i.display || i.value);
    const phone = m.profile.phone || phones[0] || '';
    const digits = [phone, ...phones].map((p) => p.replace(/\D/g, '')).join(' ');
    const emails = own.filter((i) => i.kind === 'email').map((i) => i.value);
    return {
      m,
      segment: rfmSegmentOf(m, ctx),
      handles: handles.join(', '),
      phone,
      platforms: platformLists(platforms.join('\u0000'), platforms),
      search: `${m.displayName}\u0000${handles.join('\u0000')}\u0000${emails.join('\u0000')}\u0000${m.profile.email ?? ''}`.toLowerCase() + `\u0000${digits}`,
    };
  });
}

/** Member id → platforms, for filters on platform (built only when one is used). */
export function platformsOfRows(rows: readonly MemberListRow[]): Map<string, Set<string>> {
  return new Map(rows.map((r) => [r.m.id, new Set(r.platforms)]));
}

/** Rows whose name, handle, e-mail or phone contains the query (phones compare by digits). */
export function searchRows(rows: readonly MemberListRow[], query: string): readonly MemberListRow[] {
  const q = query.trim().toLowerCase().replace(/^@/, '');
  if (!q) return rows;
  const digits = /^[+\d\s().-]+$/.test(q) ? q.replace(/\D/g, '') : '';
  return rows.filter((r) => r.search.includes(q) || (digits.length >= 3 && r.search.includes(digits)));
}
