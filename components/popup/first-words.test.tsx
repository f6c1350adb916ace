// @vitest-environment happy-dom
// The popup's first frame is drawn with the few words its first script carries (lib/i18n/first-words.ts):
// every reminder a row can show has its words there, the same as the whole catalogue's.
import { describe, expect, it } from 'vitest';
import { CATALOGUES, translator, UI_LOCALES } from '@/lib/i18n';
import { HOLIDAY_KEYS } from '@/lib/domain/journeys/holiday-keys';
import { JOURNEY_KINDS } from '@/lib/domain/journeys/types';
import { firstFrameTranslator, firstFrameWords } from '@/lib/i18n/first-words';
import type { TodayRowMessage } from '@/lib/messaging/protocol-reminders';
import { drawFirstFrame } from './first-frame';
import type { TodayData } from './today-layout';

const NOW = Date.UTC(2026, 10, 23, 2, 0);
const DAY = 86_400_000;
const gold = { id: 'gold', name: 'Gold', color: '#d4a017' };
let n = 0;
const row = (over: Partial<TodayRowMessage>): TodayRowMessage => ({
  id: `r${++n}`,
  section: 'upcoming',
  memberId: `m${n}`,
  memberName: `Buyer ${n}`,
  tier: gold,
  reason: 'Call back',
  dueAt: NOW + 2 * DAY,
  state: 'open',
  priority: 1,
  message: 'Hello',
  ...over,
});

/** Every kind of reminder, each detail a kind's words depend on, in every section, a few to a group so each is drawn. */
function everyRow(): TodayRowMessage[] {
  const rows: TodayRowMessage[] = [row({ section: 'overdue', dueAt: NOW - DAY, orderNo: 'SO-1', amount: '$5', assignee: 'Mei', language: 'th', benefits: '5% off' })];
  for (const kind of JOURNEY_KINDS) {
    rows.push(row({ kind, section: 'overdue', dueAt: NOW - 3 * DAY, refAt: NOW - 9 * DAY, detail: kind === 'holiday' ? 'newYear' : undefined }));
    rows.push(row({ kind, section: 'today', dueAt: NOW + 3_600_000, refAt: NOW + DAY, tier: gold, detail: kind === 'tierUp' ? 'gold' : kind === 'winBack' ? '2/3' : undefined }));
  }
  for (const detail of ['shipped', 'paid']) rows.push(row({ kind: 'followUp', section: 'upcoming', refAt: NOW - 5 * DAY, detail }));
  for (const detail of HOLIDAY_KEYS) rows.push(row({ kind: 'holiday', section: 'upcoming', detail }));
  rows.push(row({ kind: 'parcelGift', section: 'upcoming', gift: undefined, tier: { id: 'silver', name: 'Silver', color: '#aaa' } }));
  rows.push(row({ kind: 'holiday', section: 'suppressed', detail: 'newYear', state: 'suppressed' }));
  return rows;
}

describe("the first frame's words", () => {
  it.each(UI_LOCALES)('in %s, draw every kind of reminder as the whole catalogue does, and are a tenth of it', (locale) => {
    const rows = everyRow();
    const groups = [...new Set(rows.map((r) => `${r.section}|${r.kind ?? 'manual'}`))].map((k) => {
      const [section, kind] = k.split('|') as [TodayRowMessage['section'], string];
      return { section, kind, total: rows.filter((r) => r.section === section && (r.kind ?? 'manual') === kind).length + 20 };
    });
    const data: TodayData = { now: NOW, timeZone: 'Asia/Shanghai', groups, rows, assignees: ['Mei'], me: 'Mei', updating: false, settings: { locale: 'auto', setupAt: NOW } };
    const draw = (t: Parameters<typeof drawFirstFrame>[1]['t'], setupNeeded: boolean, memberId?: string) => {
      // Every row drawn (the frame itself draws the first nine): one group at a time, each frame read
      // back as the DOM parsed it and let go before the next (kept all in one tree, collecting the
      // garbage took half the test's time).
      const root = document.createElement('div');
      return rows.map((r, i) => {
        drawFirstFrame(root, { t, locale, data: { ...data, rows: [r], groups: groups.map((g) => ({ ...g })) }, setupNeeded: setupNeeded && i === 0, memberId });
        return root.innerHTML;
      });
    };
    const few = firstFrameTranslator(locale, firstFrameWords(CATALOGUES[locale]));
    const whole = translator(locale);
    for (const [setupNeeded, memberId] of [[false, undefined], [true, 'm1']] as const) expect(draw(few, setupNeeded, memberId)).toEqual(draw(whole, setupNeeded, memberId));
    expect(JSON.stringify(firstFrameWords(CATALOGUES[locale])).length).toBeLessThan(JSON.stringify(CATALOGUES[locale]).length / 8);
  });

  it('say which key is missing rather than draw a wrong word', () => {
    const t = firstFrameTranslator('en', firstFrameWords(CATALOGUES.en));
    expect(t('today.done')).toBe(translator('en')('today.done'));
    expect(() => t('options.title' as never)).toThrow(/no words for "options.title"/);
  });
});
