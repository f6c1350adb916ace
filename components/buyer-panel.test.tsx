// @vitest-environment happy-dom
import { act } from 'react';
import { describe, expect, it } from 'vitest';
import { translator, type UiLocale } from '@/lib/i18n';
import { ProtocolFailure } from '@/lib/messaging/errors';
import type { MemberCard } from '@/lib/messaging/card';
import { NOW } from '@/lib/background/test-helpers';
import { BuyerPanel } from './buyer-panel';
import { submit, testRoot, type } from './panel/test-dom';
import type { PanelApi } from './panel/api';
import { realCard } from '@/lib/background/members/card-test-helpers';

const refused = () => Promise.reject(new Error('the store is busy'));
const noop = async () => undefined;

function panelApi(over: Partial<PanelApi> = {}): PanelApi {
  return {
    addTag: noop,
    removeTag: noop,
    addNote: noop,
    editNote: noop,
    updateMember: noop,
    addReminder: noop,
    adjustPoints: noop,
    loadOrders: async () => [],
    search: async () => [],
    createMember: noop,
    linkTo: noop,
    unmerge: noop,
    mergeInto: noop,
    showHandle: () => undefined,
    pointAtName: () => undefined,
    saveDraft: () => undefined,
    readDraft: async () => '',
    collapse: () => undefined,
    retry: () => undefined,
    ...over,
  };
}

const dom = testRoot();

async function show(card: MemberCard, api: PanelApi, locale: UiLocale = 'en') {
  await act(async () =>
    dom.root().render(<BuyerPanel view={{ kind: 'card', card }} t={translator(locale)} locale={locale} now={NOW} timeZone="UTC" author="Mei" vocabulary={[]} pointing={false} api={api} onRecordOrder={() => undefined} />),
  );
}

describe('the panel when a write fails', () => {
  it.each([
    ['a note that was not saved says so, and the typed text stays in the box', 'textarea[aria-label="Notes"]', { addNote: refused }, 'Prefers the blue gift box', 'The note was not saved (the store is busy). Your text is still here: try again.'],
    ['a tag that was not saved says so, and stays in the box to try again', 'input[aria-label="Add tag"]', { addTag: refused }, 'gift box', 'The tag “gift box” was not saved (the store is busy). Try again.'],
  ])('%s', async (_name, selector, over, text, alert) => {
    await show(await realCard(), panelApi(over));
    const box = dom.host().querySelector<HTMLInputElement | HTMLTextAreaElement>(selector)!;
    await type(box, text);
    await submit(box.form!);
    expect(dom.host().querySelector('.block [role=alert]')?.textContent).toBe(alert);
    expect(box.value).toBe(text);
  });

  it('a handle that was not separated says so, with the handle', async () => {
    const card = await realCard();
    const merged = { ...card, identities: [...card.identities, { id: 'i-phone', platform: 'demo', kind: 'handle', value: 'mei.two', display: 'mei.two', linkedBy: 'phone' }] } as MemberCard;
    await show(merged, panelApi({ unmerge: refused }));
    const button = dom.host().querySelector<HTMLButtonElement>('button[aria-label*="mei.two"]')!;
    await act(async () => button.click());
    expect(dom.host().querySelector('[data-testid=identities]')?.closest('.block')?.querySelector('[role=alert]')?.textContent).toBe(
      '@mei.two was not separated (the store is busy). The member is as it was: try again.',
    );
  });

  it('a follow-up that was not set says so, and its reason stays in the box', async () => {
    await show(await realCard(), panelApi({ addReminder: refused }));
    const reason = dom.host().querySelector<HTMLInputElement>('input[aria-label="Reason"]')!;
    await type(reason, 'Ask about the trench coat');
    const inThreeDays = [...dom.host().querySelectorAll('button')].find((b) => b.textContent === 'In 3 days')!;
    await act(async () => inThreeDays.click());
    expect(reason.closest('.block')?.querySelector('[role=alert]')?.textContent).toBe('The follow-up was not set (the store is busy). Try again.');
    expect(reason.value).toBe('Ask about the trench coat');
  });

  it('a note that was saved leaves no error and empties the box', async () => {
    const saved: string[] = [];
    await show(await realCard(), panelApi({ addNote: async (text) => void saved.push(text) }));
    const box = dom.host().querySelector<HTMLTextAreaElement>('textarea[aria-label="Notes"]')!;
    await type(box, 'Ships to the office');
    await submit(box.form!);
    expect(saved).toEqual(['Ships to the office']);
    expect(box.value).toBe('');
    expect(dom.host().querySelector('[role=alert]')).toBeNull();
  });
});

describe('the panel when one section cannot be shown', () => {
  it('a section whose data breaks it shows a notice in its place, and the other sections still work', async () => {
    const card = await realCard();
    // A card from a future background whose notes this panel cannot read.
    const broken = { ...card, notes: null } as unknown as MemberCard;
    const tags: string[] = [];
    const logged = console.error;
    console.error = () => undefined; // React and the boundary log the error: expected here
    try {
      await show(broken, panelApi({ addTag: async (tag) => void tags.push(tag) }));
    } finally {
      console.error = logged;
    }
    expect(dom.host().querySelector('[data-failed-section]')?.getAttribute('data-failed-section')).toBe('notes');
    expect(dom.host().querySelector('[data-failed-section] p')?.textContent).toBe('This part of Regulars could not be shown. The rest of the page works.');
    expect(dom.host().querySelector('[data-testid=member-card]')?.textContent).toContain('Tags');
    const box = dom.host().querySelector<HTMLInputElement>('input[aria-label="Add tag"]')!;
    await type(box, 'vip');
    await submit(box.form!);
    expect(tags).toEqual(['vip']);
  });
});

describe('a merge started from the panel\'s search that fails', () => {
  const ana = { memberId: 'm_ana', displayName: 'Ana Lim', handles: ['ana.lim'], tierId: 'member', orderCount: 2, spendMinor: 5_000, currency: 'USD', matched: 'ana.lim' };
  // What the background answers when the other member was merged or deleted meanwhile (another tab, a teammate).
  const gone = () => Promise.reject(new ProtocolFailure({ code: 'not_found', message: 'No member with id m_ana' }));
  it.each([
    ['en', 'Merge here', 'Ana Lim was not merged here (It is no longer there: it may have been deleted or merged meanwhile. Reload the page.). Both members are as they were.'],
    ['zh-CN', '合并到此', 'Ana Lim没有合并到这里（它已经不在了：可能在此期间被删除或合并。请刷新页面。）。两位会员都保持原样。'],
  ] as const)('says why in the reader\'s language (%s), and keeps the search and the member shown', async (locale, action, alert) => {
    const card = await realCard();
    await show(card, panelApi({ search: async () => [ana], mergeInto: gone }), locale);
    const search = dom.host().querySelector<HTMLInputElement>('.merge input[type=search]')!;
    await type(search, 'ana');
    await act(() => new Promise((resolve) => setTimeout(resolve, 250))); // the search waits for typing to pause
    const merge = [...dom.host().querySelectorAll<HTMLButtonElement>('.merge .hits button')].find((b) => b.textContent === action)!;
    await act(async () => merge.click());
    expect(dom.host().querySelector('.merge [role=alert]')?.textContent).toBe(alert);
    expect(search.value).toBe('ana');
    expect(dom.host().querySelector('.merge .hits')?.textContent).toContain('Ana Lim');
    expect(merge.disabled).toBe(false);
    expect(dom.host().querySelector('[data-testid=member-card]')?.textContent).toContain(card.member.displayName);
  });
});
