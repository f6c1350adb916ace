import { describe, expect, it } from 'vitest';
import { docIdForRow, memberRowFromDocs, SHARED_TABLES, survivorOf, syncDocSchema, tagAuthors, tagIsLive, type SyncDoc } from './documents';
import {
  contactDocFromRow,
  identityDocFromRow,
  memberDocFromRow,
  noteDocFromRow,
  orderDocFromRow,
  reminderDocFromRow,
  segmentDocFromRow,
  settingDocFromRow,
  siteRuleDocFromRow,
  tagDocsFromRow,
  withoutRev,
} from './row-to-doc';
import { contactRow, HOUR, identityRow, memberRow, noteRow, orderRow, reminderRow, segmentRow, siteRuleRow, T0 } from './fixtures';

const ids = () => {
  let n = 0;
  return () => `add${++n}`;
};

describe('row <-> document mapping', () => {
  // Every shared table: the row survives the trip through its document, and the document is one
  // the incoming check accepts (what the other machine will parse).
  const cases: [string, SyncDoc, unknown][] = [
    ['an identity', identityDocFromRow(identityRow(), undefined, 'alice', T0), identityRow()],
    ['an order with Chinese items', orderDocFromRow(orderRow(), undefined, 'alice', T0), orderRow()],
    ['an order in another currency and status', orderDocFromRow(orderRow({ id: 'shopee:77', platform: 'shopee', orderNo: '77', currency: 'SGD', amountMinor: 1999, status: 'delivered', deliveredAt: T0 + 5 * 24 * HOUR }), undefined, 'bob', T0), orderRow({ id: 'shopee:77', platform: 'shopee', orderNo: '77', currency: 'SGD', amountMinor: 1999, status: 'delivered', deliveredAt: T0 + 5 * 24 * HOUR })],
    ['a note', noteDocFromRow(noteRow(), undefined, 'alice'), noteRow()],
    ['a contact', contactDocFromRow(contactRow(), undefined, 'alice'), contactRow()],
    ['a reminder with an assignee', reminderDocFromRow(reminderRow({ assignee: 'Agent B' }), undefined, 'alice'), reminderRow({ assignee: 'Agent B' })],
    ['a segment', segmentDocFromRow(segmentRow(), undefined, 'alice'), segmentRow()],
    ['a site rule', siteRuleDocFromRow(siteRuleRow(), undefined, 'alice', T0), siteRuleRow()],
  ];
  it.each(cases)('%s keeps its row through the document and passes the incoming check', (_name, doc, row) => {
    const parsed = syncDocSchema.parse(JSON.parse(JSON.stringify(doc)));
    expect('row' in parsed && parsed.row).toEqual(row);
  });

  it.each([
    ['the tier ladder', 'tierLadder', { steps: [{ id: 'regular', name: 'Regular', color: '#888' }], match: 'any', window: 'lifetime' }],
    ['the shop currency', 'shopCurrency', 'TWD'],
    ['the time zone', 'timeZone', 'Asia/Taipei'],
  ] as const)('%s is a shared setting document', (_name, key, value) => {
    const doc = settingDocFromRow(key, value, undefined, 'alice', T0);
    expect(syncDocSchema.parse(JSON.parse(JSON.stringify(doc)))).toMatchObject({ type: 'setting', key, value });
  });

  it('per-person and derived tables have no document', () => {
    expect(Object.keys(SHARED_TABLES)).not.toContain('tags');
    expect(Object.keys(SHARED_TABLES)).not.toContain('caches');
    expect(Object.keys(SHARED_TABLES)).not.toContain('tierChanges');
  });

  it('a member travels without its derived figures and comes back with the local ones', () => {
    const row = memberRow({ displayName: '林伟', profile: { birthday: '1990-03-08', size: 'M' }, doNotContact: true, tags: ['gift'] });
    const doc = memberDocFromRow(row, undefined, 'alice');
    const wire = JSON.stringify(doc);
    expect(wire).not.toContain('spendMinor');
    expect(wire).not.toContain('tierId');
    const tags = tagDocsFromRow(row.id, row.tags, [], 'alice', T0, ids());
    const local = memberRow({ spendMinor: 99_900, orderCount: 7 });
    const back = memberRowFromDocs(syncDocSchema.parse(JSON.parse(wire)) as typeof doc, tags, local, () => memberRow());
    expect(back).toMatchObject({ displayName: '林伟', profile: { birthday: '1990-03-08', size: 'M' }, doNotContact: true, tags: ['gift'], spendMinor: 99_900, orderCount: 7 });
  });

  it('an unchanged row gives back the synced document itself (nothing to send)', () => {
    const row = memberRow({ profile: { size: 'L' } });
    const doc = { ...memberDocFromRow(row, undefined, 'alice'), _rev: '1-a' };
    expect(memberDocFromRow({ ...row, updatedAt: T0 + HOUR }, doc, 'bob')).toBe(doc);
    const note = { ...noteDocFromRow(noteRow(), undefined, 'alice'), _rev: '1-b' };
    expect(noteDocFromRow(noteRow(), note, 'alice')).toBe(note);
  });

  it('a changed profile field gets the editor and the edit time; the old value goes to history', () => {
    const before = memberDocFromRow(memberRow({ profile: { size: 'M' } }), undefined, 'alice');
    const after = memberDocFromRow(memberRow({ profile: { size: 'L', style: 'plain' }, updatedAt: T0 + HOUR }), before, 'bob');
    expect(after.profile.size).toEqual({ v: 'L', at: T0 + HOUR, by: 'bob' });
    expect(after.profile.style).toEqual({ v: 'plain', at: T0 + HOUR, by: 'bob' });
    expect(after.name).toBe(before.name);
    expect(after.history).toEqual([{ field: 'profile.size', v: 'M', at: T0, by: 'alice' }]);
  });

  it('a cleared profile field is an edit (null) that can win, not a missing one', () => {
    const before = memberDocFromRow(memberRow({ profile: { size: 'M' } }), undefined, 'alice');
    const after = memberDocFromRow(memberRow({ updatedAt: T0 + HOUR }), before, 'bob');
    expect(after.profile.size).toEqual({ v: null, at: T0 + HOUR, by: 'bob' });
  });

  it('a note edited by its author keeps its member and owner', () => {
    const doc = noteDocFromRow(noteRow(), undefined, 'alice');
    const moved = noteDocFromRow(noteRow({ memberId: 'm_9', text: 'Buys for her sister', updatedAt: T0 + HOUR }), doc, 'alice');
    expect(moved.row).toMatchObject({ memberId: 'm_1', text: 'Buys for her sister' });
    expect(moved.owner).toBe('alice');
  });

  it('a contact once sent never changes', () => {
    const doc = contactDocFromRow(contactRow(), undefined, 'alice');
    expect(contactDocFromRow(contactRow({ channel: 'sms' }), doc, 'bob')).toBe(doc);
  });

  it('the document id of a row is its table kind and key', () => {
    expect(docIdForRow('orders', 'taobao:1001')).toBe('order:taobao:1001');
    expect(docIdForRow('settings', 'tierLadder')).toBe('setting:tierLadder');
  });
});

describe('tags as per-tag documents', () => {
  it.each([
    ['a new tag is one new add', [], ['gift'], [{ tag: 'gift', live: true }]],
    ['two new tags are two documents', [], ['gift', 'VIP'], [{ tag: 'gift', live: true }, { tag: 'VIP', live: true }]],
    ['a removed tag removes the adds seen', ['gift'], [], [{ tag: 'gift', live: false }]],
    ['an unchanged tag sends nothing', ['gift'], ['gift'], []],
    ['case does not make another tag', ['gift'], ['Gift'], []],
  ] as const)('%s', (_name, before, after, expected) => {
    const prev = tagDocsFromRow('m_1', before, [], 'alice', T0, ids());
    const changed = tagDocsFromRow('m_1', after, prev, 'bob', T0 + HOUR, () => 'later');
    expect(changed.map((d) => ({ tag: d.tag, live: tagIsLive(d) }))).toEqual(expected);
  });

  it('a tag added again after its removal is a fresh add', () => {
    const [added] = tagDocsFromRow('m_1', ['gift'], [], 'alice', T0, () => 'a1');
    const [removed] = tagDocsFromRow('m_1', [], [added!], 'alice', T0 + 1, () => 'x');
    const [again] = tagDocsFromRow('m_1', ['gift'], [removed!], 'bob', T0 + 2, () => 'b1');
    expect(again).toMatchObject({ adds: { a1: { by: 'alice' }, b1: { by: 'bob' } }, removed: ['a1'] });
    expect(tagIsLive(again!)).toBe(true);
    expect(tagAuthors([again!])).toEqual({ gift: { at: T0 + 2, by: 'bob' } });
  });
});

describe('merges followed on every machine', () => {
  it.each([
    ['a member never merged is itself', {}, 'a', 'a'],
    ['a merged member is its survivor', { a: 'b' }, 'a', 'b'],
    ['a chain of merges ends at the last', { a: 'b', b: 'c' }, 'a', 'c'],
    ['A into B and B into A: the smaller id survives', { a: 'b', b: 'a' }, 'b', 'a'],
    ['a cycle of three, seen from anywhere, gives the same', { c: 'a', a: 'b', b: 'c' }, 'b', 'a'],
  ] as const)('%s', (_name, links, from, expected) => {
    expect(survivorOf(from, (id) => (links as Record<string, string>)[id])).toBe(expected);
  });
});

describe('documents without their revision', () => {
  it('withoutRev drops only _rev', () => {
    expect(withoutRev({ _id: 'x', _rev: '1-a', a: 1 })).toEqual({ _id: 'x', a: 1 });
  });
});
