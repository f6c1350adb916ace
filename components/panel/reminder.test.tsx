// The panel's reminder banner, drawn from a real store: what an agent reads beside the chat.
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { importOrders } from '@/lib/background/import/import-orders';
import { memberCard } from '@/lib/background/members/card';
import { evaluateMembers } from '@/lib/background/reminders/reminders';
import { DAY, memoryDb, NOW, order } from '@/lib/background/test-helpers';
import { translator, type UiLocale } from '@/lib/i18n';
import { writeSettings } from '@/lib/store/settings';
import { DueReminders } from './reminder';

const SG = 'Asia/Singapore';

async function banner(locale: UiLocale, now: number) {
  const db = memoryDb();
  await writeSettings(db, { timeZone: SG });
  // Three delivered orders, the last delivered five days before NOW (23 Nov 2026, 20:00 in Singapore).
  await importOrders(db, [10, 8, 5].map((days, i) => order({ orderNo: `d${i}`, status: 'delivered', placedAt: NOW - (days + 3) * DAY, deliveredAt: NOW - days * DAY })), NOW);
  const memberId = (await db.identities.get('demo:handle:lily_chen'))!.memberId;
  await evaluateMembers(db, [memberId], NOW);
  const card = (await memberCard(db, memberId, now))!;
  const html = renderToStaticMarkup(<DueReminders card={card} t={translator(locale)} locale={locale} now={now} timeZone={SG} />);
  return [...html.matchAll(/<li[^>]*>(.*?)<\/li>/g)].map((m) => m[1]!.replace(/&#x27;/g, "'"));
}

describe('follow-up banner in the panel', () => {
  it.each([
    // [case, locale, seen at, the one line shown]
    ['ten days before it falls due', 'en', NOW, 'Follow-up: delivered 5 days ago · due in 11 days'],
    ['on its day, before the hour', 'en', NOW + 10 * DAY + 12 * 3_600_000, 'Follow-up: delivered 16 days ago · due today'],
    ['once its day has passed', 'en', NOW + 13 * DAY, 'Follow-up: delivered 18 days ago · overdue since Dec 4'],
    ['in simplified Chinese', 'zh-CN', NOW, '回访：5 天前签收 · 11 天后到期'],
    ['in traditional Chinese, overdue', 'zh-TW', NOW + 13 * DAY, '回訪：18 天前簽收 · 自 12月4日 起逾期'],
  ] as const)('a buyer with three delivered orders shows one follow-up banner, %s', async (_name, locale, now, line) => {
    expect(await banner(locale, now)).toEqual([line]);
  });
});
