// @vitest-environment happy-dom
// The points form in the panel: a refusal reads in the agent's language, before anything is sent.
import { act } from 'react';
import { describe, expect, it } from 'vitest';
import { importOrders } from '@/lib/background/import/import-orders';
import { lookupByHandle } from '@/lib/background/members/card';
import { memoryDb, NOW, order } from '@/lib/background/test-helpers';
import { translator, type UiLocale } from '@/lib/i18n';
import type { MemberCard } from '@/lib/messaging/card';
import { writeSettings } from '@/lib/store/settings';
import type { PanelApi } from './api';
import { Points } from './points';
import { submit, testRoot, type } from './test-dom';

/** A member who spent 42.00 at one point per unit: 42 points. */
async function cardWithPoints(): Promise<MemberCard> {
  const db = memoryDb();
  await writeSettings(db, { points: { enabled: true, perUnit: 1 } });
  await importOrders(db, [order({ amountMinor: 4200 })], NOW);
  const card = await lookupByHandle(db, 'demo', 'lily_chen', NOW);
  db.close();
  return card!;
}

const dom = testRoot();

async function adjust(locale: UiLocale, delta: string, reason: string): Promise<{ status: string | null | undefined; sent: number[] }> {
  const card = await cardWithPoints();
  expect(card.points?.balance).toBe(42);
  const sent: number[] = [];
  const api = { adjustPoints: async (d: number) => void sent.push(d) } as Partial<PanelApi> as PanelApi;
  await act(async () => dom.root().render(<Points card={card} t={translator(locale)} locale={locale} timeZone="UTC" api={api} />));
  const [deltaBox, reasonBox] = [...dom.host().querySelectorAll<HTMLInputElement>('input')];
  await type(deltaBox!, delta);
  await type(reasonBox!, reason);
  await submit(dom.host().querySelector('form')!);
  return { status: dom.host().querySelector('[role=status]')?.textContent, sent };
}

describe('adjusting points in the panel', () => {
  it.each([
    ['taking more than the balance, in English', 'en', '-50', 'Redeemed', 'The member has 42 points; taking 50 would leave fewer than none.'],
    ['taking more than the balance, in simplified Chinese', 'zh-CN', '-1200', '兑换', '这位会员有 42 积分，扣除 1,200 后将少于零。'],
    ['taking more than the balance, in traditional Chinese', 'zh-TW', '−43', '兌換', '這位會員有 42 點，扣除 43 點後將少於零。'],
    ['a typo of many zeros, in simplified Chinese', 'zh-CN', '500000000', '赠送', '每次调整最多 10,000,000 积分。'],
    ['no reason, in traditional Chinese', 'zh-TW', '+5', '  ', '請填寫原因，以便記錄。'],
    ['0 points, in English', 'en', '0', 'Nothing', 'Enter a whole number of points other than 0, e.g. 50 or -20.'],
  ] as const)('%s is refused with the reason and nothing is sent', async (_case, locale, delta, reason, want) => {
    const { status, sent } = await adjust(locale, delta, reason);
    expect(status).toBe(want);
    expect(sent).toEqual([]);
  });

  it('taking exactly the balance is sent and confirmed', async () => {
    const { status, sent } = await adjust('en', '-42', 'Redeemed for a tote bag');
    expect(sent).toEqual([-42]);
    expect(status).toBe('Points adjusted: -42.');
  });
});
