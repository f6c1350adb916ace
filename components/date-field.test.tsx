// @vitest-environment happy-dom
import { act } from 'react';
import { describe, expect, it } from 'vitest';
import type { UiLocale } from '@/lib/i18n';
import { mountField } from './field-test-harness';
import { DateField } from './date-field';
import { calendarWeeks, formatLocalDate, parseLocalDate, weekdayNames } from './local-date';

describe('a date in the reader’s locale', () => {
  it.each([
    ['en', '2026-12-04', '12/04/2026'],
    ['zh-CN', '2026-12-04', '2026/12/04'],
    ['zh-TW', '2026-03-05', '2026/03/05'],
  ] as const)('%s writes %s as %s', (locale, iso, want) => {
    expect(formatLocalDate(iso, locale)).toBe(want);
  });

  it.each([
    ['en', '3/5/2026', '2026-03-05'],
    ['en', '12/04/2026', '2026-12-04'],
    ['zh-CN', '2026/3/5', '2026-03-05'],
    ['zh-CN', '2026年3月5日', '2026-03-05'],
    ['zh-TW', '2026.12.4', '2026-12-04'],
    ['en', '2026-03-05', '2026-03-05'],
    ['zh-CN', '2026-03-05T09:30', '2026-03-05'],
    ['en', '2/30/2026', undefined],
    ['en', '13/1/2026', undefined],
    ['zh-CN', '3/5', undefined],
    ['en', 'tomorrow', undefined],
  ] as const)('%s reads “%s” as %s', (locale, text, want) => {
    expect(parseLocalDate(text, locale)).toBe(want);
  });

  it.each([
    ['en', 'S', 'Sunday'],
    ['zh-CN', '一', '星期一'],
  ] as const)('a %s calendar starts its week as the locale does (%s)', (locale, short, long) => {
    expect(weekdayNames(locale)[0]).toEqual({ short, long });
  });

  it('a month’s weeks hold every day of it once, padded from the months around it', () => {
    const days = calendarWeeks('2026-02', 'zh-CN').flat();
    expect(days.filter((d) => d.inMonth).map((d) => d.iso)).toHaveLength(28);
    expect(days[0]).toEqual({ iso: '2026-01-26', inMonth: false }); // the Monday before Sunday 1 February
  });
});

const mount = async (locale: UiLocale, start: string) => (await mountField(DateField, locale, start)).root;

describe('the date field', () => {
  it.each([
    ['zh-CN', '2026/3/5', '2026/03/05', '年/月/日'],
    ['en', '3/5/2026', '03/05/2026', 'mm/dd/yyyy'],
  ] as const)('in %s, typing %s keeps 2026-03-05 and shows it as %s', async (locale, typed, shown, placeholder) => {
    const root = await mount(locale, '');
    const input = root.querySelector('input')!;
    expect(input.placeholder).toBe(placeholder);
    await act(async () => {
      const set = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
      set.call(input, typed);
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    expect(root.querySelector('output')!.textContent).toBe('2026-03-05');
    await act(async () => input.dispatchEvent(new Event('focusout', { bubbles: true })));
    expect(input.value).toBe(shown);
  });

  it('its calendar names the month and the days in Chinese and picks a day', async () => {
    const root = await mount('zh-CN', '2026-03-05');
    await act(async () => root.querySelector<HTMLButtonElement>('button.date-pick')!.click());
    expect(root.querySelector('.calendar-head strong')!.textContent).toBe('2026年3月');
    expect([...root.querySelectorAll('.calendar th')].map((th) => th.textContent).join('')).toBe('一二三四五六日');
    const day = root.querySelector<HTMLButtonElement>('button[aria-label="2026年3月20日星期五"]')!;
    await act(async () => day.click());
    expect(root.querySelector('output')!.textContent).toBe('2026-03-20');
    expect(root.querySelector('input')!.value).toBe('2026/03/20');
    expect(root.querySelector('.calendar')).toBeNull();
  });

  it('its calendar opens on the month of a date typed since it was drawn', async () => {
    const root = await mount('en', '');
    const input = root.querySelector('input')!;
    await act(async () => {
      Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, '1/2/2020');
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await act(async () => root.querySelector<HTMLButtonElement>('button.date-pick')!.click());
    expect(root.querySelector('.calendar-head strong')!.textContent).toBe('January 2020');
  });
});
