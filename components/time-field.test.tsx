// @vitest-environment happy-dom
import { act } from 'react';
import { describe, expect, it } from 'vitest';
import type { UiLocale } from '@/lib/i18n';
import { mountField } from './field-test-harness';
import { TimeField } from './time-field';
import { formatLocalTime, parseLocalTime, stepTime } from './local-time';

describe('a time of day in the reader’s locale', () => {
  it.each([
    ['en', '14:30', '2:30 PM'],
    ['en', '00:05', '12:05 AM'],
    ['zh-CN', '14:30', '14:30'],
    ['zh-TW', '09:00', '09:00'],
  ] as const)('%s writes %s as %s', (locale, hhmm, want) => {
    expect(formatLocalTime(hhmm, locale)).toBe(want);
  });

  it.each([
    ['14:30', '14:30'],
    ['2:30 pm', '14:30'],
    ['2:30PM', '14:30'],
    ['12:15 am', '00:15'],
    ['12 pm', '12:00'],
    ['下午2:30', '14:30'],
    ['上午 9:05', '09:05'],
    ['１４：３０', '14:30'],
    ['1430', '14:30'],
    ['9', '09:00'],
    ['24:00', undefined],
    ['13:30 pm', undefined],
    ['9:60', undefined],
    ['noon', undefined],
  ] as const)('reads “%s” as %s', (text, want) => {
    expect(parseLocalTime(text)).toBe(want);
  });

  it('arrow keys step a quarter of an hour round the clock', () => {
    expect(stepTime('23:50', 15)).toBe('00:05');
    expect(stepTime('00:10', -15)).toBe('23:55');
  });
});

const mount = (locale: UiLocale, start: string) => mountField(TimeField, locale, start);

async function type(input: HTMLInputElement, text: string) {
  await act(async () => {
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, text);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

describe('the time field', () => {
  it.each([
    ['zh-CN', '11:00', '下午2:30', '14:30', '14:30'],
    ['en', '11:00', '14:30', '14:30', '2:30 PM'],
  ] as const)('in %s, %s retyped as %s keeps %s and shows it as %s', async (locale, start, typed, kept, shown) => {
    const { input, value } = await mount(locale, start);
    expect(input.value).toBe(formatLocalTime(start, locale));
    await type(input, typed);
    await act(async () => input.dispatchEvent(new Event('focusout', { bubbles: true })));
    expect(value()).toBe(kept);
    expect(input.value).toBe(shown);
  });

  it('a time it cannot read is marked invalid with how to write it, and the value stays', async () => {
    const { input, value } = await mount('zh-CN', '11:00');
    await type(input, '25点');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(input.title).toBe('请按 14:30 的格式填写时间');
    expect(value()).toBe('11:00');
  });

  it('the up arrow moves it a quarter of an hour', async () => {
    const { input, value } = await mount('en', '11:00');
    await act(async () => input.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowUp', bubbles: true })));
    expect(value()).toBe('11:15');
    expect(input.value).toBe('11:15 AM');
  });
});
