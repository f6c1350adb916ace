// The Today tab between an import and its reminders: "updating", never a false "nothing due".
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { translator, type UiLocale } from '@/lib/i18n';
import { TodayTab, type TodayData } from './today';

const noop = async () => undefined;

function tab(locale: UiLocale, updating: boolean): string {
  const data: TodayData = { now: Date.UTC(2026, 10, 23), timeZone: 'UTC', groups: [], rows: [], assignees: [], me: 'Mei', updating, settings: { locale: 'auto', setupAt: 0 } };
  const html = renderToStaticMarkup(
    <TodayTab
      t={translator(locale)}
      locale={locale}
      data={data}
      actions={{ done: noop, snooze: noop, assign: noop, copy: noop }}
      mine={false}
      onMine={() => undefined}
      onShowAll={() => undefined}
      onMore={() => undefined}
    />,
  );
  return html;
}
const text = (html: string) => html.replace(/<[^>]+>/g, '\n');

describe('Today with no reminder yet', () => {
  it.each([
    ['en', 'Updating reminders from the latest orders…', 'Nothing due'],
    ['zh-CN', '正在根据最新订单更新提醒…', '暂无到期提醒'],
    ['zh-TW', '正在根據最新訂單更新提醒…', '目前沒有到期提醒'],
  ] as const)('in %s, says it is updating while reminders are being made, and "nothing due" only once they are', (locale, updating, empty) => {
    const during = tab(locale, true);
    expect(text(during)).toContain(updating);
    expect(text(during)).not.toContain(empty);
    // Busy for screen readers (and tests) until the list is made.
    expect(during).toMatch(/<section class="today"[^>]*aria-busy="true"/);
    const after = tab(locale, false);
    expect(text(after)).toContain(empty);
    expect(text(after)).not.toContain(updating);
  });
});
