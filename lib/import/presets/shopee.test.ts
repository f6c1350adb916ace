import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { readOrderExport } from '../read-export';
import { readXlsx } from '../xlsx';

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`./fixtures/${name}`, import.meta.url)));
const EN = fixture('Order.all.20260301_20260310.xlsx');
const TW = fixture('Order.all.20260301_20260310.zh-TW.xlsx');
const read = (bytes: Uint8Array, timeZone: string, currency: string) => {
  const r = readOrderExport(bytes, 'Order.all.20260301_20260310.xlsx', { timeZone, currency });
  if (!r.ok) throw new Error(r.message);
  return r;
};
/** The workbook's first sheet as CSV with one cell changed (row is the spreadsheet row). */
const edited = (bytes: Uint8Array, row: number, column: string, value: string) => {
  const rows = readXlsx(bytes);
  const at = rows[0]!.indexOf(column);
  rows[row - 1]![at] = value;
  return new TextEncoder().encode(Papa.unparse(rows));
};
const my = (d: number, h: number, mi: number) => Date.UTC(2026, 2, d, h - 8, mi);

describe('Shopee order export (.xlsx, English headers)', () => {
  const result = read(EN, 'Asia/Kuala_Lumpur', 'MYR');

  it('is recognised from the workbook', () => {
    expect(result.preset.id).toBe('shopee-orders');
  });

  it('gives one order per Order ID, its Grand Total once though repeated on every item row, in the shop currency', () => {
    expect(result.problems).toEqual([]);
    expect(result.orders).toEqual([
      {
        platform: 'shopee',
        orderNo: '2603040ABC123',
        carrier: 'J&T Express',
        buyer: { handle: 'aisyah.shop', name: 'Aisyah Rahman', phone: '60123456789' },
        amountMinor: 8980,
        currency: 'MYR',
        status: 'delivered',
        placedAt: my(4, 13, 5),
        paidAt: my(4, 13, 6),
        items: [
          { title: 'Teh tarik premix, 30 sachets · Original', sku: 'TEA-30', quantity: 2, priceMinor: 2990 },
          { title: 'Enamel mug · White', sku: 'MUG-W', quantity: 1, priceMinor: 2500 },
        ],
      },
      { platform: 'shopee', orderNo: '2603050DEF456', carrier: 'J&T Express', buyer: { handle: 'kamal88', name: 'Kamal Hassan' }, amountMinor: 2500, currency: 'MYR', status: 'paid', placedAt: my(5, 20, 41), paidAt: my(5, 20, 42), items: [{ title: 'Enamel mug · Blue', sku: 'MUG-B', quantity: 1, priceMinor: 2500 }] },
      { platform: 'shopee', orderNo: '2603060GHI789', carrier: 'J&T Express', buyer: { handle: 'mei.lin', name: 'Mei Lin', phone: '60198765432' }, amountMinor: 3480, currency: 'MYR', status: 'unpaid', placedAt: my(6, 23, 59), items: [{ title: 'Teh tarik premix, 30 sachets', sku: 'TEA-30', quantity: 1, priceMinor: 2990 }] },
      { platform: 'shopee', orderNo: '2603070JKL012', carrier: 'J&T Express', buyer: { handle: 'aisyah.shop', name: 'Aisyah Rahman', phone: '60123456789' }, amountMinor: 1990, currency: 'MYR', status: 'cancelled', placedAt: my(7, 9, 15), paidAt: my(7, 9, 16), items: [{ title: 'Bamboo straw set', sku: 'STRAW', quantity: 1, priceMinor: 1990 }] },
    ]);
  });

  it.each([
    ['an unknown status', 4, 'Order Status', 'Teleported', '2603050DEF456'],
    ['a Grand Total that is not a number', 5, 'Grand Total', 'RM?', '2603060GHI789'],
    ['a creation date it cannot read', 6, 'Order Creation Date', 'soon', '2603070JKL012'],
    ['a bad quantity on the second item row', 3, 'Quantity', '1.5', '2603040ABC123'],
  ])('%s is reported with its row and column, the whole order left out', (_name, row, column, value, orderNo) => {
    const r = read(edited(EN, row, column, value), 'Asia/Kuala_Lumpur', 'MYR');
    expect(r.problems).toEqual([expect.objectContaining({ line: row, column, message: expect.stringContaining(`Order ${orderNo} was left out`) })]);
    expect(r.orders.map((o) => o.orderNo)).not.toContain(orderNo);
  });
});

describe('Shopee order export (.xlsx, traditional Chinese headers)', () => {
  const result = read(TW, 'Asia/Taipei', 'TWD');
  const tw = (d: number, h: number, mi: number) => Date.UTC(2026, 2, d, h - 8, mi);

  it('is recognised, dates stored as date serials read in the shop zone', () => {
    expect(result.preset.id).toBe('shopee-orders');
    expect(result.problems).toEqual([]);
    expect(result.orders).toEqual([
      {
        platform: 'shopee',
        orderNo: '260304ABCDEF01',
        carrier: '7-ELEVEN',
        buyer: { handle: 'xiaomei_tw', name: '陳小美', phone: '0912345678' },
        amountMinor: 128000,
        currency: 'TWD',
        status: 'delivered',
        placedAt: tw(4, 13, 5),
        paidAt: tw(4, 13, 7),
        items: [
          { title: '手工皂禮盒 · 薰衣草', sku: 'SOAP-LAV', quantity: 2, priceMinor: 45000 },
          { title: '擴香石', sku: 'STONE-1', quantity: 1, priceMinor: 32000 },
        ],
      },
      { platform: 'shopee', orderNo: '260305GHIJKL02', buyer: { handle: 'ahong', name: '黃阿宏' }, amountMinor: 45000, currency: 'TWD', status: 'paid', placedAt: tw(5, 21, 30), paidAt: tw(5, 21, 31), items: [{ title: '手工皂禮盒 · 檜木', sku: 'SOAP-HIN', quantity: 1, priceMinor: 45000 }] },
      { platform: 'shopee', orderNo: '260306MNOPQR03', buyer: { handle: 'ahong', name: '黃阿宏' }, amountMinor: 30000, currency: 'TWD', status: 'cancelled', placedAt: tw(6, 8, 0), items: [{ title: '擴香石', sku: 'STONE-1', quantity: 1, priceMinor: 30000 }] },
      { platform: 'shopee', orderNo: '260307STUVWX04', buyer: { handle: 'lin.lin', name: '林琳', phone: '0987654321' }, amountMinor: 19900, currency: 'TWD', status: 'unpaid', placedAt: tw(7, 12, 0), items: [{ title: '香氛蠟燭', sku: 'CANDLE', quantity: 1, priceMinor: 19900 }] },
      { platform: 'shopee', orderNo: '260308YZABCD05', buyer: { handle: 'xiaomei_tw', name: '陳小美', phone: '0912345678' }, amountMinor: 52000, currency: 'TWD', status: 'refunded', placedAt: tw(8, 10, 10), paidAt: tw(8, 10, 11), items: [{ title: '香氛蠟燭 · 大', sku: 'CANDLE-L', quantity: 2, priceMinor: 26000 }] },
    ]);
  });

  it('the older layout with (單)/(品) columns is read the same way', () => {
    const csv = ['訂單編號 (單),訂單狀態 (單),買家帳號 (單),訂單成立時間 (單),訂單總金額 (單),收件者姓名 (單),收件者電話 (單),商品名稱 (品),商品活動價格 (品),數量', '220101AAA,已完成,yu_chen,2022-01-01 10:00,350,余晨,0911222333,茶葉,175,2'].join('\n');
    const r = read(new TextEncoder().encode(csv), 'Asia/Taipei', 'TWD');
    expect(r.preset.id).toBe('shopee-orders');
    expect(r.orders).toEqual([
      { platform: 'shopee', orderNo: '220101AAA', buyer: { handle: 'yu_chen', name: '余晨', phone: '0911222333' }, amountMinor: 35000, currency: 'TWD', status: 'delivered', placedAt: Date.UTC(2022, 0, 1, 2), items: [{ title: '茶葉', quantity: 2, priceMinor: 17500 }] },
    ]);
  });
});
