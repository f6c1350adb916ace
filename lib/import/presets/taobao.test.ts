import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readOrderExport } from '../read-export';

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`./fixtures/${name}`, import.meta.url)));
const ORDERS = fixture('ExportOrderList202603.csv');
const read = (bytes: Uint8Array, fileName = 'ExportOrderList202603.csv') => readOrderExport(bytes, fileName, { timeZone: 'Asia/Shanghai', currency: 'MYR' });
const ok = (bytes: Uint8Array) => {
  const r = read(bytes);
  if (!r.ok) throw new Error(r.message);
  return r;
};
/** The fixture as text with one line changed, read back as UTF-8 (the preset reads text, whatever the encoding was). */
const TEXT = new TextDecoder('gbk').decode(ORDERS);
const edit = (line: number, change: (l: string) => string) =>
  new TextEncoder().encode(TEXT.split('\r\n').map((l, i) => (i + 1 === line ? change(l) : l)).join('\r\n'));
const at = (m: number, d: number, h: number, mi = 0, s = 0) => Date.UTC(2026, m - 1, d, h - 8, mi, s);

describe('Taobao/Tmall ExportOrderList', () => {
  const result = ok(ORDERS);

  it('is recognised in its GBK encoding, trailing spaces in headers and all', () => {
    expect(result.preset.id).toBe('taobao-orders');
    expect(result.encoding).toBe('gb18030');
  });

  it('reads every order: ="…", apostrophe and tab guards gone, yuan whatever the shop currency, statuses mapped, a refund told from a cancellation', () => {
    expect(result.problems).toEqual([]);
    expect(result.orders).toEqual([
      { platform: 'taobao', orderNo: '3301234567890123451', buyer: { handle: 'tb_lily2026', name: '李丽', phone: '13800138000' }, amountMinor: 12800, currency: 'CNY', status: 'paid', placedAt: at(3, 4, 13, 5), paidAt: at(3, 4, 13, 6, 10), items: [{ title: '纯棉T恤 白色 L，帆布包', quantity: 2 }] },
      { platform: 'taobao', orderNo: '3301234567890123452', buyer: { handle: 'wang_xiao', name: '王小' }, amountMinor: 5990, currency: 'CNY', status: 'unpaid', placedAt: at(3, 5, 22, 10), items: [{ title: '亚麻抱枕套', quantity: 1 }] },
      { platform: 'taobao', orderNo: '3301234567890123453', carrier: '圆通速递', trackingNo: 'YT7500000000001', buyer: { handle: 'tb_lily2026', name: '李丽', phone: '13800138000' }, amountMinor: 25650, currency: 'CNY', status: 'delivered', placedAt: at(2, 20, 9), paidAt: at(2, 20, 9, 1), items: [{ title: '羊毛围巾', quantity: 1 }] },
      { platform: 'taobao', orderNo: '3301234567890123454', buyer: { handle: 'chen_m', name: '陈明', phone: '13912345678' }, amountMinor: 9900, currency: 'CNY', status: 'refunded', placedAt: at(3, 1, 15, 30), paidAt: at(3, 1, 15, 31), items: [{ title: '香薰蜡烛', quantity: 1 }] },
      { platform: 'taobao', orderNo: '3301234567890123455', buyer: { handle: 'zhao_y', name: '赵云' }, amountMinor: 4500, currency: 'CNY', status: 'cancelled', placedAt: at(3, 2, 8), items: [{ title: '陶瓷杯', quantity: 1 }] },
      { platform: 'taobao', orderNo: '3301234567890123456', carrier: '顺丰速运', trackingNo: 'SF1000000000002', buyer: { handle: 'chen_m', name: '陈明', phone: '13912345678' }, amountMinor: 6800, currency: 'CNY', status: 'shipped', placedAt: at(3, 6, 11, 11, 11), paidAt: at(3, 6, 11, 12), items: [{ title: '竹制餐具套装', quantity: 3 }] },
    ]);
  });

  it.each([
    ['a paid amount that is not a number', 2, (l: string) => l.replace('"128.00","0","买家', '"12B.00","0","买家'), '买家实际支付金额', '3301234567890123451'],
    ['a creation time it cannot read', 4, (l: string) => l.replace('2026-02-20 09:00:00', '20.02.2026'), '订单创建时间', '3301234567890123453'],
    ['a status it does not know', 7, (l: string) => l.replace('卖家已发货，等待买家确认', '已穿越'), '订单状态', '3301234567890123456'],
  ])('%s is reported with its row and column', (_name, line, change, column, orderNo) => {
    const r = ok(edit(line, change));
    expect(r.problems).toEqual([expect.objectContaining({ line, column, message: expect.stringContaining(`Order ${orderNo} was left out`) })]);
    expect(r.orders).toHaveLength(5);
  });

  it('an order number a spreadsheet turned into 3.30123E+18 is reported, not imported under a wrong number', () => {
    const r = ok(edit(2, (l) => l.replace('="3301234567890123451"', '3.30123E+18')));
    expect(r.problems).toEqual([expect.objectContaining({ line: 2, column: '订单编号', message: expect.stringMatching(/lost its digits to a spreadsheet/) })]);
  });

  it('a buyer name masked with * and a masked phone leave the order without a buyer, and it is reported', () => {
    const r = ok(edit(3, (l) => l.replace('"wang_xiao"', '"w***o"')));
    expect(r.problems).toEqual([expect.objectContaining({ line: 3, column: '买家会员名', message: expect.stringMatching(/"w\*\*\*o" is masked and the order has no usable phone/) })]);
  });
});

describe('Taobao/Tmall ExportOrderDetailList', () => {
  it('is recognised, and refused on its own: it names no buyer and no order total', () => {
    const r = read(fixture('ExportOrderDetailList202603.csv'), 'ExportOrderDetailList202603.csv');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/ExportOrderDetailList202603\.csv \(Taobao\/Tmall order items \(ExportOrderDetailList\)\) holds the items of each order but no buyer \(买家会员名, 联系手机\).*import the ExportOrderList file/);
  });
});
