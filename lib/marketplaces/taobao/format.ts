import type { OrderPageFormat } from '../capture/capture';

// Qianniu prints "2023-05-25 16:13:16" (or 2026年11月21日) in Beijing time, amounts in yuan: its ¥
// is never yen, and its CST is China Standard Time.
export const taobaoOrderFormat: OrderPageFormat = {
  dateOrder: 'ymd',
  timeZone: 'Asia/Shanghai',
  zones: { CST: 480 },
  decimal: '.',
  currency: 'CNY',
};
