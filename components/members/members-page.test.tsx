// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { describe, expect, it } from 'vitest';
import { defaultSettings } from '@/lib/domain/settings';
import { translator, type UiLocale } from '@/lib/i18n';
import type { MembersApi } from './api';
import { MembersPage } from './members-page';
import { memberListParts, type MemberListParts } from '../../lib/member-list/member-list';
import type { MemberRow } from '@/lib/domain/rows';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

describe('the members page', () => {
  it('says so, and why, when the members could not be read, instead of reading forever', async () => {
    const api = {
      settings: async () => defaultSettings(),
      load: async () => {
        throw new Error('the store is busy upgrading');
      },
      listSegments: async () => [],
      vocabulary: async () => [],
    } as unknown as MembersApi;
    const root = document.createElement('div');
    document.body.append(root);
    await act(async () => createRoot(root).render(<MembersPage api={api} t={translator('en')} locale="en" hash="#/members" now={() => 0} />));
    expect(root.querySelector('[role=alert]')?.textContent).toBe('The members could not be read: the store is busy upgrading. Reload the page to try again.');
    expect(root.querySelector('[role=status]')).toBeNull();
  });

  it.each([
    ['en', '#/members', 'Reading 3 members…', true],
    ['zh-CN', '#/members', '正在读取 3 位会员…', true],
    ['en', '#/members', 'Reading 100,000 members…', true, 100_000],
    ['en', '#/members/rfm/champions', 'Reading 3 members…', false],
  ] as [UiLocale, string, string, boolean, number?][])('shows the first rows while the whole list is built, on the plain list only (%s, %s, %s)', async (locale, hash, reading, early, whole = 3) => {
    const member = (id: string, spendMinor: number): MemberRow => ({ id, displayName: `Buyer ${id}`, tierId: 'regular', tags: [], profile: {}, doNotContact: false, createdAt: 0, updatedAt: 0, orderCount: 1, spendMinor, currency: 'USD', spendOrderCount: 1, averageOrderMinor: spendMinor });
    const ctx = { now: 0, timeZone: 'UTC', rfmBreaks: null };
    let finish: (parts: MemberListParts) => void = () => undefined;
    const api = {
      settings: async () => defaultSettings(),
      load: (_ctx: unknown, onFirst?: (parts: MemberListParts, total: number) => void) => {
        onFirst?.(memberListParts([member('b', 900)], [], ctx), whole);
        return new Promise<MemberListParts>((resolve) => (finish = resolve));
      },
      listSegments: async () => [],
      vocabulary: async () => [],
    } as unknown as MembersApi;
    const root = document.createElement('div');
    document.body.append(root);
    await act(async () => createRoot(root).render(<MembersPage api={api} t={translator(locale)} locale={locale} hash={hash} now={() => 0} />));
    // The table is there with the first rows (drawn as the window allows: none in this test's DOM), the rest waits.
    const table = () => root.querySelector('[data-testid=members-scroller]') !== null;
    expect(root.querySelector('[role=status]')?.textContent).toBe(reading);
    expect(table()).toBe(early);
    if (early) expect((root.querySelector('input[type=search]') as HTMLInputElement).disabled).toBe(true);
    await act(async () => finish(memberListParts([member('a', 100), member('b', 900), member('c', 500)], [], ctx)));
    expect(root.querySelector('[data-testid=segment-count]')?.getAttribute('data-count')).toBe(early ? '3' : '0');
  });
});
