import { describe, expect, it } from 'vitest';
import { genericPreset, guessMapping, mappingKey, statusFromWord, type GenericMapping } from './generic';
import { readOrderExport } from './read-export';

const MAPPING: GenericMapping = { orderNo: 'Order', buyer: 'Customer', phone: 'Mobile', amount: 'Total', date: 'Date', status: 'State', platform: 'other', dateOrder: 'dmy' };
const read = (text: string, mapping: GenericMapping = MAPPING) =>
  readOrderExport(new TextEncoder().encode(text), 'sales.csv', { timeZone: 'Asia/Kuala_Lumpur', currency: 'MYR', mapping });
const ok = (text: string, mapping?: GenericMapping) => {
  const r = read(text, mapping);
  if (!r.ok) throw new Error(r.message);
  return r;
};

const FILE = [
  'Sales report for March,,,,,',
  'Order,Customer,Mobile,Total,Date,State',
  'A-1,aisyah,012-3456789,"1,250.00",04/03/2026 13:05,Completed',
  'A-1,,,,,',
  'A-2,,0198765432,30.50,05/03/2026,unpaid',
  'A-3,ben,,12.00,06/03/2026 09:00,已取消',
].join('\n');

describe('a generic column mapping', () => {
  it('reads any file through the named columns, the header found under a notes row, totals once per order', () => {
    const r = ok(FILE);
    expect(r.preset.id).toBe('generic');
    expect(r.problems).toEqual([]);
    expect(r.orders).toEqual([
      { platform: 'other', orderNo: 'A-1', buyer: { handle: 'aisyah', phone: '012-3456789' }, amountMinor: 125000, currency: 'MYR', status: 'delivered', placedAt: Date.UTC(2026, 2, 4, 5, 5), items: [] },
      { platform: 'other', orderNo: 'A-2', buyer: { phone: '0198765432' }, amountMinor: 3050, currency: 'MYR', status: 'unpaid', placedAt: Date.UTC(2026, 2, 4, 16, 0), items: [] },
      { platform: 'other', orderNo: 'A-3', buyer: { handle: 'ben' }, amountMinor: 1200, currency: 'MYR', status: 'cancelled', placedAt: Date.UTC(2026, 2, 6, 1, 0), items: [] },
    ]);
  });

  it('adds up line amounts when told the column is per line', () => {
    const text = 'Order,Customer,Total,Date\nB-1,cy,10.00,2026-03-04\nB-1,cy,2.50,2026-03-04\n';
    const r = ok(text, { orderNo: 'Order', buyer: 'Customer', amount: 'Total', date: 'Date', platform: 'other', amountPer: 'line' });
    expect(r.orders.map((o) => [o.orderNo, o.amountMinor, o.status])).toEqual([['B-1', 1250, 'paid']]);
  });

  it.each([
    ['an amount that differs on a further row of the order', 'A-1,,,99.00,,', 'Total', /differs from the amount on the order's first row.*per line/],
    ['a status it does not know', 'A-4,dee,,5.00,07/03/2026,Teleported', 'State', /"Teleported" is a status value the mapping doesn.t say the meaning of/],
    ['a date it cannot read', 'A-4,dee,,5.00,31/02/2026,paid', 'Date', /"31\/02\/2026" is not a date/],
    ['an amount that is not a number', 'A-4,dee,,five,07/03/2026,paid', 'Total', /"five" is not an amount/],
    ['no buyer at all', 'A-4,,,5.00,07/03/2026,paid', 'Customer', /cannot be tied to a buyer/],
  ])('%s is reported with its row and column', (_name, row, column, message) => {
    const r = ok(`${FILE}\n${row}`);
    expect(r.problems).toEqual([expect.objectContaining({ line: 7, column, message: expect.stringMatching(message) })]);
  });

  it('an empty status cell takes the meaning the mapping gives "" and is reported when it gives none', () => {
    const file = 'Order,Customer,Total,Date,State\nC-1,cy,10.00,04/03/2026,\nC-2,cy,5.00,05/03/2026,Shipped\n';
    const mapping: GenericMapping = { orderNo: 'Order', buyer: 'Customer', amount: 'Total', date: 'Date', status: 'State', platform: 'etsy', dateOrder: 'dmy' };
    expect(ok(file, { ...mapping, statusValues: { '': 'paid' } }).orders.map((o) => [o.orderNo, o.status])).toEqual([['C-1', 'paid'], ['C-2', 'shipped']]);
    const unsaid = ok(file, mapping);
    expect(unsaid.orders.map((o) => o.orderNo)).toEqual(['C-2']);
    expect(unsaid.problems).toEqual([expect.objectContaining({ line: 2, column: 'State', message: expect.stringMatching(/is empty/) })]);
  });

  it('a mapping without any buyer column is refused', () => {
    const r = read(FILE, { orderNo: 'Order', amount: 'Total', date: 'Date', platform: 'other' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/has no buyer column in the mapping/);
  });

  it('a mapping made for other columns is refused, naming the column it misses', () => {
    const r = read(FILE, { ...MAPPING, amount: 'Grand Total' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/has no column "Grand Total"/);
  });

  it('its signature is the mapped columns, so the same header row is found again', () => {
    const preset = genericPreset(MAPPING);
    expect(preset.signature.map((key) => preset.columns[key]![0])).toEqual(['Order', 'Customer', 'Mobile', 'Total', 'Date', 'State']);
  });

  it.each([
    ['paid', 'paid'],
    ['Awaiting Shipment', 'paid'],
    ['in_transit', 'shipped'],
    ['买家已付款，等待卖家发货', 'paid'],
    ['買家已付款,等待賣家發貨', 'paid'],
    ['交易成功', 'delivered'],
    ['退貨/退款', 'refunded'],
    ['on-hold', 'unpaid'],
  ])('the status word %s is %s', (word, status) => {
    expect(statusFromWord(word)).toBe(status);
  });
});

describe('the key a saved mapping is found by', () => {
  it('is the same for the same headers in any order, case or padding', () => {
    expect(mappingKey(['Order', 'Customer', 'Total'])).toBe(mappingKey([' total ', 'ORDER', 'Customer', '']));
  });

  it('differs when the header set differs', () => {
    expect(mappingKey(['Order', 'Customer', 'Total'])).not.toBe(mappingKey(['Order', 'Customer', 'Total', 'Date']));
    expect(mappingKey(['Order', 'Customer', 'Total'])).not.toBe(mappingKey(['Order', 'Buyer', 'Total']));
  });
});

describe('a first guess at the mapping', () => {
  it.each([
    [
      'English headers',
      ['Order Number', 'Order Status', 'Order Date', 'Buyer Email', 'Phone (Billing)', 'Subtotal', 'Order Total', 'Currency'],
      { orderNo: 'Order Number', status: 'Order Status', date: 'Order Date', email: 'Buyer Email', phone: 'Phone (Billing)', amount: 'Order Total', currency: 'Currency' },
    ],
    [
      'simplified Chinese headers',
      ['订单编号', '买家会员名', '买家应付货款', '买家实际支付金额', '订单状态', '联系手机', '订单创建时间'],
      { orderNo: '订单编号', buyer: '买家会员名', amount: '买家实际支付金额', status: '订单状态', phone: '联系手机', date: '订单创建时间' },
    ],
    [
      'traditional Chinese headers',
      ['訂單編號', '訂單狀態', '買家帳號', '訂單成立日期', '買家總支付金額', '收件者電話'],
      { orderNo: '訂單編號', status: '訂單狀態', buyer: '買家帳號', date: '訂單成立日期', amount: '買家總支付金額', phone: '收件者電話' },
    ],
    ['headers it cannot place', ['a', 'b', 'c'], {}],
  ])('from %s', (_name, headers, guess) => {
    expect(guessMapping(headers)).toEqual(guess);
  });
});
