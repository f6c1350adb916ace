import type { OrderPageFormat } from '../capture/capture';

// "11/20/2026 08:15:42 PM" on the US site (month first, as its export); the regional sites write
// day first (L), in their country's time and currency.
export const tiktokOrderFormat: OrderPageFormat = {
  dateOrder: 'dmy',
  sites: {
    'seller-us.tiktok.com': { dateOrder: 'mdy', currency: 'USD' },
    'seller-uk.tiktok.com': { currency: 'GBP', timeZone: 'Europe/London' },
    'seller-my.tiktok.com': { currency: 'MYR', timeZone: 'Asia/Kuala_Lumpur' },
    'seller-th.tiktok.com': { currency: 'THB', timeZone: 'Asia/Bangkok' },
    'seller-vn.tiktok.com': { currency: 'VND', timeZone: 'Asia/Ho_Chi_Minh', decimal: ',' },
    'seller-ph.tiktok.com': { currency: 'PHP', timeZone: 'Asia/Manila' },
    'seller-sg.tiktok.com': { currency: 'SGD', timeZone: 'Asia/Singapore' },
    'seller-br.tiktok.com': { currency: 'BRL', timeZone: 'America/Sao_Paulo', decimal: ',' },
    'seller-mx.tiktok.com': { dateOrder: 'dmy', currency: 'MXN' },
    'seller-id.tokopedia.com': { currency: 'IDR', timeZone: 'Asia/Jakarta', decimal: ',' },
  },
};
