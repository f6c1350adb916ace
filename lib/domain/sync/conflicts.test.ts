import { describe, expect, it } from 'vitest';
import { mergeAll, mergeDocs } from './conflicts';
import { memberRowFromDocs, tagIsLive, type MemberDoc, type OrderDoc, type ReminderDoc, type SyncDoc, type TagDoc } from './documents';
import {
  contactDocFromRow,
  identityDocFromRow,
  memberDocFromRow,
  memberDocMerged,
  memberDocPlaceholder,
  noteDocFromRow,
  orderDocFromRow,
  reminderDocFromRow,
  segmentDocFromRow,
  settingDocFromRow,
  tagDocsFromRow,
} from './row-to-doc';
import { contactRow, HOUR, identityRow, memberRow, noteRow, orderRow, reminderRow, segmentRow, T0 } from './fixtures';

/** Both orders of resolution give the same document: what makes every machine agree. */
function resolve<D extends SyncDoc>(a: D, b: D): D {
  const ab = mergeDocs(a, b);
  expect(mergeDocs(b, a)).toEqual(ab);
  return ab as D;
}

const base = memberDocFromRow(memberRow({ profile: { size: 'M' } }), undefined, 'owner');
const edit = (by: string, at: number, over: Parameters<typeof memberRow>[0]) => memberDocFromRow(memberRow({ profile: { size: 'M' }, ...over, updatedAt: at }), base, by);

describe('profile: per field, the later edit wins and the other value stays in history', () => {
  it.each([
    ['different fields both stay', edit('alice', T0 + 1, { profile: { size: 'L' } }), edit('bob', T0 + 2, { profile: { size: 'M', style: 'plain' } }), { size: 'L', style: 'plain' }, []],
    ['the same field: the later edit wins', edit('alice', T0 + 5, { profile: { size: 'L' } }), edit('bob', T0 + 2, { profile: { size: 'S' } }), { size: 'L' }, ['S']],
    ['the same field at the same moment: the name decides, on every machine', edit('bob', T0 + 5, { profile: { size: 'S' } }), edit('alice', T0 + 5, { profile: { size: 'L' } }), { size: 'S' }, ['L']],
    ['a later clear beats an earlier value', edit('alice', T0 + 9, { profile: {} }), edit('bob', T0 + 2, { profile: { size: 'XL' } }), { size: null }, ['XL']],
  ] as const)('%s', (_name, a, b, values, lost) => {
    const m = resolve(a, b);
    expect(Object.fromEntries(Object.entries(m.profile).map(([k, f]) => [k, f?.v]))).toEqual(values);
    const historyValues = m.history.map((h) => h.v);
    for (const v of lost) expect(historyValues).toContain(v);
  });
});

describe('do-not-contact: set by anyone, cleared only by an explicit action, the later action wins', () => {
  it.each([
    ['set by one, untouched by the other: set', edit('alice', T0 + 1, { doNotContact: true }), edit('bob', T0 + 2, { displayName: 'Lin W.' }), true],
    ['set later than an explicit clear: set', edit('alice', T0 + 5, { doNotContact: true }), memberDocFromRow(memberRow({ profile: { size: 'M' }, doNotContact: false, updatedAt: T0 + 2 }), { ...base, dnc: { v: true, at: T0 + 1, by: 'x' } }, 'bob'), true],
    ['cleared later than it was set: cleared', memberDocFromRow(memberRow({ profile: { size: 'M' }, doNotContact: false, updatedAt: T0 + 9 }), { ...base, dnc: { v: true, at: T0 + 1, by: 'x' } }, 'bob'), edit('alice', T0 + 5, { doNotContact: true }), false],
  ] as const)('%s', (_name, a, b, dnc) => {
    expect(resolve(a, b).dnc.v).toBe(dnc);
  });

  it('an edit of another field never clears it (the field keeps its own stamp)', () => {
    const set = edit('alice', T0 + 1, { doNotContact: true });
    const renamed = edit('bob', T0 + 100, { displayName: 'Lin W.' });
    expect(resolve(set, renamed)).toMatchObject({ dnc: { v: true }, name: { v: 'Lin W.' } });
  });
});

describe('tags: per tag; a removal removes only what the remover saw', () => {
  const [seen] = tagDocsFromRow('m_1', ['gift'], [], 'alice', T0, () => 'a1');
  const cases: [string, TagDoc, TagDoc, boolean][] = [
    ['added on both machines: one tag', tagDocsFromRow('m_1', ['gift'], [], 'alice', T0, () => 'a1')[0]!, tagDocsFromRow('m_1', ['gift'], [], 'bob', T0, () => 'b1')[0]!, true],
    ['removed by one, untouched by the other: gone', tagDocsFromRow('m_1', [], [seen!], 'bob', T0 + 1, () => 'x')[0]!, seen!, false],
    ['removed by one while the other added it again: stays', tagDocsFromRow('m_1', [], [seen!], 'bob', T0 + 1, () => 'x')[0]!, { ...seen!, adds: { ...seen!.adds, a2: { at: T0 + 2, by: 'alice' } } }, true],
    ['removed on both machines: gone', tagDocsFromRow('m_1', [], [seen!], 'bob', T0 + 1, () => 'x')[0]!, tagDocsFromRow('m_1', [], [seen!], 'alice', T0 + 3, () => 'y')[0]!, false],
  ];
  it.each(cases)('%s', (_name, a, b, live) => {
    expect(tagIsLive(resolve(a, b))).toBe(live);
  });

  it('two agents adding different tags keep both: they are different documents', () => {
    const a = tagDocsFromRow('m_1', ['gift'], [], 'alice', T0, () => 'a1');
    const b = tagDocsFromRow('m_1', ['VIP'], [], 'bob', T0, () => 'b1');
    expect(new Set([...a, ...b].map((d) => d._id)).size).toBe(2);
  });
});

describe('notes, contacts', () => {
  it("a note's two versions from its author's two machines: the later edit", () => {
    const first = noteDocFromRow(noteRow(), undefined, 'alice');
    const a = noteDocFromRow(noteRow({ text: 'v2', updatedAt: T0 + 2 }), first, 'alice');
    const b = noteDocFromRow(noteRow({ text: 'v1', updatedAt: T0 + 1 }), first, 'alice');
    expect(resolve(a, b).row.text).toBe('v2');
  });
  it('a contact is the same on both sides', () => {
    const c = contactDocFromRow(contactRow(), undefined, 'alice');
    expect(resolve(c, { ...c, _rev: '2-x' })).toEqual({ ...c });
  });
});

describe('reminders: the later action wins; an older snooze never undoes a Done', () => {
  const r0 = reminderDocFromRow(reminderRow(), undefined, 'owner');
  const act = (
    by: string,
    at: number,
    over: Parameters<typeof reminderRow>[0],
  ): ReminderDoc => reminderDocFromRow(reminderRow({ ...over, updatedAt: at }), r0, by);
  it.each([
    ['done, then a snooze made before it arrived: done', act('alice', T0 + 5, { state: 'done', outcome: 'resolved' }), act('bob', T0 + 9, { state: 'snoozed', dueAt: T0 + 48 * HOUR }), 'done'],
    ['a snooze older than the done: done', act('alice', T0 + 9, { state: 'done' }), act('bob', T0 + 5, { state: 'snoozed', dueAt: T0 + 48 * HOUR }), 'done'],
    ['two snoozes: the later one and its time', act('alice', T0 + 9, { state: 'snoozed', dueAt: T0 + 72 * HOUR }), act('bob', T0 + 5, { state: 'snoozed', dueAt: T0 + 48 * HOUR }), 'snoozed'],
    ['dismissed later than done: dismissed', act('alice', T0 + 9, { state: 'dismissed' }), act('bob', T0 + 5, { state: 'done' }), 'dismissed'],
  ] as const)('%s', (_name, a, b, state) => {
    const m = resolve(a, b);
    expect(m.row.state).toBe(state);
    if (state === 'snoozed') expect(m.row.dueAt).toBe(T0 + 72 * HOUR);
  });

  it('the assignee is its own later choice, kept beside the state of the other edit', () => {
    const assigned = act('alice', T0 + 9, { assignee: 'Agent B' });
    const done = act('bob', T0 + 5, { state: 'done' });
    expect(resolve(assigned, done).row).toMatchObject({ state: 'done', assignee: 'Agent B' });
  });
});

describe('orders: keyed by platform + order number; status forward only; the newer export wins amounts', () => {
  const doc = (over: Parameters<typeof orderRow>[0], by = 'alice', at = T0): OrderDoc => orderDocFromRow(orderRow(over), undefined, by, at);
  it.each([
    ['shipped beats paid whatever the export time', doc({ status: 'shipped', shippedAt: T0 + HOUR, updatedAt: T0 }), doc({ status: 'paid', updatedAt: T0 + 9 }), 'shipped', 6_000],
    ['the newer export amount wins', doc({ amountMinor: 5_500, updatedAt: T0 + 9 }), doc({ amountMinor: 6_000, updatedAt: T0 }), 'paid', 5_500],
    ['refunded after delivered stays refunded', doc({ status: 'refunded', updatedAt: T0 }), doc({ status: 'delivered', updatedAt: T0 + 5 }), 'refunded', 6_000],
  ] as const)('%s', (_name, a, b, status, amount) => {
    const m = resolve(a, b);
    expect(m.row.status).toBe(status);
    expect(m.row.amountMinor).toBe(amount);
  });
  it('a time only one side knows is kept', () => {
    const m = resolve(doc({ status: 'shipped', shippedAt: T0 + HOUR, updatedAt: T0 }), doc({ status: 'paid', updatedAt: T0 + 9 }));
    expect(m.row.shippedAt).toBe(T0 + HOUR);
  });
  it('the member of an order is the one of its latest move (a separation)', () => {
    const a = orderDocFromRow(orderRow({ memberId: 'm_2' }), { memberId: 'm_1', member: { at: T0, by: 'x' } }, 'alice', T0 + 5);
    const b = orderDocFromRow(orderRow({ amountMinor: 1, updatedAt: T0 + 9 }), { memberId: 'm_1', member: { at: T0, by: 'x' } }, 'bob', T0 + 1);
    expect(resolve(a, b).row).toMatchObject({ memberId: 'm_2', amountMinor: 1 });
  });
});

describe('identities, merges and separations end the same everywhere', () => {
  it('an identity belongs to the member of its latest link', () => {
    const first = identityDocFromRow(identityRow(), undefined, 'owner', T0);
    const separated = identityDocFromRow(identityRow({ memberId: 'm_new' }), first, 'alice', T0 + 5);
    const mergedAway = identityDocFromRow(identityRow({ memberId: 'm_other', linkedBy: 'manual' }), first, 'bob', T0 + 3);
    expect(resolve(separated, mergedAway).row.memberId).toBe('m_new');
  });
  it('a member merged on both machines into different members: the later merge', () => {
    const a = memberDocMerged(base, 'm_2', 'alice', T0 + 5);
    const b = memberDocMerged(base, 'm_3', 'bob', T0 + 7);
    expect(resolve<MemberDoc>(a, b).mergedInto?.id).toBe('m_3');
  });
  it('a merge meets a profile edit: both hold', () => {
    const a = memberDocMerged(base, 'm_2', 'alice', T0 + 5);
    const b = edit('bob', T0 + 7, { profile: { size: 'L' } });
    expect(resolve<MemberDoc>(a, b)).toMatchObject({ mergedInto: { id: 'm_2' }, profile: { size: { v: 'L' } } });
  });
});

describe('shared settings and segments: the later edit wins whole', () => {
  it.each([
    ['segment', segmentDocFromRow(segmentRow({ name: 'A', updatedAt: T0 + 5 }), undefined, 'alice'), segmentDocFromRow(segmentRow({ name: 'B', updatedAt: T0 + 3 }), undefined, 'bob'), 'A'],
    ['setting', settingDocFromRow('shopCurrency', 'CNY', undefined, 'alice', T0 + 1), settingDocFromRow('shopCurrency', 'TWD', undefined, 'bob', T0 + 2), 'TWD'],
  ] as const)('%s', (_name, a, b, expected) => {
    const m = resolve<SyncDoc>(a, b);
    expect(m.type === 'segment' ? m.row.name : m.type === 'setting' ? m.value : undefined).toBe(expected);
  });
});

describe('resolving _conflicts', () => {
  it('three versions fold to the same document in any order', () => {
    const v1 = edit('alice', T0 + 1, { profile: { size: 'L' } });
    const v2 = edit('bob', T0 + 2, { doNotContact: true });
    const v3 = edit('carol', T0 + 3, { displayName: 'Lin W.' });
    const one = mergeAll([v1, v2, v3]) as MemberDoc;
    expect(mergeAll([v3, v1, v2])).toEqual(one);
    expect(mergeAll([v2, v3, v1])).toEqual(one);
    expect(one).toMatchObject({ profile: { size: { v: 'L' } }, dnc: { v: true }, name: { v: 'Lin W.' } });
  });
});

describe('a member filled in from the team before its own document came: its name and do-not-contact are placeholders', () => {
  // B has the handle and orders of a buyer an import on A is creating, and writes the row itself at T0 + 5 h (after A's import began).
  const placeholder = memberDocPlaceholder(memberRow({ displayName: 'linwei', createdAt: T0, updatedAt: T0 + 5 * HOUR }), 'bob');
  const imported = memberDocFromRow(memberRow({ displayName: 'Lin Wei', createdAt: T0, updatedAt: T0 }), undefined, 'alice');
  it.each([
    ["the import's row, older in time, wins the name and leaves no placeholder in history", imported, 'Lin Wei', false, []],
    ["an agent's later do-not-contact on B stays beside the import's name", memberDocFromRow(memberRow({ displayName: 'linwei', doNotContact: true, updatedAt: T0 + 6 * HOUR }), placeholder, 'bob'), 'linwei', true, []],
    ["an agent's rename on B beats the placeholder, which is not kept in history", memberDocFromRow(memberRow({ displayName: 'Lin', updatedAt: T0 + 6 * HOUR }), placeholder, 'bob'), 'Lin', false, []],
  ] as const)('%s', (_name, other, name, dnc, history) => {
    const m = resolve(placeholder, other);
    expect([m.name.v, m.dnc.v, m.history.map((h) => h.v)]).toEqual([name, dnc, history]);
  });
  it('a placeholder arriving never replaces the name or do-not-contact a machine holds', () => {
    const row = memberRowFromDocs(placeholder, [], memberRow({ displayName: 'Lin Wei', doNotContact: true }), () => memberRow());
    expect([row.displayName, row.doNotContact]).toEqual(['Lin Wei', true]);
  });
});
