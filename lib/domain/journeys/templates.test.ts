import { describe, expect, it } from 'vitest';
import { fillTemplate, templateSchema } from './templates';

describe('message templates', () => {
  it.each([
    ['Hi {name}, your order {orderNo} is on its way!', { name: 'Lily', orderNo: '5012' }, 'Hi Lily, your order 5012 is on its way!'],
    ['{name}您好，订单{orderNo}（{amount}）还未付款哦', { name: '陈', orderNo: '7', amount: '¥88.00' }, '陈您好，订单7（¥88.00）还未付款哦'],
    ['Hi {name} , thanks as a {tier} member', { tier: 'Gold' }, 'Hi, thanks as a Gold member'],
  ])('%s is filled', (template, values, expected) => {
    expect(fillTemplate(template, values)).toBe(expected);
  });

  it('a placeholder the templates do not know is refused with the list of known ones', () => {
    const r = templateSchema.safeParse('Hi {nmae}');
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toMatch(/\{name\}, \{orderNo\}/);
  });
});
