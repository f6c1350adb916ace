// @vitest-environment happy-dom
// "Copy message" in Today when the browser refuses the clipboard: the agent is told, and the message
// is there, selected, to copy by hand; where the copy works, it says so and shows nothing more.
import { act } from 'react';
import { describe, expect, it } from 'vitest';
import { translator, type UiLocale } from '@/lib/i18n';
import type { TodayRowMessage } from '@/lib/messaging/protocol-reminders';
import { testRoot } from '../panel/test-dom';
import { TodayTab, type TodayData } from './today';

const dom = testRoot();
const NOW = Date.UTC(2026, 10, 23, 2, 0);
const row: TodayRowMessage = {
  id: 'r1', section: 'overdue', kind: 'followUp', memberId: 'm1', memberName: 'Mei Lin', tier: { id: 'gold', name: 'Gold', color: '#d4a017' },
  reason: '', dueAt: NOW - 3_600_000, refAt: NOW - 15 * 86_400_000, state: 'open', priority: 1, message: 'Hi Mei, how is the trench coat fitting?',
};
const data: TodayData = { now: NOW, timeZone: 'UTC', groups: [{ section: 'overdue', kind: 'followUp', total: 1 }], rows: [row], assignees: [], me: 'Ana', updating: false, settings: { locale: 'auto', setupAt: NOW } };
const noop = async () => undefined;

const todayTab = (t: ReturnType<typeof translator>, locale: UiLocale, copy: (text: string) => Promise<void>) => (
  <TodayTab
    t={t}
    locale={locale}
    data={{ ...data }}
    actions={{ done: noop, snooze: noop, assign: noop, copy }}
    mine={false}
    onMine={() => undefined}
    onShowAll={() => undefined}
    onMore={() => undefined}
  />
);

async function clickCopy(locale: UiLocale, copy: (text: string) => Promise<void>) {
  const t = translator(locale);
  await act(async () => dom.root().render(todayTab(t, locale, copy)));
  const button = [...dom.host().querySelectorAll('button')].find((b) => b.textContent?.startsWith(t('today.copy')))!;
  await act(async () => button.click());
  return {
    status: [...dom.host().querySelectorAll('[role=status]')].map((s) => s.textContent).join(''),
    byHand: dom.host().querySelector<HTMLTextAreaElement>('textarea.by-hand'),
  };
}

describe('copying a reminder’s message in Today', () => {
  it.each([
    ['en', 'The browser did not let Regulars copy: the message is selected below, press Ctrl+C (⌘C on a Mac) and paste it into the chat'],
    ['zh-CN', '浏览器不允许熟客复制：话术已在下方选中，请按 Ctrl+C（Mac 按 ⌘C）后粘贴到聊天窗口'],
  ] as const)('refused by the browser (%s): says so, and shows the message selected for Ctrl+C', async (locale, said) => {
    const { status, byHand } = await clickCopy(locale, () => Promise.reject(new Error('Document is not focused')));
    expect(status).toBe(said);
    expect(byHand?.value).toBe(row.message);
    expect(byHand?.readOnly).toBe(true);
    expect([byHand?.selectionStart, byHand?.selectionEnd]).toEqual([0, row.message.length]);
    // Drawn again (a new answer, a status line): the selection is not taken back from where the agent went.
    byHand!.setSelectionRange(0, 0);
    await act(async () => dom.root().render(todayTab(translator(locale), locale, () => Promise.reject(new Error('Document is not focused')))));
    expect([byHand?.selectionStart, byHand?.selectionEnd]).toEqual([0, 0]);
  });

  it('copied: says so, with nothing more shown', async () => {
    const copied: string[] = [];
    const { status, byHand } = await clickCopy('en', async (text) => void copied.push(text));
    expect(copied).toEqual([row.message]);
    expect(status).toBe('Copied: paste it into the chat');
    expect(byHand).toBeNull();
  });
});
