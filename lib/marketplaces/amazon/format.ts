import type { OrderPageFormat } from '../capture/capture';

// "Tue, Apr 27, 2021, 11:45 AM PDT" / "2021年4月27日(火) 11:45 JST" (order-summary-purchase-date-value,
// unattr.; M): the zone is printed. Each Seller Central host sells in its marketplace's currency.
export const amazonOrderFormat: OrderPageFormat = {
  dateOrder: 'mdy',
  sites: {
    'sellercentral.amazon.com': { currency: 'USD' },
    'sellercentral.amazon.co.uk': { currency: 'GBP', dateOrder: 'dmy' },
    'sellercentral.amazon.de': { currency: 'EUR', dateOrder: 'dmy', decimal: ',' },
    'sellercentral.amazon.fr': { currency: 'EUR', dateOrder: 'dmy', decimal: ',' },
    'sellercentral.amazon.it': { currency: 'EUR', dateOrder: 'dmy', decimal: ',' },
    'sellercentral.amazon.es': { currency: 'EUR', dateOrder: 'dmy', decimal: ',' },
    'sellercentral-europe.amazon.com': { dateOrder: 'dmy' },
    'sellercentral.amazon.co.jp': { currency: 'JPY', dateOrder: 'ymd', timeZone: 'Asia/Tokyo' },
    'sellercentral.amazon.ca': { currency: 'CAD' },
    'sellercentral.amazon.com.au': { currency: 'AUD', dateOrder: 'dmy' },
    'sellercentral.amazon.com.mx': { currency: 'MXN', dateOrder: 'dmy' },
  },
};
