// @vitest-environment happy-dom
// The popup's first frame, drawn with plain DOM before React has loaded, is the frame React draws:
// React takes it over in place (hydrates it) without a difference, a redraw or a warning.
import { act } from 'react';
import { hydrateRoot } from 'react-dom/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CATALOGUES, translator, type UiLocale } from '@/lib/i18n';
import { firstFrameTranslator, firstFrameWords } from '@/lib/i18n/first-words';
import type { TodayRowMessage } from '@/lib/messaging/protocol-reminders';
import { PopupPage } from '../popup-page';
import { drawFirstFrame } from './first-frame';
import { TodayTab } from './today';
import { dueCount, FIRST_ROWS, type TodayData } from './today-layout';
import { firstScreen, inListOrder } from '@/lib/domain/today';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const NOW = Date.UTC(2026, 10, 23, 2, 0);
const HOUR = 3_600_000;
const tiers = { gold: { id: 'gold', name: 'Gold', color: '#d4a017' }, own: { id: 't5', name: 'Jade circle', color: '#2e8b57' } };
const row = (id: string, over: Partial<TodayRowMessage>): TodayRowMessage => ({
  id,
  section: 'upcoming',
  memberId: `m-${id}`,
  memberName: `Buyer ${id}`,
  tier: tiers.gold,
  reason: '',
  dueAt: NOW + 50 * HOUR,
  state: 'open',
  priority: 1,
  message: `Hello ${id}`,
  ...over,
});

/** A list with every part a row can have: languages, orders, amounts, assignees, benefits, more rows than the first frame holds, a held-back member. */
function answer(updating = false): TodayData {
  const rows = [
    row('f1', { section: 'overdue', kind: 'followUp', dueAt: NOW - 30 * HOUR, refAt: NOW - 15 * 24 * HOUR, orderNo: 'SO-1001', amount: '¥1,280.00', assignee: 'Mei', language: 'th', priority: 3 }),
    row('f2', { section: 'overdue', kind: 'followUp', dueAt: NOW - 2 * HOUR, refAt: NOW - 16 * 24 * HOUR, language: 'en' }),
    row('m1', { section: 'overdue', memberName: 'Ana <b>"Li" & Co</b>', reason: 'Call back about <i>the refund</i> & "more"', dueAt: NOW - 5 * HOUR }),
    row('b1', { section: 'today', kind: 'birthday', dueAt: NOW + 3 * HOUR }),
    row('t1', { kind: 'tierUp', tier: tiers.own, detail: 't5', benefits: 'free shipping, 5% off' }),
    ...Array.from({ length: 8 }, (_, i) => row(`w${i}`, { kind: 'winBack', refAt: NOW - 90 * 24 * HOUR, dueAt: NOW + (i + 1) * 24 * HOUR })),
    row('s1', { section: 'suppressed', kind: 'holiday', detail: 'springFestival', state: 'suppressed' }),
  ];
  const groups = [
    { section: 'overdue' as const, kind: 'followUp', total: 12 },
    { section: 'overdue' as const, kind: 'manual', total: 1 },
    { section: 'today' as const, kind: 'birthday', total: 1 },
    { section: 'upcoming' as const, kind: 'tierUp', total: 1 },
    { section: 'upcoming' as const, kind: 'winBack', total: 8 },
    { section: 'suppressed' as const, kind: 'holiday', total: 1 },
  ];
  return { now: NOW, timeZone: 'Asia/Shanghai', groups, rows, assignees: ['Mei', 'Ana'], me: 'Ana', updating, settings: { locale: 'auto', setupAt: NOW } };
}

const noop = async () => undefined;
/** The page as the popup's App renders it first (entrypoints/popup/main.tsx), with Today's answer in. */
function reactFirstRender(locale: UiLocale, data: TodayData, setupNeeded: boolean, memberId?: string) {
  const t = translator(locale);
  return (
    <PopupPage
      t={t}
      counts={undefined}
      syncLine={undefined}
      initialTab={undefined}
      tabs={[
        {
          id: 'today',
          label: t('tabs.today'),
          badge: dueCount(data),
          render: () => (
            <TodayTab
              t={t}
              locale={locale}
              data={data}
              mine={false}
              onMine={() => undefined}
              memberId={memberId}
              onShowAll={() => undefined}
              onMore={() => undefined}
              actions={{ done: noop, snooze: noop, assign: noop, copy: noop }}
            />
          ),
        },
        { id: 'segments', label: t('segments.tab'), render: () => null },
      ]}
      showHere={async () => 'shown'}
      openSettings={() => undefined}
      openTeam={() => undefined}
      setupNeeded={setupNeeded}
    />
  );
}

afterEach(() => document.body.replaceChildren());

describe("the popup's first frame without React", () => {
  it.each([
    ['en', false, false, undefined],
    ['zh-CN', false, false, undefined],
    ['zh-TW', false, false, undefined],
    ['en', true, true, undefined],
    ['zh-CN', false, false, 'm-f1'],
  ] as const)('in %s (updating %s, first run %s, one member %s), React takes it over in place: same rows, same words, nothing redrawn', async (locale, updating, setupNeeded, memberId) => {
    const data = answer(updating);
    const root = document.body.appendChild(document.createElement('div'));
    // Drawn with the few words the popup's first script carries, taken over by React with the whole catalogue.
    drawFirstFrame(root, { t: firstFrameTranslator(locale, firstFrameWords(CATALOGUES[locale])), locale, data, setupNeeded, memberId });
    const rows = [...root.querySelectorAll('li.row')];
    // The first nine rows of the list (winBack's last ones follow once React has it), and the held-back member.
    expect(rows.map((li) => li.getAttribute('data-reminder'))).toEqual(['f1', 'f2', 'm1', 'b1', 't1', 'w0', 'w1', 'w2', 'w3', 's1']);
    expect(root.textContent).toContain(translator(locale)('today.more', { count: 10 }));

    const warnings = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const redrawn: unknown[] = [];
    try {
      await act(async () => void hydrateRoot(root, reactFirstRender(locale, data, setupNeeded, memberId), { onRecoverableError: (e) => void redrawn.push(e) }));
      expect(redrawn).toEqual([]);
      expect(warnings.mock.calls).toEqual([]);
    } finally {
      warnings.mockRestore();
    }
    // The very elements on screen (focus and scroll stay), followed by the rows React adds in the next frame.
    const after = [...root.querySelectorAll('li.row')];
    expect(after.slice(0, 9)).toEqual(rows.slice(0, 9));
    expect(after.slice(0, 9).every((li, i) => li === rows[i])).toBe(true);
    expect(after.map((li) => li.getAttribute('data-reminder'))).toEqual(['f1', 'f2', 'm1', 'b1', 't1', 'w0', 'w1', 'w2', 'w3', 'w4', 'w5', 'w6', 'w7', 's1']);
  });
});

/** A list as the background sends it (lib/background/reminders/today.ts): every group's first PAGE rows, groups and rows in list order. */
function wholeList(): TodayData {
  const rows = [
    ...Array.from({ length: 10 }, (_, i) => row(`f${i}`, { section: 'overdue', kind: 'followUp', dueAt: NOW - (i + 2) * HOUR, orderNo: `SO-${i}`, language: 'en', priority: i % 3 })),
    row('m1', { section: 'overdue', memberName: 'Ana', reason: 'Call back', dueAt: NOW - 20 * HOUR }),
    row('b1', { section: 'today', kind: 'birthday', dueAt: NOW + 3 * HOUR }),
    ...Array.from({ length: 10 }, (_, i) => row(`w${i}`, { kind: 'winBack', refAt: NOW - 90 * 24 * HOUR, dueAt: NOW + (i + 30) * HOUR })),
    row('s1', { section: 'suppressed', kind: 'holiday', detail: 'springFestival', state: 'suppressed' }),
    row('s2', { section: 'suppressed', kind: 'birthday', state: 'suppressed' }),
  ];
  const totals = { 'overdue|followUp': 31, 'overdue|manual': 1, 'today|birthday': 1, 'upcoming|winBack': 57, 'suppressed|holiday': 1, 'suppressed|birthday': 1 };
  const groups = Object.entries(totals).map(([key, total]) => ({ section: key.split('|')[0] as TodayData['groups'][number]['section'], kind: key.split('|')[1]!, total }));
  return { now: NOW, timeZone: 'Asia/Shanghai', ...inListOrder(rows, groups), assignees: ['Ana'], me: 'Ana', updating: false, settings: { locale: 'auto', setupAt: NOW } };
}

describe("the popup's first frame from the first screen's answer alone", () => {
  it.each(['en', 'zh-CN'] as const)('in %s, is the frame the whole list draws, and React adds the rest below it without moving focus', async (locale) => {
    const whole = wholeList();
    const first: TodayData = { ...whole, ...firstScreen(whole, FIRST_ROWS), partial: true };
    expect(first.rows).toHaveLength(FIRST_ROWS);
    const t = firstFrameTranslator(locale, firstFrameWords(CATALOGUES[locale]));
    const fromWhole = document.body.appendChild(document.createElement('div'));
    drawFirstFrame(fromWhole, { t, locale, data: whole, setupNeeded: false });
    const root = document.body.appendChild(document.createElement('div'));
    drawFirstFrame(root, { t, locale, data: first, setupNeeded: false });
    // The same frame, "N more" counts and all, but for the held-back members folded away (their rows come with the whole list).
    fromWhole.querySelectorAll('details li').forEach((li) => li.remove());
    expect(root.innerHTML).toBe(fromWhole.innerHTML);
    const more = [...root.querySelectorAll('.group button.link')].map((b) => b.textContent);
    expect(more).toEqual([21, 47].map((count) => translator(locale)('today.more', { count })));

    const warnings = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const redrawn: unknown[] = [];
    try {
      let react: ReturnType<typeof hydrateRoot> | undefined;
      await act(async () => void (react = hydrateRoot(root, reactFirstRender(locale, first, false), { onRecoverableError: (e) => void redrawn.push(e) })));
      const firstRows = [...root.querySelectorAll('li.row')];
      expect(root.querySelector('section.today')!.getAttribute('aria-busy')).toBe('true');
      // The agent is on the list's third row when the whole list comes.
      (firstRows[2] as HTMLElement).focus();
      await act(async () => react!.render(reactFirstRender(locale, whole, false)));
      expect(redrawn).toEqual([]);
      expect(warnings.mock.calls).toEqual([]);
      const after = [...root.querySelectorAll('li.row')];
      expect(after.slice(0, FIRST_ROWS).every((li, i) => li === firstRows[i])).toBe(true);
      expect(document.activeElement).toBe(firstRows[2]);
      expect(after.map((li) => li.getAttribute('data-reminder'))).toEqual(['m1', 'f8', 'f5', 'f2', 'f7', 'f4', 'f1', 'f9', 'f6', 'f3', 'f0', 'b1', 'w0', 'w1', 'w2', 'w3', 'w4', 'w5', 'w6', 'w7', 'w8', 'w9', 's1', 's2']);
      expect([...root.querySelectorAll('.group button.link')].map((b) => b.textContent)).toEqual(more);
      expect(root.querySelector('section.today')!.getAttribute('aria-busy')).toBe('false');
    } finally {
      warnings.mockRestore();
    }
  });
});
