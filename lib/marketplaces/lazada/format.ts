import type { OrderPageFormat } from '../capture/capture';

// Seller Center prints "21 Nov 2026 09:14" (MY fixture) and day-first numbers, in the country
// site's time and currency. Decimal commas in Indonesia and Vietnam (national convention; L).
export const lazadaOrderFormat: OrderPageFormat = {
  dateOrder: 'dmy',
  sites: {
    'sellercenter.lazada.sg': { currency: 'SGD', timeZone: 'Asia/Singapore', decimal: '.' },
    'sellercenter.lazada.com.my': { currency: 'MYR', timeZone: 'Asia/Kuala_Lumpur', decimal: '.' },
    'sellercenter.lazada.co.th': { currency: 'THB', timeZone: 'Asia/Bangkok', decimal: '.' },
    'sellercenter.lazada.vn': { currency: 'VND', timeZone: 'Asia/Ho_Chi_Minh', decimal: ',' },
    'sellercenter.lazada.com.ph': { currency: 'PHP', timeZone: 'Asia/Manila', decimal: '.' },
    'sellercenter.lazada.co.id': { currency: 'IDR', timeZone: 'Asia/Jakarta', decimal: ',' },
  },
};
