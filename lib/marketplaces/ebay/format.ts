import type { OrderPageFormat } from '../capture/capture';

// Seller Hub per country site: "Nov 19, 2026" on ebay.com, day-first and decimal commas on the
// European sites (national convention; L). A code beside the amount ("US $24.32") always wins.
export const ebayOrderFormat: OrderPageFormat = {
  dateOrder: 'mdy',
  sites: {
    'www.ebay.com': { currency: 'USD' },
    'www.ebay.co.uk': { currency: 'GBP', dateOrder: 'dmy' },
    'www.ebay.de': { currency: 'EUR', dateOrder: 'dmy', decimal: ',' },
    'www.ebay.fr': { currency: 'EUR', dateOrder: 'dmy', decimal: ',' },
    'www.ebay.it': { currency: 'EUR', dateOrder: 'dmy', decimal: ',' },
    'www.ebay.es': { currency: 'EUR', dateOrder: 'dmy', decimal: ',' },
    'www.ebay.at': { currency: 'EUR', dateOrder: 'dmy', decimal: ',' },
    'www.ebay.nl': { currency: 'EUR', dateOrder: 'dmy', decimal: ',' },
    'www.ebay.ie': { currency: 'EUR', dateOrder: 'dmy' },
    'www.ebay.ch': { currency: 'CHF', dateOrder: 'dmy' },
    'www.ebay.pl': { currency: 'PLN', dateOrder: 'dmy', decimal: ',' },
    'www.ebay.com.au': { currency: 'AUD', dateOrder: 'dmy' },
    'www.ebay.ca': { currency: 'CAD' },
  },
};
