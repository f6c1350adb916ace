import type { OrderPageFormat } from '../capture/capture';

// Seller Centre writes day-first dates ("20/11/2026 14:05", MY fixture) in the country site's own
// time, and sells in that country's currency: a bare "$" on Shopee Singapore is SGD. Taiwan writes
// year first (2026/11/20). Decimal commas on the Indonesian, Vietnamese and Brazilian sites (their
// national convention; L). The cross-border hosts (.cn, .com) serve many countries: nothing assumed.
export const shopeeOrderFormat: OrderPageFormat = {
  dateOrder: 'dmy',
  sites: {
    'seller.shopee.co.id': { currency: 'IDR', timeZone: 'Asia/Jakarta', decimal: ',' },
    'seller.shopee.com.my': { currency: 'MYR', timeZone: 'Asia/Kuala_Lumpur', decimal: '.' },
    'seller.shopee.co.th': { currency: 'THB', timeZone: 'Asia/Bangkok', decimal: '.' },
    'seller.shopee.sg': { currency: 'SGD', timeZone: 'Asia/Singapore', decimal: '.' },
    'seller.shopee.ph': { currency: 'PHP', timeZone: 'Asia/Manila', decimal: '.' },
    'seller.shopee.tw': { currency: 'TWD', timeZone: 'Asia/Taipei', decimal: '.', dateOrder: 'ymd' },
    'seller.shopee.com.br': { currency: 'BRL', timeZone: 'America/Sao_Paulo', decimal: ',' },
    'seller.shopee.vn': { currency: 'VND', timeZone: 'Asia/Ho_Chi_Minh', decimal: ',' },
    'banhang.shopee.vn': { currency: 'VND', timeZone: 'Asia/Ho_Chi_Minh', decimal: ',' },
  },
};
