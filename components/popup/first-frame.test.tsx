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
import { dueCount, type TodayData } from './today-layout';

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
