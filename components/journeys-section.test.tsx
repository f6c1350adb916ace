// @vitest-environment happy-dom
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { defaultJourneyRules } from '@/lib/domain/journeys/rules';
import type { JourneySettings } from '@/lib/domain/journey-settings';
import { DEFAULT_TIER_LADDER } from '@/lib/domain/tiers';
import { translator } from '@/lib/i18n';
import { JourneysSection } from './journeys-section';
import { submit, testRoot, type } from './panel/test-dom';

const dom = testRoot();
const order = () => [...dom.host().querySelectorAll('li[data-holiday]')].map((li) => li.getAttribute('data-holiday'));

describe('the holiday list', () => {
  beforeEach(() => vi.useFakeTimers({ toFake: ['Date'], now: Date.parse('2026-12-04T04:00:00Z') }));
  afterEach(() => vi.useRealTimers());

  it('opens in date order, keeps a row in place while its date is typed, and is put in order on save', async () => {
    const rules = defaultJourneyRules('en', 'SG');
    rules.holiday.holidays = [
      { id: 'mothersDay-SG', builtIn: 'mothersDay', region: 'SG', name: '', tiers: ['gold'], segments: [] },
      { id: 'shop-birthday', name: 'Shop birthday', date: '06-01', tiers: ['gold'], segments: [] },
      { id: 'christmas', builtIn: 'christmas', name: '', tiers: ['gold'], segments: [] },
    ];
    const saved: JourneySettings[] = [];
    const save = async (patch: { rules: Record<string, Record<string, unknown>> }) => {
      saved.push({ rules: patch.rules as unknown as JourneySettings['rules'], templates: {} });
      return saved.at(-1)!;
    };
    await act(async () =>
      dom.root().render(<JourneysSection t={translator('en')} locale="en" tiers={DEFAULT_TIER_LADDER.steps} timeZone="Asia/Singapore" load={async () => ({ rules, templates: {} })} save={save} sweep={async () => ({ created: 0, suppressed: 0 })} />),
    );
    // Christmas 2026, Mother's Day (9 May 2027), the shop's birthday (1 June 2027).
    expect(order()).toEqual(['christmas', 'mothersDay-SG', 'shop-birthday']);

    const date = dom.host().querySelector<HTMLInputElement>('li[data-holiday="shop-birthday"] input[size]')!;
    await type(date, '12-1');
    await type(date, '12-10');
    expect(order()).toEqual(['christmas', 'mothersDay-SG', 'shop-birthday']);
    expect(date.isConnected && date.value).toBe('12-10');

    await submit(dom.host().querySelector('form')!);
    expect(order()).toEqual(['shop-birthday', 'christmas', 'mothersDay-SG']);
    expect(saved[0]!.rules.holiday.holidays.map((h) => h.id)).toEqual(['shop-birthday', 'christmas', 'mothersDay-SG']);
  });
});

describe('"Check rules now"', () => {
  it.each([
    [{ created: 2, suppressed: 1 }, '2 new reminders, 1 suppressed.'],
    [{ created: 0, suppressed: 0, heldForJoin: true as const }, "The team's shop is still arriving on this computer: the rules will run once all of it is here."],
  ])('answered %o, says so', async (answer, said) => {
    const rules = defaultJourneyRules('en', 'SG');
    await act(async () =>
      dom.root().render(<JourneysSection t={translator('en')} locale="en" tiers={DEFAULT_TIER_LADDER.steps} load={async () => ({ rules, templates: {} })} save={async () => ({ rules, templates: {} })} sweep={async () => answer} />),
    );
    const button = [...dom.host().querySelectorAll('button')].find((b) => b.textContent === 'Check rules now')!;
    await act(async () => button.click());
    expect(dom.host().querySelector('[role="status"]')?.textContent).toBe(said);
  });
});
