import { describe, expect, it } from 'vitest';
import { fillTemplate } from '../domain/journeys/templates';
import { translator } from '../i18n';
import { dueWhen, holidayName, reminderLabel, shipmentText } from './label';
import { catalogueOf, templateFor } from './template';

const NOW = Date.UTC(2026, 10, 23, 12);

const shipped = (language: Parameters<typeof templateFor>[1], order: { carrier?: string; trackingNo?: string }, templates = {}) =>
  fillTemplate(templateFor('shipped', language, templates), { name: 'Lily', orderNo: '5012', shipment: shipmentText(translator(catalogueOf(language)), order) });

describe('messages in the buyer’s language', () => {
  it.each([
    ['English, carrier and tracking', 'en', { carrier: 'J&T Express', trackingNo: 'JT123' }, 'Hi Lily, good news: your order 5012 is on its way with J&T Express, tracking number JT123!'],
    ['English, carrier only', 'en', { carrier: 'J&T Express' }, 'Hi Lily, good news: your order 5012 is on its way with J&T Express!'],
    ['English, neither', 'en', {}, 'Hi Lily, good news: your order 5012 is on its way!'],
    ['simplified Chinese', 'zh-CN', { carrier: '顺丰速运', trackingNo: 'SF1000000000002' }, 'Lily您好，您的订单5012已发货，顺丰速运运单号 SF1000000000002，请留意查收！'],
    ['traditional Chinese', 'zh-TW', { carrier: '7-ELEVEN' }, 'Lily您好，您的訂單5012已出貨，由7-ELEVEN配送，請留意查收！'],
    ['Thai without a Thai template: the English default', 'th', {}, 'Hi Lily, good news: your order 5012 is on its way!'],
  ] as const)('%s', (_name, language, order, expected) => {
    expect(shipped(language, order)).toBe(expected);
  });

  it("the shop's own template in the buyer's language wins; a Thai buyer gets the shop's Thai one", () => {
    const templates = { shipped: { th: 'สวัสดี {name} คำสั่งซื้อ {orderNo} จัดส่งแล้ว{shipment}', en: 'Shipped: {orderNo}' } };
    expect(shipped('th', {}, templates)).toBe('สวัสดี Lily คำสั่งซื้อ 5012 จัดส่งแล้ว');
    expect(shipped('en', {}, templates)).toBe('Shipped: 5012');
    expect(shipped('zh-CN', {}, templates)).toBe('Lily您好，您的订单5012已发货，请留意查收！');
  });

  it.each([
    ['a default tier in Chinese', 'zh-CN', { id: 'gold', name: 'Gold' }, '已升级为 黄金会员'],
    ['a default tier in English', 'en', { id: 'gold', name: 'Gold' }, 'Moved up to Gold'],
    ['a tier the shop named, as written', 'zh-TW', { id: 'gold', name: 'VIP 金卡' }, '已升級為 VIP 金卡'],
  ] as const)('a tier-up names the tier in the reader’s language: %s', (_name, locale, tier, expected) => {
    expect(reminderLabel(translator(locale), { kind: 'tierUp', reason: '', detail: 'gold', tier }, NOW)).toBe(expected);
  });

  it('a built-in holiday is named in the reader’s language, the shop’s own name as written', () => {
    expect(holidayName(translator('zh-TW'), 'lunarNewYear')).toBe('春節');
    expect(holidayName(translator('en'), 'midAutumn')).toBe('Mid-Autumn Festival');
    expect(holidayName(translator('en'), 'Shop anniversary')).toBe('Shop anniversary');
  });
});

describe('a follow-up says what it counts from', () => {
  const NOW = Date.UTC(2026, 10, 23, 4);
  const DAY = 86_400_000;
  it.each([
    ['delivered', 'en', NOW - 15 * DAY, 'Follow-up: delivered 15 days ago'],
    ['shipped', 'en', NOW - 15 * DAY, 'Follow-up: delivered about 15 days ago (going by the shipping date)'],
    ['paid', 'en', NOW - 1 * DAY, 'Follow-up: delivered about 1 day ago (going by the payment date)'],
    ['paid', 'en', NOW + 3 * DAY, 'Follow-up: delivery expected in 3 days'],
    ['shipped', 'zh-CN', NOW - 15 * DAY, '回访：约 15 天前签收（按发货日估算）'],
    ['paid', 'zh-TW', NOW - 15 * DAY, '回訪：約 15 天前簽收（按付款日估算）'],
  ] as const)('counted from %s (%s)', (detail, locale, refAt, text) => {
    expect(reminderLabel(translator(locale), { kind: 'followUp', reason: 'followUp', detail, refAt }, NOW)).toBe(text);
  });

  it.each([
    ['in three calendar days in the shop’s zone', Date.UTC(2026, 10, 26, 3), 'due in 3 days'],
    ['later today', Date.UTC(2026, 10, 23, 8), 'due today'],
    ['passed', Date.UTC(2026, 10, 21, 3), 'overdue since Nov 21'],
  ])('a reminder due %s reads “%s”', (_name, dueAt, text) => {
    expect(dueWhen(translator('en'), dueAt, NOW, 'en', 'Asia/Singapore')).toBe(text);
  });

  it('an overdue date is read in each zone and language asked for, one after the other on the same page', () => {
    // 23:30 on 20 November in UTC is already 21 November in Singapore.
    const dueAt = Date.UTC(2026, 10, 20, 23, 30);
    expect(dueWhen(translator('en'), dueAt, NOW, 'en', 'UTC')).toBe('overdue since Nov 20');
    expect(dueWhen(translator('en'), dueAt, NOW, 'en', 'Asia/Singapore')).toBe('overdue since Nov 21');
    expect(dueWhen(translator('zh-CN'), dueAt, NOW, 'zh-CN', 'Asia/Singapore')).toMatch(/11月21日/);
    expect(dueWhen(translator('en'), dueAt, NOW, 'en', 'UTC')).toBe('overdue since Nov 20');
  });
});
